package dev.orion.core.workflow;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A workflow run in progress, from {@link WorkflowRunner#start}: wait for it, or cancel it. */
public final class WorkflowExecution {

    private final String runId;
    private final Execution execution;
    private final CompletableFuture<WorkflowRun> future;

    WorkflowExecution(String runId, Execution execution, CompletableFuture<WorkflowRun> future) {
        this.runId = runId;
        this.execution = execution;
        this.future = future;
    }

    /** @return the run's id */
    public String runId() {
        return runId;
    }

    /**
     * Cancels the run: nothing new starts, running steps are interrupted and their jobs cancelled; the run ends
     * {@link WorkflowRun.Status#CANCELLED}, with the results of the steps that had finished.
     */
    public void cancel() {
        execution.cancel();
    }

    /** @return whether the run has ended */
    public boolean isDone() {
        return future.isDone();
    }

    /**
     * @param timeout how long to wait
     * @return the run's outcome, or empty if it has not ended within {@code timeout}
     * @throws InterruptedException if interrupted while waiting
     */
    public Optional<WorkflowRun> await(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(future.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("workflow run " + runId + " broke down", e.getCause());
        }
    }
}
