package dev.orion.store;

import dev.orion.tenant.RateLimit;

/**
 * Token buckets of one tenant whose state lives in the store, so a limit holds across all JVMs that
 * share it (used for API keys and for the LLM router's per-profile and per-provider limits).
 * Bucket state is bookkeeping, not audited.
 */
public interface RateLimiterStore {

    /**
     * Takes {@code permits} tokens from the named bucket if it has them, atomically.
     *
     * @param bucket  the bucket name, e.g. {@code "llm:profile:default"}
     * @param limit   the bucket's limit (a changed limit applies from this call on)
     * @param permits tokens to take (>= 1, <= capacity)
     * @return the decision
     */
    RateDecision tryAcquire(String bucket, RateLimit limit, long permits);

    /** @param bucket the bucket to refill completely */
    void reset(String bucket);
}
