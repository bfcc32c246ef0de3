package dev.orion.store;

/** The state of one step (or one item of a fan-out step) of a stored workflow run ({@link WorkflowStepRecord}). */
public enum WorkflowStepState {
    /** It is running, or the run's process died while it ran. */
    RUNNING,
    /** It ran and gave its outputs. */
    SUCCEEDED,
    /** It failed after its retries. */
    FAILED,
    /** It did not run: its condition was false, or a step it needs did not succeed. */
    SKIPPED,
    /** The run was cancelled before or while it ran. */
    CANCELLED
}
