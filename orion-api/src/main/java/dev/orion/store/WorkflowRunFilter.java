package dev.orion.store;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Selects stored workflow runs; empty fields match everything.
 *
 * @param workflow only runs of this workflow (by name)
 * @param states   only runs in these states (empty: any)
 */
public record WorkflowRunFilter(Optional<String> workflow, Set<WorkflowRunState> states) {

    /** Validates and copies. */
    public WorkflowRunFilter {
        Objects.requireNonNull(workflow, "workflow");
        states = Set.copyOf(states);
    }

    /** @return a filter matching every run */
    public static WorkflowRunFilter all() {
        return new WorkflowRunFilter(Optional.empty(), Set.of());
    }

    /** @param name a workflow's name  @return narrowed filter */
    public WorkflowRunFilter withWorkflow(String name) {
        return new WorkflowRunFilter(Optional.of(name), states);
    }

    /** @param s states  @return narrowed filter */
    public WorkflowRunFilter withState(WorkflowRunState... s) {
        return new WorkflowRunFilter(workflow, Set.of(s));
    }

    /**
     * @param run a run
     * @return whether this filter selects it (the in-memory reference semantics)
     */
    public boolean matches(WorkflowRunRecord run) {
        return workflow.map(run.workflow()::equals).orElse(true) && (states.isEmpty() || states.contains(run.state()));
    }
}
