package dev.orion.tenant;

import java.time.Duration;
import java.util.Objects;

/**
 * A token-bucket rate limit: a bucket of {@code capacity} tokens refilled by {@code refillTokens}
 * every {@code refillPeriod}; each request takes one token (or more, for weighted requests).
 *
 * @param capacity     the most tokens the bucket holds (the allowed burst)
 * @param refillTokens tokens added per period
 * @param refillPeriod the period
 */
public record RateLimit(long capacity, long refillTokens, Duration refillPeriod) {

    /**
     * Validates the limit.
     */
    public RateLimit {
        if (capacity < 1) {
            throw new IllegalArgumentException("rate limit capacity must be >= 1, got " + capacity);
        }
        if (refillTokens < 1) {
            throw new IllegalArgumentException("rate limit refillTokens must be >= 1, got " + refillTokens);
        }
        Objects.requireNonNull(refillPeriod, "refillPeriod");
        if (refillPeriod.isNegative() || refillPeriod.isZero()) {
            throw new IllegalArgumentException("rate limit refillPeriod must be positive, got " + refillPeriod);
        }
    }

    /**
     * @param requests requests allowed per minute (also the burst)
     * @return a limit of {@code requests} per minute
     */
    public static RateLimit perMinute(long requests) {
        return new RateLimit(requests, requests, Duration.ofMinutes(1));
    }

    /**
     * @param requests requests allowed per second (also the burst)
     * @return a limit of {@code requests} per second
     */
    public static RateLimit perSecond(long requests) {
        return new RateLimit(requests, requests, Duration.ofSeconds(1));
    }

    /** @return tokens added per second */
    public double tokensPerSecond() {
        return refillTokens * 1e9 / refillPeriod.toNanos();
    }
}
