package dev.orion.store.internal;

import dev.orion.store.ApiKeyCheck;
import dev.orion.store.StoreArguments;
import dev.orion.tenant.ApiKey;
import dev.orion.tenant.Principal;
import dev.orion.tenant.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The order in which a found key is checked (revoked, expired, scope; rate limit comes last), how an
 * accepted key is marked used (at most once per {@link #LAST_USED_RESOLUTION}, so that a busy key does not
 * write its row on every call), and how failed attempts are audited and limited ({@link #FAILURE_LIMIT}
 * per key id, and per tenant for ids that do not exist).
 */
public final class ApiKeyChecks {

    /** The prefix of the rate-limit buckets that authentication keeps per key. */
    private static final String RESERVED_BUCKETS = "api-key";

    /**
     * Failed attempts allowed per key id (and per tenant for unknown ids) before further failures are
     * answered {@code RATE_LIMITED} without being audited one by one: 10, refilled 10 per minute.
     */
    public static final RateLimit FAILURE_LIMIT = new RateLimit(10, 10, Duration.ofMinutes(1));
    /** {@code lastUsedAt} is rewritten only when it is at least this old. */
    public static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    /** The audit action of a failed attempt, resource type {@code "api-key"}, the presented key id as id. */
    public static final String FAILED = "authenticate-failed";
    /** The actor of failed-attempt audit events (the caller is, by definition, not authenticated). */
    public static final Principal AUTHENTICATION = Principal.system("api-key-authentication");
    /** The failure bucket key shared by the attempts with ids that the tenant does not have. */
    public static final String UNKNOWN_KEY = "unknown";

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

    /**
     * @param key the key that was used (its secret matched)
     * @param now the time
     * @return whether its {@code lastUsedAt} is old enough to be rewritten
     */
    public static boolean recordUse(ApiKey key, Instant now) {
        return key.lastUsedAt().map(t -> !t.plus(LAST_USED_RESOLUTION).isAfter(now)).orElse(true);
    }

    /** @param keyId a key id, or {@link #UNKNOWN_KEY} @return the bucket counting its failed attempts */
    public static String failureBucket(String keyId) {
        return RESERVED_BUCKETS + "-failures:" + keyId;
    }

    /** @param reason why an attempt failed @return the details of its audit event */
    public static Map<String, String> failureDetails(ApiKeyCheck.Reason reason) {
        return Map.of("reason", reason.name());
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
        StoreArguments.text("bucket", bucket, StoreArguments.MAX_KEY_LENGTH);
        if (bucket.startsWith(RESERVED_BUCKETS)) {
            throw new IllegalArgumentException("bucket names starting with '" + RESERVED_BUCKETS
                    + "' belong to API-key authentication and are not reachable through the tenant view, got '" + bucket + "'");
        }
        return bucket;
    }
}
