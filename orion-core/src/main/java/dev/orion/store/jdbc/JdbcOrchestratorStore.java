package dev.orion.store.jdbc;

import dev.orion.store.CampaignLease;
import dev.orion.store.ConflictException;
import dev.orion.store.NotFoundException;
import dev.orion.store.OrchestratorMode;
import dev.orion.store.OrchestratorRun;
import dev.orion.store.OrchestratorRunStatus;
import dev.orion.store.OrchestratorSettings;
import dev.orion.store.OrchestratorStats;
import dev.orion.store.OrchestratorStore;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.StoreArguments;
import dev.orion.store.internal.ClaimRules;
import dev.orion.store.internal.StoreIds;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The orchestrator's state on JDBC. A lease is one row per campaign, locked with {@code FOR UPDATE} while it
 * changes hands; its fence grows with every new holder, and runs are written only under the current fence.
 */
final class JdbcOrchestratorStore implements OrchestratorStore {

    private static final String SETTINGS = "SELECT campaign_id, mode, interval_ms, after_observations, trigger_at, when_queue_idle,"
            + " after_experiment, active FROM orchestrator_settings";
    private static final String RUNS = "SELECT id, seq, campaign_id, owner, fence, trigger_name, status, started_at, finished_at,"
            + " observations_seen, signals_seen, iterations, evaluations, cost, improved, best_candidate, error FROM orchestrator_runs";
    private final View v;

    JdbcOrchestratorStore(View v) {
        this.v = v;
    }

