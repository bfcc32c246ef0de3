package dev.orion.store.memory;

import dev.orion.store.BudgetCap;
import dev.orion.store.BudgetKey;
import dev.orion.store.BudgetPeriod;
import dev.orion.store.BudgetStatus;
import dev.orion.store.BudgetStore;
import dev.orion.store.Reservation;
import dev.orion.store.internal.BudgetRules;
import dev.orion.store.internal.StoreIds;
import dev.orion.tenant.Principal;
import dev.orion.tenant.ProjectId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class MemoryBudgetStore implements BudgetStore {

    /** An outstanding reservation. */
    record Held(Reservation reservation) {
    }

    private static final String TYPE = "budget";
    private final MemoryTenant t;
    private final Principal actor;

    MemoryBudgetStore(MemoryTenant t, Principal actor) {
        this.t = t;
        this.actor = actor;
    }

    private static String limitKey(BudgetKey k) {
        return BudgetRules.projectColumn(k.project()) + "|" + k.period();
    }

    private BigDecimal[] counter(BudgetKey k, Instant at) {
        return t.budgetCounters.computeIfAbsent(limitKey(k) + "|" + k.period().windowStart(at),
                x -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    }

    private BudgetStatus statusOf(BudgetKey k, BigDecimal limit, Instant now) {
        BigDecimal[] c = counter(k, now);
        return new BudgetStatus(k, limit, c[0], c[1], k.period().windowStart(now), k.period().resetsAt(now));
    }

    @Override
    public BudgetStatus setLimit(BudgetKey key, BigDecimal limit) {
        BudgetRules.checkAmount("limit", limit);
        synchronized (t) {
            BigDecimal old = t.budgetLimits.put(limitKey(key), limit);
            if (old != null && old.compareTo(limit) == 0) {
                return statusOf(key, old, t.clock.instant());
            }
            t.audit(actor, "set-limit", TYPE, key.toString(), Map.of("limit", limit.toPlainString(),
                    "previous", old == null ? "" : old.toPlainString()));
            return statusOf(key, limit, t.clock.instant());
        }
    }

    @Override
    public boolean removeLimit(BudgetKey key) {
        synchronized (t) {
            if (t.budgetLimits.remove(limitKey(key)) == null) {
                return false;
            }
            t.audit(actor, "remove-limit", TYPE, key.toString(), Map.of());
            return true;
        }
    }

    @Override
    public Optional<BudgetStatus> status(BudgetKey key) {
        synchronized (t) {
            return Optional.ofNullable(t.budgetLimits.get(limitKey(key))).map(l -> statusOf(key, l, t.clock.instant()));
        }
    }

    @Override
    public BigDecimal spent(BudgetKey key) {
        synchronized (t) {
            return counter(key, t.clock.instant())[0];
        }
    }

    @Override
    public List<BudgetStatus> list() {
        synchronized (t) {
            List<BudgetStatus> out = new ArrayList<>();
            for (BudgetKey k : allKeys()) {
                status(k).ifPresent(out::add);
            }
            out.sort(Comparator.comparing((BudgetStatus s) -> BudgetRules.projectColumn(s.key().project()))
                    .thenComparing(s -> s.key().period()));
            return out;
        }
    }

    private List<BudgetKey> allKeys() {
        List<BudgetKey> keys = new ArrayList<>();
        for (String k : t.budgetLimits.keySet()) {
            String[] parts = k.split("\\|");
            keys.add(new BudgetKey(BudgetRules.projectOf(parts[0]), BudgetPeriod.valueOf(parts[1])));
        }
        return keys;
    }

    @Override
    public Reservation reserve(Optional<ProjectId> project, BigDecimal estimate, Duration ttl, List<BudgetCap> caps) {
        BudgetRules.checkAmount("estimate", estimate);
        BudgetRules.checkTtl(ttl);
        List<BudgetCap> checked = BudgetRules.checkCaps(project, caps);
        synchronized (t) {
            Instant now = t.clock.instant();
            for (BudgetKey k : BudgetRules.applicable(project)) {
                BigDecimal limit = t.budgetLimits.get(limitKey(k));
                if (limit != null) {
                    BigDecimal[] c = counter(k, now);
                    BigDecimal committed = c[0].add(c[1]);
                    if (committed.add(estimate).compareTo(limit) > 0) {
                        throw k.exceeded(t.tenant, limit, committed, estimate, now);
                    }
                }
            }
            for (BudgetCap cap : checked) {
                BigDecimal[] c = counter(cap.key(), now);
                BigDecimal committed = c[0].add(c[1]);
                if (committed.add(estimate).compareTo(cap.limit()) > 0) {
                    throw cap.key().exceeded(t.tenant, cap.limit(), committed, estimate, now);
                }
            }
            for (BudgetKey k : BudgetRules.applicable(project)) {
                BigDecimal[] c = counter(k, now);
                c[1] = c[1].add(estimate);
            }
            Reservation r = new Reservation(StoreIds.newId(), project, estimate, now, now.plus(ttl));
            t.reservations.put(r.id(), new Held(r));
            return r;
        }
    }

    private boolean finish(String reservationId, Optional<BigDecimal> actual) {
        synchronized (t) {
            Held h = t.reservations.remove(reservationId);
            if (h == null) {
                return false;
            }
            Reservation r = h.reservation();
            if (actual.isPresent() && actual.get().compareTo(r.amount()) > 0) {
                t.audit(actor, "overspend", TYPE, r.id(), Map.of("reserved", r.amount().toPlainString(),
                        "actual", actual.get().toPlainString()));
            }
            for (BudgetKey k : BudgetRules.applicable(r.project())) {
                BigDecimal[] c = counter(k, r.createdAt());
                c[1] = c[1].subtract(r.amount());
                if (actual.isPresent()) {
                    c[0] = c[0].add(actual.get());
                }
            }
            return true;
        }
    }

    @Override
    public boolean settle(String reservationId, BigDecimal actual) {
        BudgetRules.checkAmount("actual", actual);
        return finish(reservationId, Optional.of(actual));
    }

    @Override
    public boolean release(String reservationId) {
        return finish(reservationId, Optional.empty());
    }

    @Override
    public void charge(Optional<ProjectId> project, BigDecimal amount) {
        BudgetRules.checkAmount("amount", amount);
        synchronized (t) {
            Instant now = t.clock.instant();
            for (BudgetKey k : BudgetRules.applicable(project)) {
                BigDecimal[] c = counter(k, now);
                c[0] = c[0].add(amount);
            }
        }
    }

    @Override
    public int releaseExpired() {
        synchronized (t) {
            Instant now = t.clock.instant();
            List<String> lapsed = t.reservations.values().stream()
                    .filter(h -> !now.isBefore(h.reservation().expiresAt())).map(h -> h.reservation().id()).toList();
            lapsed.forEach(this::release);
            return lapsed.size();
        }
    }
}
