package dev.orion.core.jobs;

/**
 * What the job service does, on start, with a job that a dead JVM was running and that cannot be
 * re-attached (local processes and in-JVM computations die with their JVM; SLURM jobs are always
 * re-attached by their SLURM id and never affected by this policy).
 */
public enum RecoveryPolicy {
    /** Stop whatever is left of the run and mark the job FAILED, naming the lost run. */
    FAIL,
    /** Stop whatever is left of the run and run the job again from its inputs. */
    REQUEUE
}
