-- Structures are stored as structures: StructureStore takes a Structure and derives the searchable
-- columns from it (reduced formula, site count, space-group number, and one structure_elements row
-- per element). The caller-supplied formula and nsites of earlier rows are kept, renamed legacy_*,
-- so nothing is lost; new rows leave them NULL. The Java migration 3.1 (StructureColumnsBackfill)
-- fills the derived columns of earlier rows whose body is a structure document; a row whose body is
-- not one keeps site_count NULL, which marks it as unreadable (the stores skip it in queries).
ALTER TABLE structures RENAME COLUMN formula TO legacy_formula;
ALTER TABLE structures RENAME COLUMN nsites TO legacy_nsites;
ALTER TABLE structures ALTER COLUMN legacy_formula DROP NOT NULL;
ALTER TABLE structures ALTER COLUMN legacy_nsites DROP NOT NULL;
ALTER TABLE structures ADD COLUMN reduced_formula VARCHAR(200);
ALTER TABLE structures ADD COLUMN site_count INTEGER;
ALTER TABLE structures ADD COLUMN space_group INTEGER;
DROP INDEX structures_formula;
CREATE INDEX structures_reduced_formula ON structures (tenant_id, reduced_formula, seq);
CREATE INDEX structures_site_count ON structures (tenant_id, site_count, seq);
CREATE INDEX structures_space_group ON structures (tenant_id, space_group, seq);

CREATE TABLE structure_elements (
    tenant_id    VARCHAR(63) NOT NULL,
    structure_id VARCHAR(64) NOT NULL,
    element      VARCHAR(3)  NOT NULL,
    PRIMARY KEY (tenant_id, structure_id, element)
);
CREATE INDEX structure_elements_element ON structure_elements (tenant_id, element, structure_id);
