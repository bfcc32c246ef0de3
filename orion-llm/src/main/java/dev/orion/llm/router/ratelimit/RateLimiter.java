package dev.orion.llm.router.ratelimit;

import dev.orion.llm.RateLimitedException;
import dev.orion.tenant.TenantId;

/** Takes permits from named per-minute token buckets. Implementations are thread-safe. */
public interface RateLimiter {

    /**
     * Takes {@code permits} from a bucket that holds {@code perMinute} and refills at that rate.
     *
     * @param tenant    the tenant (buckets of different tenants never mix)
     * @param bucket    the bucket name, e.g. {@code requests/model:fast}
     * @param perMinute the bucket's capacity and refill per minute
     * @param permits   how many to take (capped at the capacity)
     * @throws RateLimitedException when the bucket lacks them, saying when they will be there
     */
    void acquire(TenantId tenant, String bucket, long perMinute, long permits);
}