    private static OrchestratorSettings settings(ResultSet rs) throws SQLException {
        long interval = rs.getLong("interval_ms");
        Optional<Duration> i = rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis(interval));
        return new OrchestratorSettings(rs.getString("campaign_id"), OrchestratorMode.valueOf(rs.getString("mode")), i,
                rs.getInt("after_observations"), Columns.optionalInstant(rs, "trigger_at"), rs.getBoolean("when_queue_idle"),
                rs.getBoolean("after_experiment"), rs.getBoolean("active"));
    }

    private static OrchestratorRun run(ResultSet rs) throws SQLException {
        OrchestratorRunStatus status = OrchestratorRunStatus.valueOf(rs.getString("status"));
        Optional<OrchestratorRun.StepRecord> result = Optional.empty();
        if (status == OrchestratorRunStatus.SUCCEEDED || status == OrchestratorRunStatus.FAILED) {
            result = Optional.of(new OrchestratorRun.StepRecord(rs.getInt("iterations"), rs.getInt("evaluations"),
                    Columns.money(rs, "cost"), rs.getBoolean("improved"), Columns.optionalString(rs, "best_candidate"),
                    Columns.optionalString(rs, "error")));
        }
        return new OrchestratorRun(rs.getString("id"), rs.getString("campaign_id"), rs.getString("owner"), rs.getLong("fence"),
                rs.getString("trigger_name"), status, Columns.instant(rs, "started_at"), Columns.optionalInstant(rs, "finished_at"),
                rs.getLong("observations_seen"), rs.getLong("signals_seen"), result);
    }

    private Optional<OrchestratorSettings> find(Connection c, String campaignId) throws SQLException {
        return Queries.one(c, SETTINGS + " WHERE tenant_id = ? AND campaign_id = ?", JdbcOrchestratorStore::settings, v.t(), campaignId);
    }

    @Override
    public OrchestratorSettings save(OrchestratorSettings s) {
        Objects.requireNonNull(s, "settings");
        return v.tx("save orchestrator settings", c -> {
            Queries.one(c, "SELECT id FROM campaigns WHERE tenant_id = ? AND id = ?", rs -> rs.getString(1), v.t(), s.campaignId())
                    .orElseThrow(() -> new NotFoundException("campaign", s.campaignId()));
            Instant now = v.now();
            Object interval = s.interval().map(Duration::toMillis).orElse(null);
            if (Queries.update(c, "UPDATE orchestrator_settings SET mode = ?, interval_ms = ?, after_observations = ?, trigger_at = ?,"
                            + " when_queue_idle = ?, after_experiment = ?, active = ?, updated_at = ? WHERE tenant_id = ? AND campaign_id = ?",
                    s.mode(), interval, s.afterObservations(), s.at(), s.whenQueueIdle(), s.afterExperiment(), s.active(), now,
                    v.t(), s.campaignId()) == 0) {
                Queries.update(c, "INSERT INTO orchestrator_settings (tenant_id, campaign_id, mode, interval_ms, after_observations,"
                                + " trigger_at, when_queue_idle, after_experiment, active, experiment_signals, updated_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)", v.t(), s.campaignId(), s.mode(), interval,
                        s.afterObservations(), s.at(), s.whenQueueIdle(), s.afterExperiment(), s.active(), now);
            }
            v.audit(c, now, "configure", ClaimRules.ORCHESTRATOR, s.campaignId(), Map.of("mode", s.mode().name(),
                    "active", Boolean.toString(s.active())));
            return s;
        });
    }

    @Override
    public Optional<OrchestratorSettings> find(String campaignId) {
        Objects.requireNonNull(campaignId, "campaignId");
        return v.tx("find orchestrator settings", c -> find(c, campaignId));
    }

    @Override
    public List<OrchestratorSettings> list(boolean activeOnly) {
        return v.tx("list orchestrator settings", c -> Queries.list(c, SETTINGS + " WHERE tenant_id = ?"
                + (activeOnly ? " AND active = TRUE" : "") + " ORDER BY campaign_id", List.of(v.t()), JdbcOrchestratorStore::settings));
    }

    @Override
    public OrchestratorSettings setActive(String campaignId, boolean active) {
        Objects.requireNonNull(campaignId, "campaignId");
        return v.tx("activate orchestrator", c -> {
            Instant now = v.now();
            if (Queries.update(c, "UPDATE orchestrator_settings SET active = ?, updated_at = ? WHERE tenant_id = ? AND campaign_id = ?",
                    active, now, v.t(), campaignId) == 0) {
                throw new NotFoundException(ClaimRules.ORCHESTRATOR, campaignId);
            }
            v.audit(c, now, active ? "activate" : "deactivate", ClaimRules.ORCHESTRATOR, campaignId, Map.of());
            return find(c, campaignId).orElseThrow();
        });
    }

    @Override
    public long signalExperiment(String campaignId) {
        Objects.requireNonNull(campaignId, "campaignId");
        return v.tx("signal experiment", c -> {
            if (Queries.update(c, "UPDATE orchestrator_settings SET experiment_signals = experiment_signals + 1"
                    + " WHERE tenant_id = ? AND campaign_id = ?", v.t(), campaignId) == 0) {
                throw new NotFoundException(ClaimRules.ORCHESTRATOR, campaignId);
            }
            return signals(c, campaignId);
        });
    }

    private long signals(Connection c, String campaignId) throws SQLException {
        return Queries.one(c, "SELECT experiment_signals FROM orchestrator_settings WHERE tenant_id = ? AND campaign_id = ?",
                rs -> rs.getLong(1), v.t(), campaignId).orElse(0L);
    }

    @Override
    public long experimentSignals(String campaignId) {
        Objects.requireNonNull(campaignId, "campaignId");
        return v.tx("read experiment signals", c -> signals(c, campaignId));
    }

    @Override
    public Optional<CampaignLease> acquire(String campaignId, String owner, Duration ttl) {
        StoreArguments.text("campaignId", campaignId, 100);
        ClaimRules.who("owner", owner);
        ClaimRules.ttl(ttl, ClaimRules.MAX_LEASE);
        return v.tx("acquire campaign lease", c -> {
            Instant now = v.now();
            Optional<Object[]> row = Queries.one(c, "SELECT fence, token, expires_at, owner FROM orchestrator_leases"
                            + " WHERE tenant_id = ? AND campaign_id = ? FOR UPDATE",
                    rs -> new Object[] {rs.getLong(1), rs.getString(2), Columns.instant(rs, "expires_at"), rs.getString(4)},
                    v.t(), campaignId);
            String token = StoreIds.newId();
            Instant expires = now.plus(ttl);
            long fence;
            if (row.isEmpty()) {
                fence = 1;
                if (Queries.update(c, "INSERT INTO orchestrator_leases (tenant_id, campaign_id, owner, token, fence, expires_at)"
                        + " VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT DO NOTHING", v.t(), campaignId, owner, token, expires) == 0) {
                    return Optional.<CampaignLease>empty();
                }
            } else {
                Instant held = (Instant) row.get()[2];
                if (row.get()[1] != null && held != null && held.isAfter(now)) {
                    return Optional.<CampaignLease>empty();
                }
                fence = (Long) row.get()[0] + 1;
                Queries.update(c, "UPDATE orchestrator_leases SET owner = ?, token = ?, fence = ?, expires_at = ?"
                        + " WHERE tenant_id = ? AND campaign_id = ?", owner, token, fence, expires, v.t(), campaignId);
                if (row.get()[1] != null) {
                    v.audit(c, now, "take-over", ClaimRules.ORCHESTRATOR, campaignId, Map.of("from", (String) row.get()[3], "to", owner));
                }
            }
            return Optional.of(new CampaignLease(campaignId, owner, token, fence, expires));
        });
    }

    private boolean held(Connection c, CampaignLease lease, Instant now) throws SQLException {
        return Queries.one(c, "SELECT 1 FROM orchestrator_leases WHERE tenant_id = ? AND campaign_id = ? AND token = ? AND fence = ?"
                + " AND expires_at > ? FOR UPDATE", rs -> true, v.t(), lease.campaignId(), lease.token(), lease.fence(), now).isPresent();
    }

    @Override
    public Optional<CampaignLease> renew(CampaignLease lease, Duration ttl) {
        Objects.requireNonNull(lease, "lease");
        ClaimRules.ttl(ttl, ClaimRules.MAX_LEASE);
        return v.tx("renew campaign lease", c -> {
            Instant now = v.now();
            if (!held(c, lease, now)) {
                return Optional.<CampaignLease>empty();
            }
            Queries.update(c, "UPDATE orchestrator_leases SET expires_at = ? WHERE tenant_id = ? AND campaign_id = ?",
                    now.plus(ttl), v.t(), lease.campaignId());
            return Optional.of(new CampaignLease(lease.campaignId(), lease.owner(), lease.token(), lease.fence(), now.plus(ttl)));
        });
    }

    @Override
    public boolean release(CampaignLease lease) {
        Objects.requireNonNull(lease, "lease");
        return v.tx("release campaign lease", c -> Queries.update(c, "UPDATE orchestrator_leases SET owner = NULL, token = NULL,"
                        + " expires_at = NULL WHERE tenant_id = ? AND campaign_id = ? AND token = ? AND fence = ?",
                v.t(), lease.campaignId(), lease.token(), lease.fence()) == 1);
    }

    private void requireHeld(Connection c, CampaignLease lease, Instant now) throws SQLException {
        if (!held(c, lease, now)) {
            throw new ConflictException("the lease of campaign " + lease.campaignId() + " with fence " + lease.fence()
                    + " is lost or expired; another orchestrator may hold it");
        }
    }

    @Override
    public OrchestratorRun startRun(CampaignLease lease, String trigger, long observationsSeen, long signalsSeen) {
        Objects.requireNonNull(lease, "lease");
        StoreArguments.text("trigger", trigger, 100);
        return v.tx("start orchestrator run", c -> {
            Instant now = v.now();
            requireHeld(c, lease, now);
            int abandoned = Queries.update(c, "UPDATE orchestrator_runs SET status = 'ABANDONED', finished_at = ? WHERE tenant_id = ?"
                    + " AND campaign_id = ? AND status = 'RUNNING' AND fence < ?", now, v.t(), lease.campaignId(), lease.fence());
            OrchestratorRun r = new OrchestratorRun(StoreIds.newId(), lease.campaignId(), lease.owner(), lease.fence(), trigger,
                    OrchestratorRunStatus.RUNNING, now, Optional.empty(), observationsSeen, signalsSeen, Optional.empty());
            Queries.update(c, "INSERT INTO orchestrator_runs (tenant_id, id, campaign_id, owner, fence, trigger_name, status, started_at,"
                            + " observations_seen, signals_seen) VALUES (?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?)", v.t(), r.id(),
                    r.campaignId(), r.owner(), r.fence(), trigger, now, observationsSeen, signalsSeen);
            v.audit(c, now, "start-run", ClaimRules.ORCHESTRATOR, lease.campaignId(), Map.of("run", r.id(), "trigger", trigger,
                    "fence", Long.toString(lease.fence()), "abandoned", Integer.toString(abandoned)));
            return r;
        });
    }

    @Override
    public OrchestratorRun finishRun(CampaignLease lease, String runId, OrchestratorRun.StepRecord result) {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(result, "result");
        return v.tx("finish orchestrator run", c -> {
            Instant now = v.now();
            requireHeld(c, lease, now);
            OrchestratorRun r = Queries.one(c, RUNS + " WHERE tenant_id = ? AND id = ?", JdbcOrchestratorStore::run, v.t(), runId)
                    .orElseThrow(() -> new NotFoundException("orchestrator-run", runId));
            if (r.status() != OrchestratorRunStatus.RUNNING || r.fence() != lease.fence()) {
                throw new ConflictException("orchestrator run " + runId + " is " + r.status() + " under fence " + r.fence()
                        + ", not running under fence " + lease.fence());
            }
            OrchestratorRunStatus status = result.error().isPresent() ? OrchestratorRunStatus.FAILED : OrchestratorRunStatus.SUCCEEDED;
            Queries.update(c, "UPDATE orchestrator_runs SET status = ?, finished_at = ?, iterations = ?, evaluations = ?, cost = ?,"
                            + " improved = ?, best_candidate = ?, error = ? WHERE tenant_id = ? AND id = ?", status, now, result.iterations(),
                    result.evaluations(), result.cost(), result.improved(), result.bestCandidate(), result.error(), v.t(), runId);
            v.audit(c, now, "finish-run", ClaimRules.ORCHESTRATOR, lease.campaignId(), ClaimRules.stepDetails(result));
            return new OrchestratorRun(r.id(), r.campaignId(), r.owner(), r.fence(), r.trigger(), status, r.startedAt(),
                    Optional.of(now), r.observationsSeen(), r.signalsSeen(), Optional.of(result));
        });
    }

    @Override
    public Page<OrchestratorRun> runs(String campaignId, PageRequest page) {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(page, "page");
        return v.tx("list orchestrator runs", c -> Queries.page(c, RUNS, Where.tenant("tenant_id", v.t()).and("campaign_id = ?", campaignId),
                "seq", page, JdbcOrchestratorStore::run));
    }

    @Override
    public Optional<OrchestratorRun> lastRun(String campaignId) {
        Objects.requireNonNull(campaignId, "campaignId");
        return v.tx("last orchestrator run", c -> Queries.one(c, RUNS + " WHERE tenant_id = ? AND campaign_id = ? ORDER BY seq DESC LIMIT 1",
                JdbcOrchestratorStore::run, v.t(), campaignId));
    }

    @Override
    public OrchestratorStats stats(String campaignId) {
        Objects.requireNonNull(campaignId, "campaignId");
        return v.tx("orchestrator stats", c -> Queries.one(c, "SELECT COUNT(*),"
                        + " SUM(CASE WHEN status = 'SUCCEEDED' THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN status = 'ABANDONED' THEN 1 ELSE 0 END), SUM(iterations), SUM(evaluations), SUM(cost),"
                        + " SUM(CASE WHEN improved THEN 1 ELSE 0 END), MAX(started_at) AS last_run FROM orchestrator_runs"
                        + " WHERE tenant_id = ? AND campaign_id = ?",
                rs -> new OrchestratorStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getBigDecimal(7) == null ? BigDecimal.ZERO : rs.getBigDecimal(7).stripTrailingZeros(), rs.getLong(8),
                        Columns.optionalInstant(rs, "last_run")), v.t(), campaignId).orElseThrow());
    }
}
