package dev.orion.llm.router.ratelimit;

import java.util.Objects;

/**
 * A per-minute limit on a profile's calls, counted per tenant, per API key or per model.
 *
 * @param scope             what is counted separately
 * @param requestsPerMinute requests allowed per minute (0 = unlimited)
 * @param tokensPerMinute   estimated tokens (prompt plus {@code max_tokens}) allowed per minute (0 = unlimited)
 */
public record RateLimitRule(Scope scope, long requestsPerMinute, long tokensPerMinute) {

    /** What a limit counts separately. */
    public enum Scope {
        /** One counter per tenant. */
        TENANT,
        /** One counter per API key id (calls without one share a counter). */
        API_KEY,
        /** One counter per model. */
        MODEL
    }

    /** Validates the rule. */
    public RateLimitRule {
        Objects.requireNonNull(scope, "scope");
        if (requestsPerMinute < 0 || tokensPerMinute < 0) {
            throw new IllegalArgumentException("rate limits must be >= 0, were " + requestsPerMinute + " requests and "
                    + tokensPerMinute + " tokens per minute");
        }
        if (requestsPerMinute == 0 && tokensPerMinute == 0) {
            throw new IllegalArgumentException("a rate limit rule must limit requests or tokens per minute");
        }
    }
}
