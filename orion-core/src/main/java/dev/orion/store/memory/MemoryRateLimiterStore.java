package dev.orion.store.memory;

import dev.orion.store.RateDecision;
import dev.orion.store.RateLimiterStore;
import dev.orion.store.internal.ApiKeyChecks;
import dev.orion.store.internal.TokenBucket;
import dev.orion.tenant.Principal;
import dev.orion.tenant.RateLimit;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

final class MemoryRateLimiterStore implements RateLimiterStore {

    private final MemoryTenant t;
    private final Principal actor;

    MemoryRateLimiterStore(MemoryTenant t, Principal actor) {
        this.t = t;
        this.actor = actor;
    }

    @Override
    public RateDecision tryAcquire(String bucket, RateLimit limit, long permits) {
        ApiKeyChecks.tenantBucket(bucket);
        Objects.requireNonNull(limit, "limit");
        synchronized (t) {
            Instant now = t.clock.instant();
            TokenBucket state = t.buckets.getOrDefault(bucket, TokenBucket.full(limit, now));
            TokenBucket.Result r = state.acquire(limit, permits, now);
            t.buckets.put(bucket, r.state());
            return r.decision();
        }
    }

    @Override
    public void reset(String bucket) {
        ApiKeyChecks.tenantBucket(bucket);
        synchronized (t) {
            t.buckets.remove(bucket);
            t.audit(actor, "reset", "rate-limit", bucket, Map.of());
        }
    }
}
