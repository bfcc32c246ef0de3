package dev.orion.core.workflow;

/**
 * Receives the {@link WorkflowEvent}s of runs, on the threads that run the steps: keep it quick and
 * thread-safe. An exception it throws is logged and does not affect the run.
 */
@FunctionalInterface
public interface WorkflowListener {

    /** @param event what happened */
    void onEvent(WorkflowEvent event);
}
