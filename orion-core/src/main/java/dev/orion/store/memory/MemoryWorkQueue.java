package dev.orion.store.memory;

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
import dev.orion.tenant.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

final class MemoryWorkQueue implements WorkQueue {

    private static final String TYPE = "work-item";
    private final MemoryTenant t;
    private final Principal actor;

    MemoryWorkQueue(MemoryTenant t, Principal actor) {
        this.t = t;
        this.actor = actor;
    }

    @Override
    public WorkItem enqueue(NewWorkItem n) {
        Objects.requireNonNull(n, "item");
        synchronized (t) {
            if (n.idempotencyKey().isPresent()) {
                for (Seq<WorkItem> s : t.workItems.values()) {
                    if (s.value().queue().equals(n.queue()) && s.value().idempotencyKey().equals(n.idempotencyKey())) {
                        return s.value();
                    }
                }
            }
            Instant now = t.clock.instant();
            WorkItem w = new WorkItem(StoreIds.newId(), n.queue(), n.payload(), n.idempotencyKey(), WorkStatus.PENDING,
                    n.priority(), 0, n.maxAttempts(), now.plus(n.delay()), Optional.empty(), Optional.empty(),
                    Optional.empty(), now, now);
            t.workItems.put(w.id(), new Seq<>(t.nextSeq(), w));
            t.backoffMillis.put(w.id(), n.backoff().toMillis());
            t.audit(actor, "enqueue", TYPE, w.id(), Map.of("queue", w.queue()));
            return w;
        }
    }

    private void put(WorkItem w) {
        t.workItems.put(w.id(), new Seq<>(t.workItems.get(w.id()).seq(), w));
    }

    private static WorkItem with(WorkItem w, WorkStatus status, int attempts, Instant availableAt, Optional<String> owner,
                                 Optional<Instant> expires, Optional<String> error, Instant now) {
        return new WorkItem(w.id(), w.queue(), w.payload(), w.idempotencyKey(), status, w.priority(), attempts,
                w.maxAttempts(), availableAt, owner, expires, error, w.createdAt(), now);
    }

    @Override
    public List<Lease> claim(String queue, String workerId, int max, Duration lease) {
        StoreArguments.text("queue", queue, 100);
        StoreArguments.text("workerId", workerId, 200);
        WorkRules.checkClaim(max, lease);
        synchronized (t) {
            Instant now = t.clock.instant();
            List<Seq<WorkItem>> candidates = new ArrayList<>();
            for (Seq<WorkItem> s : t.workItems.values()) {
                WorkItem w = s.value();
                if (w.queue().equals(queue) && WorkRules.claimable(w, now)) {
                    candidates.add(s);
                }
            }
            // pending items first (priority, then age), then lapsed leases (oldest lapse first), as on JDBC
            candidates.sort(Comparator.comparingInt((Seq<WorkItem> s) -> s.value().status() == WorkStatus.PENDING ? 0 : 1)
                    .thenComparingInt(s -> s.value().status() == WorkStatus.PENDING ? -s.value().priority() : 0)
                    .thenComparing(s -> s.value().leaseExpiresAt().orElse(java.time.Instant.EPOCH))
                    .thenComparingLong(Seq::seq));
            List<Lease> leases = new ArrayList<>();
            for (Seq<WorkItem> s : candidates) {
                if (leases.size() == max) {
                    break;
                }
                WorkItem w = s.value();
                if (w.status() == WorkStatus.LEASED && w.attempts() >= w.maxAttempts()) {
                    put(with(w, WorkStatus.DEAD, w.attempts(), w.availableAt(), Optional.empty(), Optional.empty(),
                            Optional.of(WorkRules.LEASE_LAPSED), now));
                    t.leaseTokens.remove(w.id());
                    t.audit(actor, WorkRules.DEAD_LETTER, TYPE, w.id(), WorkRules.lapsedDetails(w));
                    continue;
                }
                String token = StoreIds.newId();
                WorkItem leased = with(w, WorkStatus.LEASED, w.attempts() + 1, w.availableAt(), Optional.of(workerId),
                        Optional.of(now.plus(lease)), w.lastError(), now);
                put(leased);
                t.leaseTokens.put(w.id(), token);
                t.audit(actor, "claim", TYPE, w.id(), Map.of("worker", workerId, "attempt", Integer.toString(leased.attempts())));
                leases.add(new Lease(leased, token, now.plus(lease)));
            }
            return leases;
        }
    }

    private Optional<WorkItem> held(Lease lease) {
        Objects.requireNonNull(lease, "lease");
        Seq<WorkItem> s = t.workItems.get(lease.item().id());
        if (s == null || s.value().status() != WorkStatus.LEASED || !lease.token().equals(t.leaseTokens.get(s.value().id()))) {
            return Optional.empty();
        }
        return Optional.of(s.value());
    }

    @Override
    public Optional<Lease> extend(Lease lease, Duration extend) {
        WorkRules.checkClaim(1, extend);
        synchronized (t) {
            return held(lease).map(w -> {
                Instant now = t.clock.instant();
                WorkItem n = with(w, w.status(), w.attempts(), w.availableAt(), w.leaseOwner(), Optional.of(now.plus(extend)),
                        w.lastError(), now);
                put(n);
                return new Lease(n, lease.token(), now.plus(extend));
            });
        }
    }

