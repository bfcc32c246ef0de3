package dev.orion.store.support;

import dev.orion.store.ApiKeyCheck;
import dev.orion.tenant.ApiKey;
import java.time.Instant;
import java.util.Optional;

/** The order in which a found key is checked: revoked, expired, scope (rate limit comes last). */
public final class ApiKeyChecks {

    private ApiKeyChecks() {
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

    /** @param keyId a key id @return the rate-limit bucket of that key */
    public static String bucket(String keyId) {
        return "api-key:" + keyId;
    }
}
