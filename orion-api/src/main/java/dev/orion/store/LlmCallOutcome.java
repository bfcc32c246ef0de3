package dev.orion.store;

/** How an LLM call ended; the router's call log and the LLM call store both record it. */
public enum LlmCallOutcome {
    /** A response was returned (from a model or the cache). */
    SUCCESS,
    /** The provider returned an error; for a routed call, every model failed or the request was refused as invalid. */
    ERROR,
    /** The call timed out; for a routed call, the last failure was a timeout. */
    TIMEOUT,
    /** A rate limit refused the call: ORION's, or the provider's (for a routed call, as the last failure). */
    RATE_LIMITED,
    /** A budget or the per-request cost cap refused the call before it was sent. */
    BUDGET_EXCEEDED,
    /** The caller cancelled the call (its thread was interrupted). */
    CANCELLED
}
