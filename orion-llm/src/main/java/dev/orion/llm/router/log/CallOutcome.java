package dev.orion.llm.router.log;

/** How a routed call ended. */
public enum CallOutcome {
    /** An answer was returned, from a model or the cache. */
    SUCCESS,
    /** Every model failed, or the request was refused as invalid. */
    ERROR,
    /** The last failure was a timeout. */
    TIMEOUT,
    /** A rate limit (ORION's or, as last failure, the provider's) refused the call. */
    RATE_LIMITED,
    /** A budget or the per-request cost cap refused the call before it was sent. */
    BUDGET_EXCEEDED,
    /** The calling thread was interrupted. */
    CANCELLED
}
