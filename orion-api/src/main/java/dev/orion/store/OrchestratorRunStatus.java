package dev.orion.store;

/** Where a run of the orchestrator stands. */
public enum OrchestratorRunStatus {
    /** Started under a lease and not finished. */
    RUNNING,
    /** Finished its step. */
    SUCCEEDED,
    /** Its step threw; the error is recorded. */
    FAILED,
    /** Its orchestrator lost the lease before finishing (it died or stalled); the next holder took over. */
    ABANDONED
}
