package dev.orion.store.jdbc;

import dev.orion.store.AuditEvent;
import dev.orion.store.ConflictException;
import dev.orion.store.Lease;
import dev.orion.store.NewWorkItem;
import dev.orion.store.NotFoundException;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.StoreArguments;
import dev.orion.store.WorkItem;
import dev.orion.store.WorkItemFilter;
import dev.orion.store.WorkQueue;
import dev.orion.store.WorkStatus;
import dev.orion.store.internal.StoreIds;
import dev.orion.store.internal.WorkRules;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The work queue on JDBC. Claims select candidates with {@code FOR UPDATE SKIP LOCKED}, so concurrent
 * workers in any number of JVMs skip each other's rows instead of waiting or double-claiming; a lease
 * token guards every later change of a claimed item.
 */
final class JdbcWorkQueue implements WorkQueue {

    private static final String TYPE = "work-item";
    private static final String SELECT = "SELECT id, seq, queue, payload, idempotency_key, status, priority, attempts, max_attempts,"
            + " backoff_ms, available_at, lease_owner, lease_token, lease_expires_at, last_error, created_at, updated_at FROM work_items";
    private final View v;

    JdbcWorkQueue(View v) {
        this.v = v;
    }

    private static WorkItem map(ResultSet rs) throws SQLException {
        return new WorkItem(rs.getString("id"), rs.getString("queue"), rs.getString("payload"),
                Columns.optionalString(rs, "idempotency_key"), WorkStatus.valueOf(rs.getString("status")), rs.getInt("priority"),
                rs.getInt("attempts"), rs.getInt("max_attempts"), Columns.instant(rs, "available_at"),
                Columns.optionalString(rs, "lease_owner"), Columns.optionalInstant(rs, "lease_expires_at"),
                Columns.optionalString(rs, "last_error"), Columns.instant(rs, "created_at"), Columns.instant(rs, "updated_at"));
    }

    private Optional<WorkItem> byKey(Connection c, String queue, String key) throws SQLException {
        return Queries.one(c, SELECT + " WHERE tenant_id = ? AND queue = ? AND idempotency_key = ?", JdbcWorkQueue::map, v.t(), queue, key);
    }

    @Override
    public WorkItem enqueue(NewWorkItem n) {
        Objects.requireNonNull(n, "item");
        return v.tx("enqueue work", c -> {
            if (n.idempotencyKey().isPresent()) {
                Optional<WorkItem> found = byKey(c, n.queue(), n.idempotencyKey().get());
                if (found.isPresent()) {
                    return found.get();
                }
            }
            Instant now = v.now();
            WorkItem w = new WorkItem(StoreIds.newId(), n.queue(), n.payload(), n.idempotencyKey(), WorkStatus.PENDING,
                    n.priority(), 0, n.maxAttempts(), now.plus(n.delay()), Optional.empty(), Optional.empty(),
                    Optional.empty(), now, now);
            int inserted = Queries.update(c, "INSERT INTO work_items (tenant_id, id, queue, payload, idempotency_key, status, priority,"
                            + " attempts, max_attempts, backoff_ms, available_at, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    v.t(), w.id(), w.queue(), w.payload(), w.idempotencyKey(), w.status(), w.priority(), w.maxAttempts(),
                    n.backoff().toMillis(), w.availableAt(), now, now);
            if (inserted == 0) {
                // a concurrent enqueue with the same idempotency key won the race
                return byKey(c, n.queue(), n.idempotencyKey().orElseThrow()).orElseThrow();
            }
            v.audit(c, now, "enqueue", TYPE, w.id(), Map.of("queue", w.queue()));
            return w;
        });
    }

