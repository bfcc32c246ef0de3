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

    /** No caching. */
    public static final CachePolicy DISABLED = new CachePolicy(false, Duration.ZERO);

    /** Validates the policy. */
    public CachePolicy {
        Objects.requireNonNull(ttl, "ttl");
        if (enabled && (ttl.isNegative() || ttl.isZero())) {
            throw new IllegalArgumentException("cache ttl must be positive when caching is enabled, was " + ttl);
        }
    }

    /** Caching for {@code ttl}. @param ttl positive */
    public static CachePolicy ttl(Duration ttl) {
        return new CachePolicy(true, ttl);
    }
}
