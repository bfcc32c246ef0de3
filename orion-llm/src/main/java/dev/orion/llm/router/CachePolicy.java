package dev.orion.llm.router;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether a profile's answers are cached, and for how long.
 *
 * @param enabled whether to look up and store answers
 * @param ttl     how long a stored answer is served
 */
public record CachePolicy(boolean enabled, Duration ttl) {

    /**
     * The longest TTL, 100 years: longer ones overflow the nanosecond expiry of the memory layer (a TTL of
     * {@code 1000000d} would fail after the model was paid for).
     */
    public static final Duration MAX_TTL = Duration.ofDays(36_500);

    /** No caching. */
    public static final CachePolicy DISABLED = new CachePolicy(false, Duration.ZERO);

    /** Validates the policy. */
    public CachePolicy {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("cache ttl must be at most " + MAX_TTL.toDays() + " days, was " + ttl);
        }
        if (enabled && (ttl.isNegative() || ttl.isZero())) {
            throw new IllegalArgumentException("cache ttl must be positive when caching is enabled, was " + ttl);
        }
    }

    /** Caching for {@code ttl}. @param ttl positive */
    public static CachePolicy ttl(Duration ttl) {
        return new CachePolicy(true, ttl);
    }
}