    @Override
    public List<Lease> claim(String queue, String workerId, int max, Duration lease) {
        StoreArguments.text("queue", queue, 100);
        StoreArguments.text("workerId", workerId, 200);
        WorkRules.checkClaim(max, lease);
        return v.tx("claim work", c -> {
            Instant now = v.now();
            // pending items first (highest priority, then oldest), then items whose lease lapsed; two
            // index-served queries instead of one OR that would scan every leased row
            List<WorkItem> candidates = new ArrayList<>(Queries.list(c, SELECT + " WHERE tenant_id = ? AND queue = ?"
                            + " AND status = 'PENDING' AND available_at <= ? ORDER BY priority DESC, seq LIMIT ? FOR UPDATE SKIP LOCKED",
                    List.of(v.t(), queue, now, max), JdbcWorkQueue::map));
            if (candidates.size() < max) {
                candidates.addAll(Queries.list(c, SELECT + " WHERE tenant_id = ? AND queue = ? AND status = 'LEASED'"
                                + " AND lease_expires_at <= ? ORDER BY lease_expires_at, seq LIMIT ? FOR UPDATE SKIP LOCKED",
                        List.of(v.t(), queue, now, max - candidates.size()), JdbcWorkQueue::map));
            }
            List<Lease> leases = new ArrayList<>();
            Instant expires = now.plus(lease);
            try (PreparedStatement leaseUpdate = c.prepareStatement("UPDATE work_items SET status = 'LEASED', attempts = attempts + 1,"
                    + " lease_owner = ?, lease_token = ?, lease_expires_at = ?, updated_at = ? WHERE tenant_id = ? AND id = ?");
                 PreparedStatement deadUpdate = c.prepareStatement("UPDATE work_items SET status = 'DEAD', lease_owner = NULL,"
                    + " lease_token = NULL, lease_expires_at = NULL, last_error = ?, updated_at = ? WHERE tenant_id = ? AND id = ?");
                 PreparedStatement audit = JdbcAudit.prepareBatch(c)) {
                for (WorkItem w : candidates) {
                    if (w.status() == WorkStatus.LEASED && w.attempts() >= w.maxAttempts()) {
                        Columns.bindAll(deadUpdate, WorkRules.LEASE_LAPSED, now, v.t(), w.id());
                        deadUpdate.addBatch();
                        JdbcAudit.bind(audit, new AuditEvent(StoreIds.newId(), v.tenant(), v.actor(), WorkRules.DEAD_LETTER, TYPE,
                                w.id(), now, WorkRules.lapsedDetails(w)));
                        audit.addBatch();
                        continue;
                    }
                    String token = StoreIds.newId();
                    Columns.bindAll(leaseUpdate, workerId, token, expires, now, v.t(), w.id());
                    leaseUpdate.addBatch();
                    WorkItem leased = new WorkItem(w.id(), w.queue(), w.payload(), w.idempotencyKey(), WorkStatus.LEASED,
                            w.priority(), w.attempts() + 1, w.maxAttempts(), w.availableAt(), Optional.of(workerId),
                            Optional.of(expires), w.lastError(), w.createdAt(), now);
                    JdbcAudit.bind(audit, new AuditEvent(StoreIds.newId(), v.tenant(), v.actor(), "claim", TYPE,
                            w.id(), now, Map.of("worker", workerId, "attempt", Integer.toString(leased.attempts()))));
                    audit.addBatch();
                    leases.add(new Lease(leased, token, expires));
                }
                deadUpdate.executeBatch();
                leaseUpdate.executeBatch();
                audit.executeBatch();
            }
            return leases;
        });
    }

    private Optional<Object[]> held(Connection c, Lease lease) throws SQLException {
        return Queries.one(c, "SELECT attempts, max_attempts, backoff_ms FROM work_items WHERE tenant_id = ? AND id = ?"
                        + " AND status = 'LEASED' AND lease_token = ? FOR UPDATE",
                rs -> new Object[] {rs.getInt(1), rs.getInt(2), rs.getLong(3)}, v.t(), lease.item().id(), lease.token());
    }

    private WorkItem reload(Connection c, String id) throws SQLException {
        return Queries.one(c, SELECT + " WHERE tenant_id = ? AND id = ?", JdbcWorkQueue::map, v.t(), id).orElseThrow();
    }

    @Override
    public Optional<Lease> extend(Lease lease, Duration extend) {
        Objects.requireNonNull(lease, "lease");
        WorkRules.checkClaim(1, extend);
        return v.tx("extend lease", c -> {
            Instant now = v.now();
            if (Queries.update(c, "UPDATE work_items SET lease_expires_at = ?, updated_at = ? WHERE tenant_id = ? AND id = ?"
                    + " AND status = 'LEASED' AND lease_token = ?", now.plus(extend), now, v.t(), lease.item().id(), lease.token()) == 0) {
                return Optional.<Lease>empty();
            }
            return Optional.of(new Lease(reload(c, lease.item().id()), lease.token(), now.plus(extend)));
        });
    }

    @Override
    public boolean complete(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        return v.tx("complete work", c -> {
            Instant now = v.now();
            // the token stays on the done row, so that the same lease completing again is recognised
            if (Queries.update(c, "UPDATE work_items SET status = 'DONE', lease_owner = NULL,"
                    + " lease_expires_at = NULL, updated_at = ? WHERE tenant_id = ? AND id = ? AND status = 'LEASED' AND lease_token = ?",
                    now, v.t(), lease.item().id(), lease.token()) == 0) {
                return Queries.one(c, "SELECT 1 FROM work_items WHERE tenant_id = ? AND id = ? AND status = 'DONE' AND lease_token = ?",
                        rs -> true, v.t(), lease.item().id(), lease.token()).isPresent();
            }
            v.audit(c, now, "complete", TYPE, lease.item().id(), Map.of());
            return true;
        });
    }

