package dev.orion.llm.router.ratelimit;

import dev.orion.llm.RateLimitedException;
import dev.orion.tenant.TenantId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets in this JVM's memory: a limit of N per minute allows a burst of N and refills
 * continuously at N/60 per second. Holds per instance only; use the store-backed limiter when several
 * instances must share a limit.
 */
public final class LocalRateLimiter implements RateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    /** A limiter on {@link System#nanoTime()}. */
    public LocalRateLimiter() {
        this(System::nanoTime);
    }

    /** @param nanoTime the monotonic time source (tests pass a fake one) */
    public LocalRateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @Override
    public void acquire(TenantId tenant, String bucket, long perMinute, long permits) {
        if (perMinute <= 0) {
            throw new IllegalArgumentException("perMinute must be > 0, was " + perMinute);
        }
        long take = Math.min(Math.max(permits, 1), perMinute);
        Bucket b = buckets.computeIfAbsent(tenant.value() + "|" + bucket, k -> new Bucket(perMinute, nanoTime.getAsLong()));
        long waitNanos = b.tryTake(take, perMinute, nanoTime.getAsLong());
        if (waitNanos > 0) {
            throw new RateLimitedException("tenant:" + tenant.value() + "/" + bucket + "=" + perMinute + "/min",
                    Duration.ofNanos(waitNanos));
        }
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(long capacity, long now) {
            this.tokens = capacity;
            this.last = now;
        }

        /** Takes the permits and returns 0, or returns how long until they are there. */
        synchronized long tryTake(long permits, long perMinute, long now) {
            double perNano = perMinute / 60e9;
            tokens = Math.min(perMinute, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= permits) {
                tokens -= permits;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((permits - tokens) / perNano));
        }
    }
}
