package dev.orion.store;

/**
 * The lifecycle state of a stored job. The allowed moves are
 * SUBMITTED → QUEUED → RUNNING → {SUCCEEDED, FAILED}, and any non-terminal state → CANCELLED or FAILED.
 */
public enum JobStatus {
    /** Accepted and persisted, not yet handed to an executor. */
    SUBMITTED,
    /** Handed to an executor (local queue or SLURM), waiting to start. */
    QUEUED,
    /** Running. */
    RUNNING,
    /** Finished with a result. */
    SUCCEEDED,
    /** Finished without a result. */
    FAILED,
    /** Cancelled before it finished. */
    CANCELLED;

    /** @return whether no further transition is allowed */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    /**
     * @param next the proposed next state
     * @return whether moving from this state to {@code next} is allowed
     */
    public boolean canMoveTo(JobStatus next) {
        if (isTerminal()) {
            return false;
        }
        switch (next) {
            case QUEUED: return this == SUBMITTED;
            case RUNNING: return this == QUEUED || this == SUBMITTED;
            case SUCCEEDED: return this == RUNNING;
            case FAILED:
            case CANCELLED: return true;
            default: return false;
        }
    }
}
