package dev.orion.store.jdbc;

import dev.orion.store.UsageAggregate;
import dev.orion.store.UsageFilter;
import dev.orion.store.UsageGranularity;
import dev.orion.store.UsageKind;
import dev.orion.store.UsageRecord;
import dev.orion.store.UsageStore;
import dev.orion.store.internal.UsageAggregator;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

final class JdbcUsageStore implements UsageStore {

    static final String SELECT = "SELECT tenant_id, seq, kind, project_id, run_id, feature, tokens_in, tokens_out, cost_usd,"
            + " core_seconds, used_at FROM usage_records";
    private static final String INSERT = "INSERT INTO usage_records (tenant_id, kind, project_id, run_id, feature, tokens_in,"
            + " tokens_out, cost_usd, core_seconds, used_at, used_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Per-day sums in the database; months are folded from days in Java (at most 31 rows per group). */
    private static final String DAILY = "SELECT tenant_id, used_day, COALESCE(project_id, '') AS project, kind, feature,"
            + " COUNT(*) AS n, SUM(tokens_in) AS t_in, SUM(tokens_out) AS t_out, SUM(cost_usd) AS cost,"
            + " SUM(core_seconds) AS core FROM usage_records WHERE ";
    private static final String DAILY_GROUP = " GROUP BY tenant_id, used_day, COALESCE(project_id, ''), kind, feature";
    private final View v;

    JdbcUsageStore(View v) {
        this.v = v;
    }

    static UsageRecord map(ResultSet rs) throws SQLException {
        return new UsageRecord(UsageKind.valueOf(rs.getString("kind")),
                Optional.ofNullable(rs.getString("project_id")).map(ProjectId::of), Columns.optionalString(rs, "run_id"),
                rs.getString("feature"), rs.getLong("tokens_in"), rs.getLong("tokens_out"), Columns.money(rs, "cost_usd"),
                rs.getDouble("core_seconds"), Columns.instant(rs, "used_at"));
    }

    static Where where(Where w, UsageFilter f) {
        return w.eq("project_id", f.project().map(ProjectId::value)).eq("run_id", f.runId()).eq("feature", f.feature())
                .eq("kind", f.kind()).atLeast("used_at", f.from()).before("used_at", f.to());
    }

    private void bind(PreparedStatement ps, UsageRecord r) throws SQLException {
        Columns.bindAll(ps, v.t(), r.kind(), r.project().map(ProjectId::value), r.runId(), r.feature(), r.tokensIn(),
                r.tokensOut(), r.cost(), r.coreSeconds(), r.time(), UsageGranularity.DAY.periodOf(r.time()));
    }

    @Override
    public void record(UsageRecord record) {
        Objects.requireNonNull(record, "record");
        recordAll(List.of(record));
    }

    @Override
    public int recordAll(List<UsageRecord> records) {
        List<UsageRecord> copy = List.copyOf(records);
        if (copy.isEmpty()) {
            return 0;
        }
        return v.tx("record usage", c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (UsageRecord r : copy) {
                    bind(ps, r);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return copy.size();
        });
    }

    @Override
    public List<UsageAggregate> aggregate(UsageFilter filter, UsageGranularity granularity) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(granularity, "granularity");
        Where w = where(Where.tenant("tenant_id", v.t()), filter);
        return v.tx("aggregate usage", c -> daily(c, w, granularity));
    }

    static List<UsageAggregate> daily(java.sql.Connection c, Where w, UsageGranularity granularity) throws SQLException {
        UsageAggregator agg = new UsageAggregator(granularity);
        Queries.list(c, DAILY + w.sql() + DAILY_GROUP, w.params, rs -> {
            String project = rs.getString("project");
            agg.add(new UsageAggregate(TenantId.of(rs.getString("tenant_id")), rs.getObject("used_day", java.time.LocalDate.class),
                    project.isEmpty() ? Optional.empty() : Optional.of(ProjectId.of(project)), UsageKind.valueOf(rs.getString("kind")),
                    rs.getString("feature"), rs.getLong("n"), rs.getLong("t_in"), rs.getLong("t_out"), Columns.money(rs, "cost"),
                    rs.getDouble("core")));
            return null;
        });
        return agg.result();
    }

    @Override
    public void forEach(UsageFilter filter, Consumer<UsageRecord> sink) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sink, "sink");
        Where w = where(Where.tenant("tenant_id", v.t()), filter);
        v.tx("export usage", c -> {
            Queries.stream(c, SELECT, w, "seq", JdbcUsageStore::map, sink);
            return null;
        });
    }
}
