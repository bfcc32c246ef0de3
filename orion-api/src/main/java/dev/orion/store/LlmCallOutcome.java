package dev.orion.store;

/** How an LLM call ended. */
public enum LlmCallOutcome {
    /** A response was returned (from the provider or the cache). */
    SUCCESS,
    /** The provider returned an error. */
    ERROR,
    /** The call timed out. */
    TIMEOUT,
    /** The provider or ORION's rate limiter refused the call. */
    RATE_LIMITED,
    /** A budget refused the call before it was sent. */
    BUDGET_EXCEEDED,
    /** The caller cancelled the call. */
    CANCELLED
}
