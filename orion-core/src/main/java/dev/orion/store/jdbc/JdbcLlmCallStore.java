package dev.orion.store.jdbc;

import dev.orion.store.LlmCall;
import dev.orion.store.LlmCallAggregate;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallGrouping;
import dev.orion.store.LlmCallOutcome;
import dev.orion.store.LlmCallRecord;
import dev.orion.store.LlmCallStore;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.internal.StoreIds;
import dev.orion.tenant.ProjectId;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

final class JdbcLlmCallStore implements LlmCallStore {

    private static final String COLUMNS = "project_id, run_id, feature, profile, provider, model, experiment, tokens_in,"
            + " tokens_out, tokens_cached, tokens_cache_write, cost_usd, latency_us, outcome, cache_hit, fallback_path,"
            + " request_id, error, started_at";
    private static final String SELECT = "SELECT id, seq, " + COLUMNS + " FROM llm_calls";
    private static final String INSERT = "INSERT INTO llm_calls (tenant_id, id, " + COLUMNS
            + ", started_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING";
    private static final int BATCH = 1000;
    private final View v;

    JdbcLlmCallStore(View v) {
        this.v = v;
    }

    /** The UTC day of a call, stored beside its time so that both databases group by day alike. */
    private static java.time.LocalDate day(LlmCall x) {
        return java.time.LocalDate.ofInstant(x.time(), java.time.ZoneOffset.UTC);
    }

    private static LlmCallRecord map(ResultSet rs) throws SQLException {
        LlmCall call = new LlmCall(Optional.ofNullable(rs.getString("project_id")).map(ProjectId::of),
                Columns.optionalString(rs, "run_id"), Columns.optionalString(rs, "feature"), rs.getString("profile"),
                rs.getString("provider"), rs.getString("model"), Columns.optionalString(rs, "experiment"),
                rs.getLong("tokens_in"), rs.getLong("tokens_out"), rs.getLong("tokens_cached"),
                rs.getLong("tokens_cache_write"), Columns.money(rs, "cost_usd"),
                Duration.ofNanos(rs.getLong("latency_us") * 1000), LlmCallOutcome.valueOf(rs.getString("outcome")),
                rs.getBoolean("cache_hit"), JsonColumns.stringList(rs.getString("fallback_path")),
                Columns.optionalString(rs, "request_id"), Columns.optionalString(rs, "error"),
                Columns.instant(rs, "started_at"));
        return new LlmCallRecord(rs.getString("id"), call);
    }

    private void bind(PreparedStatement ps, String id, LlmCall x) throws SQLException {
        Columns.bindAll(ps, v.t(), id, x.project().map(ProjectId::value), x.runId(), x.feature(), x.profile(),
                x.provider(), x.model(), x.experiment(), x.tokensIn(), x.tokensOut(), x.tokensCached(),
                x.tokensCacheWrite(), x.cost(), x.latency().toNanos() / 1000, x.outcome(), x.cacheHit(),
                JsonColumns.write(x.fallbackPath()), x.requestId(), x.error(), x.time(), day(x));
    }

