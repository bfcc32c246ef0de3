package dev.orion.engine;

/**
 * The state of a run on an executor, named as SLURM names them (a local executor uses the subset
 * that applies). A job's persisted lifecycle is the coarser {@link dev.orion.store.JobStatus}; the
 * job service maps a run's terminal state onto it.
 */
public enum RunState {
    /** Waiting for resources. */
    PENDING,
    /** Running. */
    RUNNING,
    /** Exited with code 0. */
    COMPLETED,
    /** Exited with a non-zero code or was killed by a signal. */
    FAILED,
    /** Cancelled on request. */
    CANCELLED,
    /** Hit its time limit. */
    TIMEOUT,
    /** Killed for exceeding its memory. */
    OUT_OF_MEMORY,
    /** Its node failed. */
    NODE_FAIL,
    /** Preempted by a higher-priority job. */
    PREEMPTED,
    /** The executor no longer knows the run (e.g. a SLURM id past its retention time). */
    UNKNOWN;

    /** @return whether the run has ended */
    public boolean isTerminal() {
        return this != PENDING && this != RUNNING;
    }
}