    @Override
    public boolean complete(Lease lease) {
        synchronized (t) {
            Optional<WorkItem> w = held(lease);
            if (w.isEmpty()) {
                // a repeated completion by the lease that did the work (its first answer was lost)
                Seq<WorkItem> s = t.workItems.get(lease.item().id());
                return s != null && s.value().status() == WorkStatus.DONE && lease.token().equals(t.leaseTokens.get(s.value().id()));
            }
            WorkItem x = w.get();
            Instant now = t.clock.instant();
            put(with(x, WorkStatus.DONE, x.attempts(), x.availableAt(), Optional.empty(), Optional.empty(), x.lastError(), now));
            // the token stays, so that the same lease completing again is recognised
            t.audit(actor, "complete", TYPE, x.id(), Map.of());
            return true;
        }
    }

    @Override
    public Optional<WorkItem> fail(Lease lease, String error) {
        Objects.requireNonNull(error, "error");
        synchronized (t) {
            return held(lease).map(x -> {
                Instant now = t.clock.instant();
                boolean dead = x.attempts() >= x.maxAttempts();
                Instant next = now.plus(NewWorkItem.backoffAfter(x.attempts(), Duration.ofMillis(t.backoffMillis.get(x.id()))));
                WorkItem n = with(x, dead ? WorkStatus.DEAD : WorkStatus.PENDING, x.attempts(), dead ? x.availableAt() : next,
                        Optional.empty(), Optional.empty(), Optional.of(WorkRules.clip(error)), now);
                put(n);
                t.leaseTokens.remove(x.id());
                t.audit(actor, "fail", TYPE, x.id(), Map.of("status", n.status().name(), "attempt", Integer.toString(x.attempts())));
                return n;
            });
        }
    }

    @Override
    public boolean release(Lease lease) {
        synchronized (t) {
            Optional<WorkItem> w = held(lease);
            w.ifPresent(x -> {
                Instant now = t.clock.instant();
                put(with(x, WorkStatus.PENDING, x.attempts() - 1, now, Optional.empty(), Optional.empty(), x.lastError(), now));
                t.leaseTokens.remove(x.id());
                t.audit(actor, "release", TYPE, x.id(), Map.of());
            });
            return w.isPresent();
        }
    }

    @Override
    public int reclaimExpired() {
        synchronized (t) {
            Instant now = t.clock.instant();
            int n = 0;
            for (Seq<WorkItem> s : List.copyOf(t.workItems.values())) {
                WorkItem w = s.value();
                if (w.status() == WorkStatus.LEASED && !w.leaseExpiresAt().orElseThrow().isAfter(now)) {
                    boolean dead = w.attempts() >= w.maxAttempts();
                    put(with(w, dead ? WorkStatus.DEAD : WorkStatus.PENDING, w.attempts(), dead ? w.availableAt() : now,
                            Optional.empty(), Optional.empty(), Optional.of(WorkRules.LEASE_LAPSED), now));
                    t.leaseTokens.remove(w.id());
                    t.audit(actor, dead ? WorkRules.DEAD_LETTER : WorkRules.RECLAIM, TYPE, w.id(), WorkRules.lapsedDetails(w));
                    n++;
                }
            }
            return n;
        }
    }

    @Override
    public WorkItem retryDead(String id) {
        synchronized (t) {
            Seq<WorkItem> s = t.workItems.get(id);
            if (s == null) {
                throw new NotFoundException(TYPE, id);
            }
            if (s.value().status() != WorkStatus.DEAD) {
                throw new ConflictException("work item " + id + " is " + s.value().status() + ", not DEAD");
            }
            Instant now = t.clock.instant();
            WorkItem n = with(s.value(), WorkStatus.PENDING, 0, now, Optional.empty(), Optional.empty(), s.value().lastError(), now);
            put(n);
            t.audit(actor, "retry", TYPE, id, Map.of());
            return n;
        }
    }

    @Override
    public Optional<WorkItem> find(String id) {
        synchronized (t) {
            return Optional.ofNullable(t.workItems.get(id)).map(Seq::value);
        }
    }

    @Override
    public Page<WorkItem> query(WorkItemFilter f, PageRequest page) {
        synchronized (t) {
            return MemoryPages.page(t.workItems.values(), w -> (f.queue().isEmpty() || f.queue().get().equals(w.queue()))
                    && (f.statuses().isEmpty() || f.statuses().contains(w.status())), page);
        }
    }

    @Override
    public Map<WorkStatus, Long> counts(String queue) {
        StoreArguments.text("queue", queue, 100);
        synchronized (t) {
            Map<WorkStatus, Long> counts = new EnumMap<>(WorkStatus.class);
            for (WorkStatus s : WorkStatus.values()) {
                counts.put(s, 0L);
            }
            t.workItems.values().stream().map(Seq::value).filter(w -> w.queue().equals(queue))
                    .forEach(w -> counts.merge(w.status(), 1L, Long::sum));
            return Map.copyOf(counts);
        }
    }
}
