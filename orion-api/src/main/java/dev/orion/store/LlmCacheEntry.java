package dev.orion.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A cached LLM response, keyed by the hex SHA-256 of the canonical request.
 *
 * @param key       64 lower-case hex digits
 * @param value     the cached response (serialised by the router)
 * @param profile   the router profile that produced it (for invalidation by profile)
 * @param createdAt when it was cached
 * @param expiresAt when it stops being served, if ever
 */
public record LlmCacheEntry(String key, String value, String profile, Instant createdAt, Optional<Instant> expiresAt) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** Validates. */
    public LlmCacheEntry {
        requireKey(key);
        Objects.requireNonNull(value, "value");
        StoreArguments.text("profile", profile, 200);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * @param key a candidate key
     * @return the key
     * @throws IllegalArgumentException unless it is 64 lower-case hex digits
     */
    public static String requireKey(String key) {
        Objects.requireNonNull(key, "key");
        if (!SHA256_HEX.matcher(key).matches()) {
            throw new IllegalArgumentException("cache key must be 64 lower-case hex digits (SHA-256), got '"
                    + StoreArguments.abbreviate(key) + "'");
        }
        return key;
    }

    /** @param now the time  @return whether the entry is expired at {@code now} */
    public boolean isExpiredAt(Instant now) {
        return expiresAt.map(e -> !now.isBefore(e)).orElse(false);
    }
}
