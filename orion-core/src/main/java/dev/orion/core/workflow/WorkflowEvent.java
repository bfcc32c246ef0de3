package dev.orion.core.workflow;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a running workflow reports to its {@link WorkflowListener}s, in order per step: started, items done
 * (for fan-outs), finished; or, on a resumed run, restored and finished. The CLI draws its progress bar from these.
 */
public sealed interface WorkflowEvent {

    /** @return the run */
    String runId();

    /**
     * The run started.
     *
     * @param runId the run
     * @param workflow the workflow's name
     * @param steps how many steps it has
     */
    record RunStarted(String runId, String workflow, int steps) implements WorkflowEvent {
    }

    /**
     * A step started.
     *
     * @param runId  the run
     * @param stepId the step
     * @param items  how many items it runs (1 unless it fans out)
     */
    record StepStarted(String runId, String stepId, int items) implements WorkflowEvent {
    }

    /**
     * A step (or one item of a fan-out) that an earlier start of the run finished was restored from the run store
     * instead of run again: it costs nothing new and keeps the cost recorded for it. A restored step is then reported
     * finished; a restored item is reported as an item finished.
     *
     * @param runId  the run
     * @param stepId the step
     * @param item   empty for the whole step, the item's index for one item of a fan-out
     */
    record StepRestored(String runId, String stepId, OptionalInt item) implements WorkflowEvent {
    }

    /**
     * One item of a step finished (successfully or not).
     *
     * @param runId  the run
     * @param stepId the step
     * @param done   items finished so far
     * @param items  items in all
     */
    record ItemFinished(String runId, String stepId, int done, int items) implements WorkflowEvent {
    }

    /**
     * A step ended.
     *
     * @param runId    the run
     * @param stepId   the step
     * @param status   how it ended
     * @param duration how long it took
     * @param error    why it failed or was skipped, if it did not succeed
     */
    record StepFinished(String runId, String stepId, StepResult.Status status, Duration duration, Optional<String> error)
            implements WorkflowEvent {
    }

    /**
     * The run ended.
     *
     * @param runId  the run
     * @param status how
     */
    record RunFinished(String runId, WorkflowRun.Status status) implements WorkflowEvent {
    }
}
