package dev.orion.store;

/** What a usage record measures. */
public enum UsageKind {
    /** LLM tokens and their cost. */
    LLM,
    /** Compute time in core-seconds (and its cost, if priced). */
    COMPUTE
}
