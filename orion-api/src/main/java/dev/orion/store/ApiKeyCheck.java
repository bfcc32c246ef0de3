package dev.orion.store;

import dev.orion.tenant.ApiKey;
import dev.orion.tenant.Principal;
import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of checking a presented API key: accepted, or rejected with a reason.
 */
public sealed interface ApiKeyCheck {

    /**
     * The key is valid, active, grants the scope and was within its rate limit.
     *
     * @param key the key's metadata
     */
    record Accepted(ApiKey key) implements ApiKeyCheck {
        /** Validates. */
        public Accepted {
            Objects.requireNonNull(key, "key");
        }

        /** @return the principal to act as */
        public Principal principal() {
            return Principal.apiKey(key.id());
        }
    }

    /**
     * The key was refused.
     *
     * @param reason     why
     * @param retryAfter for {@link Reason#RATE_LIMITED}, how long until a token is available; else zero
     */
    record Rejected(Reason reason, Duration retryAfter) implements ApiKeyCheck {
        /** Validates. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** Why a key was refused. */
    enum Reason {
        /** The text is not an ORION key, or its id is unknown, or its secret does not match. */
        INVALID,
        /** The key's expiry time has passed. */
        EXPIRED,
        /** The key was revoked. */
        REVOKED,
        /** The key does not grant the required scope. */
        MISSING_SCOPE,
        /** The key's rate limit has no token left. */
        RATE_LIMITED
    }

    /** @return whether the key was accepted */
    default boolean accepted() {
        return this instanceof Accepted;
    }
}
