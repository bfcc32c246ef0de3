package dev.orion.bench.store;

import dev.orion.core.Stores;
import dev.orion.store.Lease;
import dev.orion.store.LlmCall;
import dev.orion.store.LlmCallOutcome;
import dev.orion.store.NewWorkItem;
import dev.orion.store.OrionStores;
import dev.orion.store.TenantStores;
import dev.orion.store.WorkQueue;
import dev.orion.tenant.Principal;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Measures, in one run on one embedded PostgreSQL: batched LLM call-record ingest (rows/s),
 * work-item claims across 4 workers (claims/s, checking for duplicates), and the same tenant query
 * without tenant column, with the tenant filter, and with filter plus row-level security, as ratios.
 *
 * <p>Run: see {@code docs/persistence.md}, section Performance. It is a program, not a test: the
 * figures vary with the machine, the ratios much less.
 */
public final class StoreBenchmarks {

    private static final PrintStream OUT = System.out;

    private StoreBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        int ingestRows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int queueItems = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE ROLE orion_app LOGIN PASSWORD 'app' NOSUPERUSER NOBYPASSRLS");
                s.execute("CREATE DATABASE orion OWNER orion_app");
            }
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/orion";
            try (OrionStores stores = Stores.postgres(url, "orion_app", "app")) {
                OUT.printf("PostgreSQL %s, %d cores%n", version(pg.getDatabase("postgres", "orion")),
                        Runtime.getRuntime().availableProcessors());
                double orionRate = ingest(stores, ingestRows);
                double referenceRate = referenceIngest(pg.getPort(), ingestRows);
                OUT.printf("ingest ratio ORION / raw JDBC batch insert: %.2f%n", orionRate / referenceRate);
                claims(stores, queueItems);
                tenantFilterAndRls(pg, stores);
            }
        }
    }

    private static String version(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<LlmCall> calls(Random rnd, int n) {
        List<LlmCall> out = new ArrayList<>(n);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            out.add(LlmCall.builder().project(ProjectId.of("p" + rnd.nextInt(10))).runId("run-" + rnd.nextInt(100))
                    .feature("advisor").profile(rnd.nextBoolean() ? "fast" : "smart").provider("openai")
                    .model(rnd.nextBoolean() ? "gpt-a" : "gpt-b").tokensIn(rnd.nextInt(4000)).tokensOut(rnd.nextInt(800))
                    .tokensCached(rnd.nextInt(1000)).cost(BigDecimal.valueOf(rnd.nextInt(1_000_000), 8))
                    .latency(Duration.ofMillis(rnd.nextInt(5000))).outcome(LlmCallOutcome.SUCCESS)
                    .cacheHit(rnd.nextInt(10) == 0).fallbackPath(List.of("gpt-a")).requestId("req-" + i)
                    .time(t0.plusSeconds(i)).build());
        }
        return out;
    }

    private static double ingest(OrionStores stores, int rows) {
        Random rnd = new Random(1);
        int batch = 1000;
        List<TenantStores> tenants = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            tenants.add(stores.tenant(TenantId.of("bench-" + t), Principal.system("bench")));
        }
        List<LlmCall> sample = calls(rnd, batch);
        for (int i = 0; i < 20; i++) {
            tenants.get(i % 4).llmCalls().recordAll(sample); // warm-up: JIT, plans, pool
        }
        long start = System.nanoTime();
        for (int i = 0; i < rows / batch; i++) {
            tenants.get(i % 4).llmCalls().recordAll(sample);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        OUT.printf("ingest: %,d LLM call records in batches of %d: %.2f s = %,.0f rows/s%n",
                rows / batch * batch, batch, seconds, rows / batch * batch / seconds);
        return rows / batch * batch / seconds;
    }

    /**
     * The reference: the same rows inserted with plain JDBC batches (rewritten into multi-row INSERTs)
     * as the superuser into a table with the same columns and only a primary key: no audit, no
     * row-level security, no secondary indexes.
     */
    private static double referenceIngest(int port, int rows) throws SQLException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl("jdbc:postgresql://localhost:" + port + "/orion");
        ds.setUser("postgres");
        ds.setReWriteBatchedInserts(true);
        int batch = 1000;
        List<LlmCall> sample = calls(new Random(1), batch);
        try (Connection c = ds.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_ref (LIKE llm_calls INCLUDING DEFAULTS INCLUDING IDENTITY, PRIMARY KEY (tenant_id, id))");
            }
            c.setAutoCommit(false);
            String sql = "INSERT INTO bench_ref (tenant_id, id, project_id, run_id, feature, profile, provider, model, experiment,"
                    + " tokens_in, tokens_out, tokens_cached, tokens_cache_write, cost_usd, latency_us, outcome, cache_hit,"
                    + " fallback_path, request_id, error, started_at, started_day)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            long start = 0;
            long seq = 0;
            for (int b = -20; b < rows / batch; b++) { // 20 warm-up batches
                if (b == 0) {
                    start = System.nanoTime();
                }
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (LlmCall x : sample) {
                        ps.setString(1, "bench-" + (b & 3));
                        ps.setString(2, java.util.UUID.randomUUID().toString() + (seq++));
                        ps.setString(3, x.project().map(ProjectId::value).orElse(null));
                        ps.setString(4, x.runId().orElse(null));
                        ps.setString(5, x.feature().orElse(null));
                        ps.setString(6, x.profile());
                        ps.setString(7, x.provider());
                        ps.setString(8, x.model());
                        ps.setString(9, x.experiment().orElse(null));
                        ps.setLong(10, x.tokensIn());
                        ps.setLong(11, x.tokensOut());
                        ps.setLong(12, x.tokensCached());
                        ps.setLong(13, x.tokensCacheWrite());
                        ps.setBigDecimal(14, x.cost());
                        ps.setLong(15, x.latency().toNanos() / 1000);
                        ps.setString(16, x.outcome().name());
                        ps.setBoolean(17, x.cacheHit());
                        ps.setString(18, "[\"gpt-a\"]");
                        ps.setString(19, x.requestId().orElse(null));
                        ps.setString(20, x.error().orElse(null));
                        ps.setObject(21, x.time().atOffset(java.time.ZoneOffset.UTC));
                        ps.setObject(22, java.time.LocalDate.ofInstant(x.time(), java.time.ZoneOffset.UTC));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = rows / batch * batch / seconds;
            OUT.printf("reference: raw JDBC batch insert of the same rows (superuser, PK only): %.2f s = %,.0f rows/s%n", seconds, rate);
            return rate;
        }
    }

    private static void claims(OrionStores stores, int items) throws Exception {
        TenantStores t = stores.tenant(TenantId.of("bench-queue"), Principal.system("bench"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> fill = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int worker = w;
                fill.add(pool.submit(() -> {
                    WorkQueue q = stores.tenant(t.tenant(), t.actor()).workQueue();
                    for (int i = worker; i < items; i += 4) {
                        q.enqueue(NewWorkItem.of("bench", Integer.toString(i)));
                    }
                }));
            }
            for (Future<?> f : fill) {
                f.get();
            }
            Map<String, AtomicInteger> claimed = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            List<Future<Integer>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String id = "w" + w;
                workers.add(pool.submit(() -> {
                    WorkQueue q = stores.tenant(t.tenant(), t.actor()).workQueue();
                    int n = 0;
                    while (true) {
                        List<Lease> leases = q.claim("bench", id, 10, Duration.ofMinutes(10));
                        if (leases.isEmpty()) {
                            return n;
                        }
                        for (Lease l : leases) {
                            claimed.computeIfAbsent(l.item().id(), k -> new AtomicInteger()).incrementAndGet();
                            n++;
                        }
                    }
                }));
            }
            int total = 0;
            for (Future<Integer> f : workers) {
                total += f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long duplicates = claimed.values().stream().filter(a -> a.get() > 1).count();
            OUT.printf("claims: %,d items claimed by 4 workers (batches of 10, one audit event per claim): %.2f s = %,.0f claims/s,"
                    + " distinct items %,d, duplicates %d%n", total, seconds, total / seconds, claimed.size(), duplicates);
            if (duplicates != 0 || claimed.size() != items) {
                throw new IllegalStateException("work queue claimed " + claimed.size() + " distinct of " + items + " with "
                        + duplicates + " duplicates");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Query {
        int run(Connection c) throws SQLException;
    }

    private static int fetch(PreparedStatement ps) throws SQLException {
        int n = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                n += rs.getLong(1) > 0 ? 1 : 0;
            }
        }
        return n;
    }

    private static void tenantFilterAndRls(EmbeddedPostgres pg, OrionStores stores) throws SQLException {
        DataSource superuser = pg.getDatabase("postgres", "orion");
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            // the same rows of one tenant in a copy without tenant index or policy: the query without tenant filter
            s.execute("CREATE TABLE bench_plain AS SELECT * FROM llm_calls WHERE tenant_id = 'bench-1'");
            s.execute("CREATE INDEX bench_plain_seq ON bench_plain (seq)");
            s.execute("ANALYZE");
        }
        PGSimpleDataSource app = new PGSimpleDataSource();
        app.setUrl("jdbc:postgresql://localhost:" + pg.getPort() + "/orion");
        app.setUser("orion_app");
        app.setPassword("app");
        String cols = "seq, model, tokens_in, cost_usd, started_at";
        long maxSeq;
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(seq) FROM bench_plain")) {
            rs.next();
            maxSeq = rs.getLong(1);
        }
        long from = maxSeq / 2;
        Query plain = c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + cols + " FROM bench_plain WHERE seq > ? ORDER BY seq LIMIT 50")) {
                ps.setLong(1, from);
                return fetch(ps);
            }
        };
        Query filtered = c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + cols + " FROM llm_calls WHERE tenant_id = ? AND seq > ? ORDER BY seq LIMIT 50")) {
                ps.setString(1, "bench-1");
                ps.setLong(2, from);
                return fetch(ps);
            }
        };
        Query rls = c -> {
            try (PreparedStatement set = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                set.setString(1, "bench-1");
                set.execute();
            }
            return filtered.run(c);
        };
        int warmup = 1000;
        int n = 5000;
        long[] total = new long[3];
        try (Connection su = superuser.getConnection(); Connection ac = app.getConnection()) {
            su.setAutoCommit(false);
            ac.setAutoCommit(false);
            // the three variants alternate transaction by transaction, so load changes on the shared
            // machine hit all three alike
            for (int i = -warmup; i < n; i++) {
                long a = time(su, plain);
                long b = time(su, filtered);
                long c = time(ac, rls);
                if (i >= 0) {
                    total[0] += a;
                    total[1] += b;
                    total[2] += c;
                }
            }
        }
        OUT.printf("tenant query (page of 50 by keyset), %,d interleaved transactions of each variant:%n", n);
        OUT.printf("  no tenant column (superuser)          %.1f us/tx%n", total[0] / 1e3 / n);
        OUT.printf("  tenant_id filter (superuser, no RLS)  %.1f us/tx  ratio %.2f%n", total[1] / 1e3 / n, (double) total[1] / total[0]);
        OUT.printf("  filter + RLS + set_config (app role)  %.1f us/tx  ratio %.2f (%.2f against the filtered query)%n",
                total[2] / 1e3 / n, (double) total[2] / total[0], (double) total[2] / total[1]);
    }

    private static long time(Connection c, Query q) throws SQLException {
        long start = System.nanoTime();
        if (q.run(c) != 50) {
            throw new IllegalStateException("expected a full page of 50 rows");
        }
        c.commit();
        return System.nanoTime() - start;
    }
}
