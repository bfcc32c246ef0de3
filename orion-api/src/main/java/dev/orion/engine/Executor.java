package dev.orion.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs programs prepared by a {@link ProgramEngine}: as local processes or as SLURM batch jobs.
 * Each launch gets an execution id (a local run id, or the SLURM job id) that is stored with the
 * job, so that a new JVM can find the run again after a crash ({@link #status}). Implementations
 * are thread-safe.
 */
public interface Executor {

    /** @return a stable short name stored with jobs, e.g. {@code "local"} or {@code "slurm"} */
    String name();

    /**
     * Starts (or queues) a run and returns at once.
     *
     * @param run       the program and its work folder
     * @param resources what it asks for
     * @param jobName   a name for the scheduler and the logs
     * @return the execution id
     * @throws dev.orion.ExecutorException if the run could not be started or submitted
     */
    String launch(ProgramRun run, Resources resources, String jobName);

    /**
     * @param executionId an id from {@link #launch}
     * @return the current state; {@link RunState#UNKNOWN} if this executor cannot know the run
     *         (for a local executor: a run started by another JVM)
     */
    RunState status(String executionId);

    /**
     * Waits until a run ends or {@code timeout} passes.
     *
     * @param executionId an id from {@link #launch}
     * @param timeout     how long to wait
     * @return how it ended, or empty if it is still running after {@code timeout}
     * @throws InterruptedException if the waiting thread is interrupted (the run goes on)
     */
    Optional<RunOutcome> await(String executionId, Duration timeout) throws InterruptedException;

    /**
     * Stops a run and everything it started. Cancelling a finished run does nothing.
     *
     * @param executionId an id from {@link #launch}
     */
    void cancel(String executionId);

    /**
     * @return whether runs survive the death of this JVM and can be awaited by another one (SLURM:
     *         yes; local processes: no)
     */
    boolean runsSurviveRestart();

    /**
     * Finds a run by the job name it was launched with, for recovery when a JVM died between
     * launching a run and recording its id. Executors whose runs die with the JVM return empty.
     *
     * @param jobName the name given to {@link #launch}
     * @return the execution id, if the executor still knows such a run
     */
    default Optional<String> find(String jobName) {
        return Optional.empty();
    }

    /**
     * Stops a run that another (dead) JVM started, as far as this executor can still reach it: a
     * SLURM job is cancelled by id; a local process is found through its work folder and killed.
     *
     * @param executionId the id recorded when it was launched
     * @param workDir     its work folder
     * @return whether something was found running and stopped
     */
    default boolean abandon(String executionId, Path workDir) {
        if (status(executionId).isTerminal()) {
            return false;
        }
        cancel(executionId);
        return true;
    }
}
