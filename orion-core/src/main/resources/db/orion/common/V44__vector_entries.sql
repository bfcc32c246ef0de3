-- Vector collections of each tenant (VectorIndex): structure fingerprints, text embeddings. A vector is a
-- REAL array (single precision, as pgvector stores it); dims repeats its length so that queries and the
-- per-dimension HNSW indexes that JdbcStores creates on PostgreSQL with pgvector (partial indexes on
-- vec::vector(dims)) can select one dimension. No vector type here: H2 has none, and PostgreSQL without
-- the extension searches the arrays exactly in SQL.
CREATE TABLE vector_entries (
    tenant_id  VARCHAR(63)  NOT NULL,
    collection VARCHAR(100) NOT NULL,
    id         VARCHAR(200) NOT NULL,
    dims       INTEGER      NOT NULL,
    vec        REAL ARRAY   NOT NULL,
    metadata   TEXT         NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, collection, id)
);