    @Override
    public Optional<WorkItem> fail(Lease lease, String error) {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(error, "error");
        return v.tx("fail work", c -> {
            Optional<Object[]> h = held(c, lease);
            if (h.isEmpty()) {
                return Optional.<WorkItem>empty();
            }
            int attempts = (Integer) h.get()[0];
            boolean dead = attempts >= (Integer) h.get()[1];
            Instant now = v.now();
            Instant next = now.plus(NewWorkItem.backoffAfter(attempts, Duration.ofMillis((Long) h.get()[2])));
            Queries.update(c, "UPDATE work_items SET status = ?, available_at = CASE WHEN ? THEN available_at ELSE ? END,"
                            + " lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL, last_error = ?, updated_at = ?"
                            + " WHERE tenant_id = ? AND id = ?", dead ? WorkStatus.DEAD : WorkStatus.PENDING, dead, next,
                    WorkRules.clip(error), now, v.t(), lease.item().id());
            WorkItem n = reload(c, lease.item().id());
            v.audit(c, now, "fail", TYPE, n.id(), Map.of("status", n.status().name(), "attempt", Integer.toString(attempts)));
            return Optional.of(n);
        });
    }

    @Override
    public boolean release(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        return v.tx("release work", c -> {
            Instant now = v.now();
            if (Queries.update(c, "UPDATE work_items SET status = 'PENDING', attempts = attempts - 1, available_at = ?,"
                    + " lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL, updated_at = ?"
                    + " WHERE tenant_id = ? AND id = ? AND status = 'LEASED' AND lease_token = ?",
                    now, now, v.t(), lease.item().id(), lease.token()) == 0) {
                return false;
            }
            v.audit(c, now, "release", TYPE, lease.item().id(), Map.of());
            return true;
        });
    }

    @Override
    public int reclaimExpired() {
        return v.tx("reclaim leases", c -> {
            Instant now = v.now();
            List<WorkItem> lapsed = Queries.list(c, SELECT + " WHERE tenant_id = ? AND status = 'LEASED' AND lease_expires_at <= ?"
                    + " ORDER BY seq FOR UPDATE SKIP LOCKED", List.of(v.t(), now), JdbcWorkQueue::map);
            try (PreparedStatement update = c.prepareStatement("UPDATE work_items SET status = ?, available_at = ?, lease_owner = NULL,"
                    + " lease_token = NULL, lease_expires_at = NULL, last_error = ?, updated_at = ? WHERE tenant_id = ? AND id = ?");
                 PreparedStatement audit = JdbcAudit.prepareBatch(c)) {
                for (WorkItem w : lapsed) {
                    boolean dead = w.attempts() >= w.maxAttempts();
                    Columns.bindAll(update, dead ? WorkStatus.DEAD : WorkStatus.PENDING, dead ? w.availableAt() : now,
                            WorkRules.LEASE_LAPSED, now, v.t(), w.id());
                    update.addBatch();
                    JdbcAudit.bind(audit, new AuditEvent(StoreIds.newId(), v.tenant(), v.actor(),
                            dead ? WorkRules.DEAD_LETTER : WorkRules.RECLAIM, TYPE, w.id(), now, WorkRules.lapsedDetails(w)));
                    audit.addBatch();
                }
                update.executeBatch();
                audit.executeBatch();
            }
            return lapsed.size();
        });
    }

    @Override
    public WorkItem retryDead(String id) {
        Objects.requireNonNull(id, "id");
        return v.tx("retry dead work", c -> {
            WorkItem w = Queries.one(c, SELECT + " WHERE tenant_id = ? AND id = ? FOR UPDATE", JdbcWorkQueue::map, v.t(), id)
                    .orElseThrow(() -> new NotFoundException(TYPE, id));
            if (w.status() != WorkStatus.DEAD) {
                throw new ConflictException("work item " + id + " is " + w.status() + ", not DEAD");
            }
            Instant now = v.now();
            Queries.update(c, "UPDATE work_items SET status = 'PENDING', attempts = 0, available_at = ?, updated_at = ?"
                    + " WHERE tenant_id = ? AND id = ?", now, now, v.t(), id);
            v.audit(c, now, "retry", TYPE, id, Map.of());
            return reload(c, id);
        });
    }

    @Override
    public Optional<WorkItem> find(String id) {
        Objects.requireNonNull(id, "id");
        return v.tx("find work", c -> Queries.one(c, SELECT + " WHERE tenant_id = ? AND id = ?", JdbcWorkQueue::map, v.t(), id));
    }

    @Override
    public Page<WorkItem> query(WorkItemFilter f, PageRequest page) {
        Objects.requireNonNull(f, "filter");
        return v.tx("query work", c -> Queries.page(c, SELECT, Where.tenant("tenant_id", v.t()).eq("queue", f.queue())
                .in("status", f.statuses()), "seq", page, JdbcWorkQueue::map));
    }

    @Override
    public Map<WorkStatus, Long> counts(String queue) {
        StoreArguments.text("queue", queue, 100);
        return v.tx("count work", c -> {
            Map<WorkStatus, Long> counts = new EnumMap<>(WorkStatus.class);
            for (WorkStatus s : WorkStatus.values()) {
                counts.put(s, 0L);
            }
            Queries.list(c, "SELECT status, COUNT(*) FROM work_items WHERE tenant_id = ? AND queue = ? GROUP BY status",
                    List.of(v.t(), queue), rs -> counts.put(WorkStatus.valueOf(rs.getString(1)), rs.getLong(2)));
            return Map.copyOf(counts);
        });
    }
}
