package dev.orion.store.jdbc;

import dev.orion.store.BudgetCap;
import dev.orion.store.BudgetKey;
import dev.orion.store.BudgetPeriod;
import dev.orion.store.BudgetStatus;
import dev.orion.store.BudgetStore;
import dev.orion.store.Reservation;
import dev.orion.store.internal.BudgetRules;
import dev.orion.store.internal.StoreIds;
import dev.orion.tenant.ProjectId;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Budgets on JDBC. A reservation locks the window counters of every applicable budget
 * ({@code SELECT ... FOR UPDATE}, always in the same order), checks the limits and adds the estimate,
 * all in one transaction: concurrent reservations from any number of JVMs serialise on those rows.
 */
final class JdbcBudgetStore implements BudgetStore {

    private static final String TYPE = "budget";
    private final View v;

    JdbcBudgetStore(View v) {
        this.v = v;
    }

    private BigDecimal[] counter(Connection c, BudgetKey k, Instant at) throws SQLException {
        return Queries.one(c, "SELECT spent, reserved FROM budget_counters WHERE tenant_id = ? AND project_id = ? AND period = ?"
                        + " AND window_start = ?", rs -> new BigDecimal[] {Columns.money(rs, "spent"), Columns.money(rs, "reserved")},
                v.t(), BudgetRules.projectColumn(k.project()), k.period(), k.period().windowStart(at))
                .orElse(new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    }

    private BudgetStatus status(Connection c, BudgetKey k, BigDecimal limit, Instant now) throws SQLException {
        BigDecimal[] counter = counter(c, k, now);
        return new BudgetStatus(k, limit.stripTrailingZeros(), counter[0], counter[1], k.period().windowStart(now),
                k.period().resetsAt(now));
    }

    private Optional<BigDecimal> limit(Connection c, BudgetKey k) throws SQLException {
        return Queries.one(c, "SELECT limit_usd FROM budgets WHERE tenant_id = ? AND project_id = ? AND period = ?",
                rs -> rs.getBigDecimal(1), v.t(), BudgetRules.projectColumn(k.project()), k.period());
    }

    @Override
    public BudgetStatus setLimit(BudgetKey key, BigDecimal limit) {
        Objects.requireNonNull(key, "key");
        BudgetRules.checkAmount("limit", limit);
        return v.tx("set budget limit", c -> {
            String project = BudgetRules.projectColumn(key.project());
            Instant now = v.now();
            // insert-or-lock, so concurrent first writers (several router instances) neither collide on
            // the primary key nor audit a change that did not happen
            Optional<BigDecimal> old = Optional.empty();
            if (Queries.update(c, "INSERT INTO budgets (tenant_id, project_id, period, limit_usd) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING", v.t(), project, key.period(), limit) == 0) {
                old = Queries.one(c, "SELECT limit_usd FROM budgets WHERE tenant_id = ? AND project_id = ? AND period = ?"
                        + " FOR UPDATE", rs -> rs.getBigDecimal(1), v.t(), project, key.period());
                if (old.isPresent() && old.get().compareTo(limit) == 0) {
                    return status(c, key, old.get(), now);
                }
                Queries.update(c, "UPDATE budgets SET limit_usd = ? WHERE tenant_id = ? AND project_id = ? AND period = ?",
                        limit, v.t(), project, key.period());
            }
            v.audit(c, now, "set-limit", TYPE, key.toString(), Map.of("limit", limit.toPlainString(),
                    "previous", old.map(BigDecimal::toPlainString).orElse("")));
            return status(c, key, limit, now);
        });
    }

    @Override
    public boolean removeLimit(BudgetKey key) {
        Objects.requireNonNull(key, "key");
        return v.tx("remove budget limit", c -> {
            if (Queries.update(c, "DELETE FROM budgets WHERE tenant_id = ? AND project_id = ? AND period = ?", v.t(),
                    BudgetRules.projectColumn(key.project()), key.period()) == 0) {
                return false;
            }
            v.audit(c, v.now(), "remove-limit", TYPE, key.toString(), Map.of());
            return true;
        });
    }

    @Override
    public Optional<BudgetStatus> status(BudgetKey key) {
        Objects.requireNonNull(key, "key");
        return v.tx("read budget", c -> {
            Optional<BigDecimal> limit = limit(c, key);
            return limit.isEmpty() ? Optional.<BudgetStatus>empty() : Optional.of(status(c, key, limit.get(), v.now()));
        });
    }

    @Override
    public BigDecimal spent(BudgetKey key) {
        Objects.requireNonNull(key, "key");
        return v.tx("read budget spending", c -> counter(c, key, v.now())[0]);
    }

    @Override
    public List<BudgetStatus> list() {
        return v.tx("list budgets", c -> {
            List<Object[]> rows = Queries.list(c, "SELECT project_id, period, limit_usd FROM budgets WHERE tenant_id = ?"
                    + " ORDER BY project_id, period", List.of(v.t()),
                    rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getBigDecimal(3)});
            List<BudgetStatus> out = new ArrayList<>();
            Instant now = v.now();
            for (Object[] r : rows) {
                BudgetKey k = new BudgetKey(BudgetRules.projectOf((String) r[0]), BudgetPeriod.valueOf((String) r[1]));
                out.add(status(c, k, (BigDecimal) r[2], now));
            }
            out.sort(java.util.Comparator.comparing((BudgetStatus s) -> BudgetRules.projectColumn(s.key().project()))
                    .thenComparing(s -> s.key().period()));
            return out;
        });
    }

