package dev.orion.store.memory;

import dev.orion.store.RateDecision;
import dev.orion.store.RateLimiterStore;
import dev.orion.store.StoreArguments;
import dev.orion.store.support.TokenBucket;
import dev.orion.tenant.RateLimit;
import java.time.Instant;
import java.util.Objects;

final class MemoryRateLimiterStore implements RateLimiterStore {

    private final MemoryTenant t;

    MemoryRateLimiterStore(MemoryTenant t) {
        this.t = t;
    }

    @Override
    public RateDecision tryAcquire(String bucket, RateLimit limit, long permits) {
        StoreArguments.text("bucket", bucket, 200);
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
        StoreArguments.text("bucket", bucket, 200);
        synchronized (t) {
            t.buckets.remove(bucket);
        }
    }
}