    @Override
    public LlmCallRecord record(LlmCall call) {
        Objects.requireNonNull(call, "call");
        return v.tx("record LLM call", c -> {
            String id = StoreIds.newId();
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                bind(ps, id, call);
                ps.executeUpdate();
            }
            return new LlmCallRecord(id, call);
        });
    }

    @Override
    public int recordAll(List<LlmCall> calls) {
        List<LlmCallRecord> records = new ArrayList<>(calls.size());
        for (LlmCall call : calls) {
            records.add(new LlmCallRecord(StoreIds.newId(), Objects.requireNonNull(call, "call")));
        }
        return insert("record LLM calls", records);
    }

    @Override
    public int append(List<LlmCallRecord> records) {
        // duplicates inside one batch are dropped here; ones already stored by ON CONFLICT DO NOTHING
        Map<String, LlmCallRecord> byId = new LinkedHashMap<>();
        for (LlmCallRecord r : records) {
            byId.putIfAbsent(r.id(), r);
        }
        return insert("append LLM calls", List.copyOf(byId.values()));
    }

    private int insert(String what, List<LlmCallRecord> records) {
        if (records.isEmpty()) {
            return 0;
        }
        if (v.tx().dialect() == Dialect.POSTGRESQL) {
            return v.tx(what, c -> insertUnnest(c, records));
        }
        return v.tx(what, c -> {
            int stored = 0;
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                int pending = 0;
                for (LlmCallRecord r : records) {
                    bind(ps, r.id(), r.call());
                    ps.addBatch();
                    if (++pending == BATCH) {
                        stored += inserted(ps.executeBatch());
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    stored += inserted(ps.executeBatch());
                }
            }
            return stored;
        });
    }

    private static int inserted(int[] counts) {
        int n = 0;
        for (int count : counts) {
            // a driver that cannot tell (SUCCESS_NO_INFO) inserted the row: conflicts report 0
            n += count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
        }
        return n;
    }

    /** Column order of {@link #UNNEST}, with the PostgreSQL array type each column is sent as. */
    private static final String[][] UNNEST_COLUMNS = {
        {"id", "text"}, {"project_id", "text"}, {"run_id", "text"}, {"feature", "text"}, {"profile", "text"},
        {"provider", "text"}, {"model", "text"}, {"experiment", "text"}, {"tokens_in", "bigint"}, {"tokens_out", "bigint"},
        {"tokens_cached", "bigint"}, {"tokens_cache_write", "bigint"}, {"cost_usd", "numeric"}, {"latency_us", "bigint"},
        {"outcome", "text"}, {"cache_hit", "boolean"}, {"fallback_path", "text"}, {"request_id", "text"}, {"error", "text"},
        {"started_at", "timestamptz"}, {"started_day", "date"}};
    private static final String UNNEST;

    static {
        StringBuilder names = new StringBuilder();
        StringBuilder arrays = new StringBuilder();
        for (String[] col : UNNEST_COLUMNS) {
            names.append(names.length() == 0 ? "" : ", ").append(col[0]);
            arrays.append(arrays.length() == 0 ? "" : ", ").append("?::").append(col[1]).append("[]");
        }
        UNNEST = "INSERT INTO llm_calls (tenant_id, " + names + ") SELECT ?, " + names + " FROM unnest(" + arrays
                + ") AS u(" + names + ") ON CONFLICT DO NOTHING";
    }

    /**
     * PostgreSQL ingest: one INSERT ... SELECT FROM unnest(arrays) per chunk, so the server parses and
     * plans one statement with 21 parameters instead of thousands of row tuples. (COPY would be faster
     * still, but PostgreSQL refuses COPY FROM into tables with row-level security.)
     */
    private int insertUnnest(Connection c, List<LlmCallRecord> records) throws SQLException {
        int chunk = 5000;
        int stored = 0;
        for (int from = 0; from < records.size(); from += chunk) {
            List<LlmCallRecord> part = records.subList(from, Math.min(records.size(), from + chunk));
            String[][] cols = new String[UNNEST_COLUMNS.length][part.size()];
            for (int i = 0; i < part.size(); i++) {
                LlmCall x = part.get(i).call();
                String[] row = {part.get(i).id(), x.project().map(ProjectId::value).orElse(null), x.runId().orElse(null),
                    x.feature().orElse(null), x.profile(), x.provider(), x.model(), x.experiment().orElse(null),
                    Long.toString(x.tokensIn()), Long.toString(x.tokensOut()), Long.toString(x.tokensCached()),
                    Long.toString(x.tokensCacheWrite()), x.cost().toPlainString(), Long.toString(x.latency().toNanos() / 1000),
                    x.outcome().name(), Boolean.toString(x.cacheHit()), JsonColumns.write(x.fallbackPath()),
                    x.requestId().orElse(null), x.error().orElse(null), x.time().toString(), day(x).toString()};
                for (int k = 0; k < row.length; k++) {
                    cols[k][i] = row[k];
                }
            }
            try (PreparedStatement ps = c.prepareStatement(UNNEST)) {
                ps.setString(1, v.t());
                for (int k = 0; k < cols.length; k++) {
                    ps.setArray(k + 2, c.createArrayOf("text", cols[k]));
                }
                stored += ps.executeUpdate();
            }
        }
        return stored;
    }

    @Override
    public Optional<LlmCallRecord> find(String id) {
        Objects.requireNonNull(id, "id");
        return v.tx("find LLM call", c -> Queries.one(c, SELECT + " WHERE tenant_id = ? AND id = ?", JdbcLlmCallStore::map, v.t(), id));
    }

    private Where where(LlmCallFilter f) {
        return Where.tenant("tenant_id", v.t()).eq("project_id", f.project().map(ProjectId::value)).eq("run_id", f.runId())
                .eq("feature", f.feature()).eq("profile", f.profile()).eq("model", f.model()).eq("outcome", f.outcome()).eq("cache_hit", f.cacheHit())
                .atLeast("started_at", f.from()).before("started_at", f.to());
    }

    @Override
    public Page<LlmCallRecord> query(LlmCallFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        return v.tx("query LLM calls", c -> Queries.page(c, SELECT, where(filter), "seq", page, JdbcLlmCallStore::map));
    }

    @Override
    public long count(LlmCallFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return v.tx("count LLM calls", c -> Queries.count(c, "llm_calls", where(filter)));
    }

    @Override
    public void forEach(LlmCallFilter filter, Consumer<LlmCallRecord> sink) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sink, "sink");
        Where w = where(filter);
        v.tx("export LLM calls", c -> {
            Queries.stream(c, SELECT, w, "seq", JdbcLlmCallStore::map, sink);
            return null;
        });
    }

    @Override
    public List<LlmCallAggregate> aggregate(LlmCallFilter filter, LlmCallGrouping grouping) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(grouping, "grouping");
        String column = switch (grouping) {
            case DAY -> "started_day";
            case MODEL -> "model";
            case PROFILE -> "profile";
            case PROVIDER -> "provider";
            case PROJECT -> "COALESCE(project_id, '')";
            case OUTCOME -> "outcome";
            default -> "COALESCE(experiment, '')";
        };
        Where w = where(filter);
        String sql = "SELECT " + column + " AS k, COUNT(*) AS calls,"
                + " SUM(CASE WHEN outcome <> 'SUCCESS' THEN 1 ELSE 0 END) AS failures,"
                + " SUM(CASE WHEN cache_hit THEN 1 ELSE 0 END) AS hits, SUM(tokens_in) AS t_in, SUM(tokens_out) AS t_out,"
                + " SUM(tokens_cached) AS t_cached, SUM(tokens_cache_write) AS t_write, SUM(cost_usd) AS cost,"
                + " SUM(latency_us) AS lat_sum, MAX(latency_us) AS lat_max FROM llm_calls WHERE " + w.sql()
                + " GROUP BY " + column + " ORDER BY " + column;
        return v.tx("aggregate LLM calls", c -> aggregate(c, sql, w));
    }

    private static List<LlmCallAggregate> aggregate(Connection c, String sql, Where w) throws SQLException {
        List<LlmCallAggregate> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Columns.bind(ps, w.params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long calls = rs.getLong("calls");
                    BigDecimal cost = rs.getBigDecimal("cost");
                    out.add(new LlmCallAggregate(rs.getObject("k").toString(), calls, rs.getLong("failures"), rs.getLong("hits"),
                            rs.getLong("t_in"), rs.getLong("t_out"), rs.getLong("t_cached"), rs.getLong("t_write"),
                            cost == null ? BigDecimal.ZERO : cost.stripTrailingZeros(),
                            Duration.ofNanos(rs.getLong("lat_sum") / calls * 1000), Duration.ofNanos(rs.getLong("lat_max") * 1000)));
                }
            }
        }
        // Java's String order, not the database collation, so every backend sorts keys alike
        out.sort(java.util.Comparator.comparing(LlmCallAggregate::key));
        return out;
    }
}
