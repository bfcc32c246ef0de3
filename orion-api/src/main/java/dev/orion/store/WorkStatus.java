package dev.orion.store;

/** The state of a work item. */
public enum WorkStatus {
    /** Waiting to be claimed (possibly not before its {@code availableAt}). */
    PENDING,
    /** Claimed by a worker under a lease. */
    LEASED,
    /** Completed. */
    DONE,
    /** Failed {@code maxAttempts} times; kept for inspection (dead letter). */
    DEAD
}