    /** Creates missing counters, then locks all of them in a fixed order. */
    private Map<BudgetKey, BigDecimal[]> lockCounters(Connection c, List<BudgetKey> keys, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO budget_counters (tenant_id, project_id, period, window_start,"
                + " spent, reserved) VALUES (?, ?, ?, ?, 0, 0) ON CONFLICT DO NOTHING")) {
            for (BudgetKey k : keys) {
                Columns.bindAll(ps, v.t(), BudgetRules.projectColumn(k.project()), k.period(), k.period().windowStart(at));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Map<BudgetKey, BigDecimal[]> locked = new HashMap<>();
        for (BudgetKey k : keys) {
            locked.put(k, Queries.one(c, "SELECT spent, reserved FROM budget_counters WHERE tenant_id = ? AND project_id = ?"
                            + " AND period = ? AND window_start = ? FOR UPDATE",
                    rs -> new BigDecimal[] {Columns.money(rs, "spent"), Columns.money(rs, "reserved")},
                    v.t(), BudgetRules.projectColumn(k.project()), k.period(), k.period().windowStart(at)).orElseThrow());
        }
        return locked;
    }

    private void addToCounters(Connection c, List<BudgetKey> keys, Instant at, BigDecimal spent, BigDecimal reserved)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE budget_counters SET spent = spent + ?, reserved = reserved + ?"
                + " WHERE tenant_id = ? AND project_id = ? AND period = ? AND window_start = ?")) {
            for (BudgetKey k : keys) {
                Columns.bindAll(ps, spent, reserved, v.t(), BudgetRules.projectColumn(k.project()), k.period(),
                        k.period().windowStart(at));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public Reservation reserve(Optional<ProjectId> project, BigDecimal estimate, Duration ttl, List<BudgetCap> caps) {
        Objects.requireNonNull(project, "project");
        BudgetRules.checkAmount("estimate", estimate);
        BudgetRules.checkTtl(ttl);
        List<BudgetCap> checked = BudgetRules.checkCaps(project, caps);
        return v.tx("reserve budget", c -> {
            Instant now = v.now();
            List<BudgetKey> keys = BudgetRules.applicable(project);
            Map<BudgetKey, BigDecimal[]> counters = lockCounters(c, keys, now);
            for (BudgetKey k : keys) {
                Optional<BigDecimal> limit = limit(c, k);
                if (limit.isPresent()) {
                    BigDecimal committed = counters.get(k)[0].add(counters.get(k)[1]);
                    if (committed.add(estimate).compareTo(limit.get()) > 0) {
                        throw k.exceeded(v.tenant(), limit.get().stripTrailingZeros(), committed, estimate, now);
                    }
                }
            }
            // the caller's caps, checked on the counters locked above, in the same transaction
            for (BudgetCap cap : checked) {
                BigDecimal[] counter = counters.get(cap.key());
                BigDecimal committed = counter[0].add(counter[1]);
                if (committed.add(estimate).compareTo(cap.limit()) > 0) {
                    throw cap.key().exceeded(v.tenant(), cap.limit().stripTrailingZeros(), committed, estimate, now);
                }
            }
            addToCounters(c, keys, now, BigDecimal.ZERO, estimate);
            Reservation r = new Reservation(StoreIds.newId(), project, estimate, now, now.plus(ttl));
            Queries.update(c, "INSERT INTO budget_reservations (tenant_id, id, project_id, amount, created_at, expires_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", v.t(), r.id(), BudgetRules.projectColumn(project), estimate, now, r.expiresAt());
            return r;
        });
    }

    private boolean finish(Connection c, String reservationId, BigDecimal actual) throws SQLException {
        Optional<Object[]> row = Queries.one(c, "SELECT project_id, amount, created_at FROM budget_reservations"
                        + " WHERE tenant_id = ? AND id = ? FOR UPDATE",
                rs -> new Object[] {rs.getString(1), rs.getBigDecimal(2), Columns.instant(rs, "created_at")}, v.t(), reservationId);
        if (row.isEmpty()
                || Queries.update(c, "DELETE FROM budget_reservations WHERE tenant_id = ? AND id = ?", v.t(), reservationId) == 0) {
            return false;
        }
        Instant createdAt = (Instant) row.get()[2];
        BigDecimal reserved = (BigDecimal) row.get()[1];
        if (actual.compareTo(reserved) > 0) {
            v.audit(c, v.now(), "overspend", TYPE, reservationId, Map.of("reserved", reserved.stripTrailingZeros().toPlainString(),
                    "actual", actual.toPlainString()));
        }
        List<BudgetKey> keys = BudgetRules.applicable(BudgetRules.projectOf((String) row.get()[0]));
        lockCounters(c, keys, createdAt);
        addToCounters(c, keys, createdAt, actual, reserved.negate());
        return true;
    }

    @Override
    public boolean settle(String reservationId, BigDecimal actual) {
        Objects.requireNonNull(reservationId, "reservationId");
        BudgetRules.checkAmount("actual", actual);
        return v.tx("settle reservation", c -> finish(c, reservationId, actual));
    }

    @Override
    public boolean release(String reservationId) {
        Objects.requireNonNull(reservationId, "reservationId");
        return v.tx("release reservation", c -> finish(c, reservationId, BigDecimal.ZERO));
    }

    @Override
    public void charge(Optional<ProjectId> project, BigDecimal amount) {
        Objects.requireNonNull(project, "project");
        BudgetRules.checkAmount("amount", amount);
        v.tx("charge budget", c -> {
            Instant now = v.now();
            List<BudgetKey> keys = BudgetRules.applicable(project);
            lockCounters(c, keys, now);
            addToCounters(c, keys, now, amount, BigDecimal.ZERO);
            return null;
        });
    }

    @Override
    public int releaseExpired() {
        Instant now = v.now();
        List<String> lapsed = v.tx("find lapsed reservations", c -> Queries.list(c,
                "SELECT id FROM budget_reservations WHERE tenant_id = ? AND expires_at <= ?", List.of(v.t(), now), rs -> rs.getString(1)));
        int n = 0;
        for (String id : lapsed) {
            n += release(id) ? 1 : 0;
        }
        return n;
    }
}
