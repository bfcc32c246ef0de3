package dev.orion.llm.router.store;

import dev.orion.llm.RateLimitedException;
import dev.orion.llm.router.ratelimit.RateLimiter;
import dev.orion.store.RateDecision;
import dev.orion.tenant.RateLimit;
import dev.orion.tenant.TenantId;

/** A {@link RateLimiter} whose buckets live in each tenant's {@code RateLimiterStore}, shared by every instance. */
final class StoreRateLimiter implements RateLimiter {

    private final RouterStores stores;

    StoreRateLimiter(RouterStores stores) {
        this.stores = stores;
    }

    @Override
    public void acquire(TenantId tenant, String bucket, long perMinute, long permits) {
        long take = Math.min(Math.max(permits, 1), perMinute);
        RateDecision d = stores.tenant(tenant).rateLimits().tryAcquire("llm:" + bucket, RateLimit.perMinute(perMinute), take);
        if (!d.allowed()) {
            throw new RateLimitedException("tenant:" + tenant.value() + "/" + bucket + "=" + perMinute + "/min", d.retryAfter());
        }
    }
}
