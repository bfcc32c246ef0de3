package dev.orion.store;

import dev.orion.tenant.RateLimit;

/**
 * Token buckets of one tenant whose state lives in the store, so a limit holds across all JVMs that
 * share it (used for the LLM router's per-profile and per-provider limits). Taking tokens is
 * bookkeeping, not audited; {@link #reset} is audited (action {@code "reset"}, resource type
 * {@code "rate-limit"}, the bucket as id). Buckets whose names start with {@code "api-key"} belong to
 * API-key authentication and are refused here, so tenant code can neither refill nor drain them.
 */
public interface RateLimiterStore {

    /**
     * Takes {@code permits} tokens from the named bucket if it has them, atomically.
     *
     * @param bucket  the bucket name, e.g. {@code "llm:profile:default"}
     * @param limit   the bucket's limit (a changed limit applies from this call on)
     * @param permits tokens to take (>= 1, <= capacity)
     * @return the decision
     * @throws IllegalArgumentException if the bucket name starts with {@code "api-key"}
     */
    RateDecision tryAcquire(String bucket, RateLimit limit, long permits);

    /**
     * Refills a bucket completely, and audits it.
     *
     * @param bucket the bucket to refill
     * @throws IllegalArgumentException if the bucket name starts with {@code "api-key"}
     */
    void reset(String bucket);
}
