package dev.orion.bench.store;

import dev.orion.store.TenantStores;
import dev.orion.store.VectorEntry;
import dev.orion.store.VectorIndex;
import dev.orion.store.VectorMatch;
import dev.orion.store.VectorMetric;
import dev.orion.store.contract.PgliteServer;
import dev.orion.store.contract.SingleConnectionDataSource;
import dev.orion.store.jdbc.JdbcStores;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Top-10 nearest-neighbour queries per second over {@code n} vectors of dimension 128 stored through
 * {@link VectorIndex} on PostgreSQL with pgvector: the store's search (HNSW index, cosine) against exact
 * search (the same ORDER BY with index scans switched off, a full scan computing every distance), with
 * recall@10 of the index against the exact answer. The vectors are clustered (1,000 Gaussian clusters,
 * like embeddings of related texts), the queries are perturbed stored vectors.
 *
 * <p>PostgreSQL here is PGlite (PostgreSQL 18 compiled to WebAssembly, one single-threaded session) over
 * its socket server, from {@code .cache/pglite} ({@code scripts/install-test-deps}); a native server is
 * faster in absolute terms. Run from the project root:
 * {@code scripts/bench dev.orion.bench.store.VectorSearchBench [n] [queries] [exact queries]}.
 */
public final class VectorSearchBench {

    private static final PrintStream OUT = System.out;
    private static final int DIM = 128;

    private VectorSearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path script = Path.of(".cache/pglite/node_modules/@electric-sql/pglite-socket/dist/scripts/server.js").toAbsolutePath();
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("PGlite is not installed at " + script + ": run scripts/install-test-deps");
        }
        int port = PgliteServer.start(script);
        SingleConnectionDataSource ds = new SingleConnectionDataSource(PgliteServer.withVectorExtension(port));
        try (JdbcStores stores = JdbcStores.open(ds, Clock.systemUTC(), Optional.empty())) {
            OUT.println("pgvector found by the stores: " + stores.hasPgVector());
            TenantStores t = stores.tenant(TenantId.of("bench"), Principal.system("bench"));
            VectorIndex index = t.vectors();
            Random r = new Random(2026);
            float[][] centres = new float[1000][];
            for (int c = 0; c < centres.length; c++) {
                centres[c] = gaussian(r, 1.0);
            }
            float[][] data = new float[n][];
            long t0 = System.nanoTime();
            List<VectorEntry> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                float[] v = gaussian(r, 0.3);
                float[] c = centres[r.nextInt(centres.length)];
                for (int k = 0; k < DIM; k++) {
                    v[k] += c[k];
                }
                data[i] = v;
                batch.add(VectorEntry.of("v" + i, v));
                if (batch.size() == 1000) {
                    index.upsert("bench-128", batch);
                    batch.clear();
                    if (i == 999) {
                        // bulk load, then index (pgvector's advice): drop the indexes the first upsert created
                        sql(ds, "DROP INDEX vector_entries_hnsw_cos_128", "DROP INDEX vector_entries_hnsw_l2_128");
                    }
                }
            }
            index.upsert("bench-128", batch);
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            long t3 = System.nanoTime();
            sql(ds, "CREATE INDEX vector_entries_hnsw_cos_128 ON vector_entries USING hnsw ((vec::vector(128)) vector_cosine_ops)"
                    + " WHERE dims = 128", "ANALYZE vector_entries");
            double buildSeconds = (System.nanoTime() - t3) / 1e9;
            OUT.printf(Locale.ROOT, "stored %,d vectors of dimension %d in %.1f s (%.0f vectors/s); HNSW index (m=16, ef_construction=64)"
                    + " built in %.1f s%n", n, DIM, loadSeconds, n / loadSeconds, buildSeconds);

            float[][] q = new float[queries][];
            for (int i = 0; i < queries; i++) {
                float[] v = data[r.nextInt(n)].clone();
                float[] noise = gaussian(r, 0.1);
                for (int k = 0; k < DIM; k++) {
                    v[k] += noise[k];
                }
                q[i] = v;
            }
            index.nearest("bench-128", q[0], 10, VectorMetric.COSINE); // warm-up
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.execute("SELECT set_config('app.tenant_id', 'bench', true)");
                try (ResultSet rs = s.executeQuery("EXPLAIN SELECT id FROM vector_entries WHERE tenant_id = 'bench' AND collection = 'bench-128'"
                        + " AND dims = " + DIM + " ORDER BY vec::vector(" + DIM + ") <=> '" + literal(q[0]) + "'::vector(" + DIM + ") LIMIT 10")) {
                    while (rs.next()) {
                        OUT.println("  plan of the store's search: " + rs.getString(1));
                    }
                }
                c.commit();
                c.setAutoCommit(true);
            }
            long t1 = System.nanoTime();
            List<Set<String>> approx = new ArrayList<>();
            for (float[] v : q) {
                Set<String> ids = new HashSet<>();
                for (VectorMatch m : index.nearest("bench-128", v, 10, VectorMetric.COSINE)) {
                    ids.add(m.id());
                }
                approx.add(ids);
            }
            double indexSeconds = (System.nanoTime() - t1) / 1e9;

            int exactQueries = Math.min(queries, args.length > 2 ? Integer.parseInt(args[2]) : 10);
            long t2 = System.nanoTime();
            int hits = 0;
            try (Connection c = ds.getConnection()) {
                for (int i = 0; i < exactQueries; i++) {
                    Set<String> exact = exact(c, q[i]);
                    for (String id : exact) {
                        hits += approx.get(i).contains(id) ? 1 : 0;
                    }
                }
            }
            double exactSeconds = (System.nanoTime() - t2) / 1e9;
            double indexQps = queries / indexSeconds;
            double exactQps = exactQueries / exactSeconds;
            OUT.printf(Locale.ROOT, "HNSW (store search): %d queries in %.2f s = %.1f queries/s%n", queries, indexSeconds, indexQps);
            OUT.printf(Locale.ROOT, "exact (full scan):   %d queries in %.2f s = %.2f queries/s%n", exactQueries, exactSeconds, exactQps);
            OUT.printf(Locale.ROOT, "speed-up %.1fx, recall@10 %.3f (over the %d queries with an exact answer)%n",
                    indexQps / exactQps, hits / (10.0 * exactQueries), exactQueries);
        }
    }

    /** The exact top 10: the store's query shape with index scans off, so PostgreSQL computes every distance. */
    private static Set<String> exact(Connection c, float[] q) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SELECT set_config('app.tenant_id', 'bench', true)");
            s.execute("SET LOCAL enable_indexscan = off");
            s.execute("SET LOCAL enable_bitmapscan = off");
            Set<String> ids = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM vector_entries WHERE tenant_id = 'bench'"
                    + " AND collection = 'bench-128' AND dims = " + DIM + " ORDER BY vec::vector(" + DIM + ") <=> ?::vector(" + DIM + ") LIMIT 10")) {
                ps.setString(1, literal(q));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        } finally {
            c.commit();
            c.setAutoCommit(true);
        }
    }

    private static void sql(SingleConnectionDataSource ds, String... statements) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static String literal(float[] q) {
        StringBuilder lit = new StringBuilder("[");
        for (int k = 0; k < q.length; k++) {
            lit.append(k == 0 ? "" : ",").append(q[k]);
        }
        return lit.append(']').toString();
    }

    private static float[] gaussian(Random r, double sigma) {
        float[] v = new float[DIM];
        for (int k = 0; k < DIM; k++) {
            v[k] = (float) (sigma * r.nextGaussian());
        }
        return v;
    }
}
