package dev.orion.llm.router.store;

import dev.orion.store.BudgetExceededException;
import dev.orion.store.BudgetKey;
import dev.orion.store.BudgetStatus;
import dev.orion.store.BudgetStore;
import dev.orion.store.LlmCacheEntry;
import dev.orion.store.LlmCacheStore;
import dev.orion.store.LlmCall;
import dev.orion.store.LlmCallAggregate;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallGrouping;
import dev.orion.store.LlmCallRecord;
import dev.orion.store.LlmCallStore;
import dev.orion.store.OrionStores;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.RateDecision;
import dev.orion.store.RateLimiterStore;
import dev.orion.store.Reservation;
import dev.orion.store.TenantStores;
import dev.orion.tenant.Principal;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.RateLimit;
import dev.orion.tenant.TenantId;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A test double of the parts of {@code dev.orion.store} the router uses, with the SPI's documented
 * semantics (tenant isolation, atomic budget reservations). orion-core's in-memory stores replace it
 * once they exist.
 */
final class FakeStores {

    final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
    final List<String> setLimitCalls = new ArrayList<>();

    OrionStores orionStores() {
        return (OrionStores) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {OrionStores.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("tenant")) {
                        return tenants.computeIfAbsent(((TenantId) args[0]).value(), Tenant::new).view((Principal) args[1]);
                    }
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName() + " is not used by the router");
                });
    }

    final class Tenant {
        final String id;
        final Calls calls = new Calls();
        final Cache cache = new Cache();
        final Budgets budgets = new Budgets();
        final Buckets buckets = new Buckets();

        Tenant(String id) {
            this.id = id;
        }

        TenantStores view(Principal actor) {
            return (TenantStores) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TenantStores.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "tenant" -> TenantId.of(id);
                        case "actor" -> actor;
                        case "llmCalls" -> calls;
                        case "llmCache" -> cache;
                        case "budgets" -> budgets;
                        case "rateLimits" -> buckets;
                        default -> throw new UnsupportedOperationException(method.getName() + " is not used by the router");
                    });
        }
    }

    static final class Calls implements LlmCallStore {
        final List<LlmCallRecord> records = new ArrayList<>();

        @Override
        public synchronized LlmCallRecord record(LlmCall call) {
            LlmCallRecord r = new LlmCallRecord(UUID.randomUUID().toString(), call);
            records.add(r);
            return r;
        }

        @Override
        public synchronized int recordAll(List<LlmCall> calls) {
            calls.forEach(this::record);
            return calls.size();
        }

        @Override
        public synchronized Optional<LlmCallRecord> find(String id) {
            return records.stream().filter(r -> r.id().equals(id)).findFirst();
        }

        @Override
        public synchronized Page<LlmCallRecord> query(LlmCallFilter filter, PageRequest page) {
            List<LlmCallRecord> all = records.stream().filter(r -> filter.matches(r.call())).toList();
            int start = page.cursor().map(Integer::parseInt).orElse(0);
            int end = Math.min(all.size(), start + page.limit());
            return new Page<>(all.subList(start, end), end < all.size() ? Optional.of(Integer.toString(end)) : Optional.empty());
        }

        @Override
        public synchronized long count(LlmCallFilter filter) {
            return records.stream().filter(r -> filter.matches(r.call())).count();
        }

        @Override
        public void forEach(LlmCallFilter filter, Consumer<LlmCallRecord> sink) {
            List<LlmCallRecord> copy;
            synchronized (this) {
                copy = List.copyOf(records);
            }
            copy.stream().filter(r -> filter.matches(r.call())).forEach(sink);
        }

        @Override
        public List<LlmCallAggregate> aggregate(LlmCallFilter filter, LlmCallGrouping grouping) {
            throw new UnsupportedOperationException("not used by the router");
        }
    }

    static final class Cache implements LlmCacheStore {
        final Map<String, LlmCacheEntry> entries = new ConcurrentHashMap<>();

        @Override
        public Optional<LlmCacheEntry> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public void put(LlmCacheEntry entry) {
            entries.put(entry.key(), entry);
        }

        @Override
        public boolean invalidate(String key) {
            return entries.remove(key) != null;
        }

        @Override
        public long invalidateProfile(String profile) {
            long before = entries.size();
            entries.values().removeIf(e -> e.profile().equals(profile));
            return before - entries.size();
        }

        @Override
        public long invalidateAll() {
            long n = entries.size();
            entries.clear();
            return n;
        }

        @Override
        public long purgeExpired() {
            return 0;
        }

        @Override
        public long size() {
            return entries.size();
        }
    }

    final class Budgets implements BudgetStore {
        final Map<BudgetKey, BigDecimal> limits = new HashMap<>();
        final Map<BudgetKey, BigDecimal> spent = new HashMap<>();
        final Map<BudgetKey, BigDecimal> reserved = new HashMap<>();
        final Map<String, Reservation> open = new HashMap<>();

        @Override
        public synchronized BudgetStatus setLimit(BudgetKey key, BigDecimal limit) {
            setLimitCalls.add(key.toString());
            limits.put(key, limit);
            return status(key).orElseThrow();
        }

        @Override
        public synchronized boolean removeLimit(BudgetKey key) {
            return limits.remove(key) != null;
        }

        @Override
        public synchronized Optional<BudgetStatus> status(BudgetKey key) {
            BigDecimal limit = limits.get(key);
            Instant now = Instant.now();
            return limit == null ? Optional.empty() : Optional.of(new BudgetStatus(key, limit,
                    spent.getOrDefault(key, BigDecimal.ZERO), reserved.getOrDefault(key, BigDecimal.ZERO),
                    key.period().windowStart(now), key.period().resetsAt(now)));
        }

        @Override
        public synchronized List<BudgetStatus> list() {
            return limits.keySet().stream().map(k -> status(k).orElseThrow()).toList();
        }

        private List<BudgetKey> applicable(Optional<ProjectId> project) {
            return limits.keySet().stream().filter(k -> k.project().isEmpty() || k.project().equals(project)).toList();
        }

        @Override
        public synchronized Reservation reserve(Optional<ProjectId> project, BigDecimal estimate, Duration ttl) {
            Instant now = Instant.now();
            for (BudgetKey k : applicable(project)) {
                BigDecimal committed = spent.getOrDefault(k, BigDecimal.ZERO).add(reserved.getOrDefault(k, BigDecimal.ZERO));
                if (committed.add(estimate).compareTo(limits.get(k)) > 0) {
                    throw new BudgetExceededException(k, limits.get(k), committed, estimate, k.period().resetsAt(now));
                }
            }
            applicable(project).forEach(k -> reserved.merge(k, estimate, BigDecimal::add));
            Reservation r = new Reservation(UUID.randomUUID().toString(), project, estimate, now, now.plus(ttl));
            open.put(r.id(), r);
            return r;
        }

        @Override
        public synchronized boolean settle(String reservationId, BigDecimal actual) {
            Reservation r = open.remove(reservationId);
            if (r == null) {
                return false;
            }
            applicable(r.project()).forEach(k -> {
                reserved.merge(k, r.amount().negate(), BigDecimal::add);
                spent.merge(k, actual, BigDecimal::add);
            });
            return true;
        }

        @Override
        public synchronized boolean release(String reservationId) {
            return settle(reservationId, BigDecimal.ZERO);
        }

        @Override
        public synchronized void charge(Optional<ProjectId> project, BigDecimal amount) {
            applicable(project).forEach(k -> spent.merge(k, amount, BigDecimal::add));
        }

        @Override
        public int releaseExpired() {
            return 0;
        }
    }

    static final class Buckets implements RateLimiterStore {
        final Map<String, long[]> used = new HashMap<>();

        @Override
        public synchronized RateDecision tryAcquire(String bucket, RateLimit limit, long permits) {
            long[] u = used.computeIfAbsent(bucket, b -> new long[1]);
            if (u[0] + permits > limit.capacity()) {
                return new RateDecision(false, limit.capacity() - u[0], Duration.ofSeconds(1));
            }
            u[0] += permits;
            return new RateDecision(true, limit.capacity() - u[0], Duration.ZERO);
        }

        @Override
        public synchronized void reset(String bucket) {
            used.remove(bucket);
        }
    }
}
