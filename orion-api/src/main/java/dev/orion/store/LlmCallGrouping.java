package dev.orion.store;

/** How {@link LlmCallStore#aggregate} groups calls. */
public enum LlmCallGrouping {
    /** By model. */
    MODEL,
    /** By router profile. */
    PROFILE,
    /** By provider. */
    PROVIDER,
    /** By project (calls without project under the key {@code ""}). */
    PROJECT,
    /** By outcome name. */
    OUTCOME,
    /** By experiment arm (calls without one under {@code ""}). */
    EXPERIMENT,
    /** By UTC day, keys formatted as ISO dates. */
    DAY
}
