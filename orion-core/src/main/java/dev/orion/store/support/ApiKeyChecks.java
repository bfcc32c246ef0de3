package dev.orion.store.support;

import dev.orion.store.ApiKeyCheck;
import dev.orion.tenant.ApiKey;
import java.time.Instant;
import java.util.Optional;

/**
 * The order in which a found key is checked (revoked, expired, scope; rate limit comes last), and how an
 * accepted key is marked used.
 */
public final class ApiKeyChecks {

    /** The prefix of the rate-limit buckets that authentication keeps per key. */
    private static final String RESERVED_BUCKETS = "api-key";

    private ApiKeyChecks() {
    }

    /**
     * @param presentedKey the key text a caller presented, possibly null
     * @return the parsed key, empty if it is malformed or the admin tenant's (which no tenant view accepts)
     */
    public static Optional<ApiKeyFormat.Parsed> tenantKey(String presentedKey) {
        return ApiKeyFormat.parse(presentedKey).filter(p -> !p.tenant().isAdmin());
    }

    /**
     * @param key   the key whose secret matched
     * @param scope the scope required
     * @param now   the time
     * @return why the key is refused, empty if it may proceed to the rate limit
     */
    public static Optional<ApiKeyCheck.Reason> refusal(ApiKey key, String scope, Instant now) {
        if (key.revokedAt().isPresent()) {
            return Optional.of(ApiKeyCheck.Reason.REVOKED);
        }
        if (key.expiresAt().isPresent() && !now.isBefore(key.expiresAt().get())) {
            return Optional.of(ApiKeyCheck.Reason.EXPIRED);
        }
        if (!key.grants(scope)) {
            return Optional.of(ApiKeyCheck.Reason.MISSING_SCOPE);
        }
        return Optional.empty();
    }

    /** @param key an accepted key @param now the time @return the key, last used {@code now} */
    public static ApiKey usedAt(ApiKey key, Instant now) {
        return new ApiKey(key.id(), key.tenant(), key.name(), key.scopes(), key.createdBy(), key.createdAt(),
                key.expiresAt(), key.revokedAt(), Optional.of(now), key.rateLimit());
    }

    /** @param keyId a key id @return the rate-limit bucket of that key */
    public static String bucket(String keyId) {
        return RESERVED_BUCKETS + ":" + keyId;
    }

    /**
     * Refuses the buckets that authentication owns: tenant code that could refill or drain a key's
     * bucket would undo the limit the key was issued with (or lock its owner out).
     *
     * @param bucket a bucket named by tenant code
     * @return the bucket
     * @throws IllegalArgumentException if it starts with {@code "api-key"}
     */
    public static String tenantBucket(String bucket) {
        Checks.text("bucket", bucket, 200);
        if (bucket.startsWith(RESERVED_BUCKETS)) {
            throw new IllegalArgumentException("bucket names starting with '" + RESERVED_BUCKETS
                    + "' belong to API-key authentication and are not reachable through the tenant view, got '" + bucket + "'");
        }
        return bucket;
    }
}
