package dev.orion.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.store.contract.Backend;
import dev.orion.store.contract.Backends;
import dev.orion.store.contract.VectorIndexContract;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Runs the vector index contract against PostgreSQL with a real pgvector (PGlite over the PostgreSQL
 * wire protocol, see {@link dev.orion.store.contract.Pglite}), where searches go through HNSW indexes.
 */
class PgVectorStoresTest {

    static Backend backend() {
        return Backends.pgvector();
    }

    @Test
    void theJdbcDriverTalksToPgliteAndTheIndexesAreHnsw() throws SQLException {
        Backend b = backend();
        b.stores().tenant(dev.orion.tenant.TenantId.of("pgvector-probe"), dev.orion.tenant.Principal.user("alice")).vectors()
                .upsert("probe", java.util.List.of(VectorEntry.of("a", new float[] {1, 2, 3})));
        try (Connection c = b.rawSql().orElseThrow().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT extversion FROM pg_extension WHERE extname = 'vector'")) {
                assertThat(rs.next()).isTrue();
            }
            try (ResultSet rs = s.executeQuery("SELECT indexdef FROM pg_indexes WHERE indexname = 'vector_entries_hnsw_cos_3'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).contains("USING hnsw").contains("vector_cosine_ops").contains("dims = 3");
            }
            // the index serves the store's ORDER BY expression (on a table this small the planner rightly prefers the
            // primary key for one tenant's rows; orion-bench's VectorSearchBenchmark measures the index on 100,000)
            s.execute("SET enable_seqscan = off");
            try (ResultSet rs = s.executeQuery("EXPLAIN SELECT id FROM vector_entries WHERE dims = 3"
                    + " ORDER BY vec::vector(3) <-> '[1,2,3]'::vector(3) LIMIT 5")) {
                StringBuilder plan = new StringBuilder();
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
                assertThat(plan.toString()).contains("vector_entries_hnsw_l2_3");
            } finally {
                s.execute("RESET enable_seqscan");
            }
        }
    }

    @Nested
    class VectorIndexTest extends VectorIndexContract {
        @Override
        protected Backend backend() {
            return PgVectorStoresTest.backend();
        }
    }
}
