package dev.orion.store.jdbc;

import dev.orion.store.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database has the pgvector extension, found once when the stores open, and the HNSW
 * indexes of the vector collections. pgvector's HNSW needs a fixed dimension, so there is one pair of
 * partial expression indexes per dimension in use ({@code vec::vector(n)} where {@code dims = n}, one
 * for cosine and one for L2), created by the owner role the first time a vector of that dimension is
 * stored. Without the extension (and on H2) every search is exact.
 */
final class PgVector {

    private static final Logger LOG = LoggerFactory.getLogger(PgVector.class);
    /** pgvector's HNSW indexes take vectors of at most this many dimensions; longer ones are searched exactly. */
    static final int MAX_INDEXED_DIMENSION = 2000;
    static final PgVector NONE = new PgVector(null, Optional.empty());

    private final DataSource owner;
    private final Optional<String> version;
    private final Set<Integer> indexed = ConcurrentHashMap.newKeySet();

    private PgVector(DataSource owner, Optional<String> version) {
        this.owner = owner;
        this.version = version;
    }

    /** Looks for the extension (as the owner role) and says in the log which search the vector index will use. */
    static PgVector detect(Dialect dialect, DataSource owner) {
        if (dialect != Dialect.POSTGRESQL) {
            LOG.debug("vector search: exact scans ({})", dialect);
            return NONE;
        }
        try (Connection c = owner.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT extversion FROM pg_extension WHERE extname = 'vector'")) {
            if (rs.next()) {
                LOG.info("vector search: pgvector {} is installed, collections are searched through HNSW indexes", rs.getString(1));
                return new PgVector(owner, Optional.of(rs.getString(1)));
            }
            LOG.info("vector search: the pgvector extension is not installed in this database, collections are searched"
                    + " exactly in SQL (CREATE EXTENSION vector, then restart, to use HNSW indexes)");
            return NONE;
        } catch (SQLException e) {
            throw new StoreException("cannot look for the pgvector extension: " + e.getMessage(), e);
        }
    }

    /** @return whether searches go through pgvector */
    boolean available() {
        return version.isPresent();
    }

    /** @return whether vectors of this dimension have HNSW indexes (creating them on first use) */
    boolean indexed(int dims) {
        if (!available() || dims > MAX_INDEXED_DIMENSION) {
            return false;
        }
        if (indexed.contains(dims)) {
            return true;
        }
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            for (String[] ops : new String[][] {{"cos", "vector_cosine_ops"}, {"l2", "vector_l2_ops"}}) {
                s.execute("CREATE INDEX IF NOT EXISTS vector_entries_hnsw_" + ops[0] + "_" + dims + " ON vector_entries USING hnsw"
                        + " ((vec::vector(" + dims + ")) " + ops[1] + ") WHERE dims = " + dims);
            }
        } catch (SQLException e) {
            throw new StoreException("creating the HNSW indexes for vectors of dimension " + dims + " failed: " + e.getMessage(), e);
        }
        LOG.debug("HNSW indexes ready for vectors of dimension {}", dims);
        indexed.add(dims);
        return true;
    }
}
