package dev.orion.store;

/** The state of a stored workflow run ({@link WorkflowRunRecord}). */
public enum WorkflowRunState {
    /** It is running, or its process died while it ran (running it again under the same id resumes it). */
    RUNNING,
    /** Every step succeeded or was skipped by its condition. */
    SUCCEEDED,
    /** A step failed. */
    FAILED,
    /** It was cancelled. */
    CANCELLED
}
