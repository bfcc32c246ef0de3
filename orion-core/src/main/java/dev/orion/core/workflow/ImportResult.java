package dev.orion.core.workflow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What loading a workflow file gave: never a silent success. {@link Status#COMPLETED} has no problems,
 * {@link Status#COMPLETED_WITH_WARNINGS} has only warnings (the workflow can run), {@link Status#FAILED}
 * has at least one error and no workflow.
 *
 * @param status   the outcome
 * @param workflow the workflow, unless failed
 * @param problems every problem found, in file order
 */
public record ImportResult(Status status, Optional<Workflow> workflow, List<Problem> problems) {

    /** The outcome of an import. */
    public enum Status {
        /** Valid, no warnings. */
        COMPLETED,
        /** Valid, with warnings. */
        COMPLETED_WITH_WARNINGS,
        /** Invalid: see the errors. */
        FAILED
    }

    /** Validates and copies. */
    public ImportResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(workflow, "workflow");
        problems = List.copyOf(problems);
        if ((status == Status.FAILED) == workflow.isPresent()) {
            throw new IllegalArgumentException("a failed import has no workflow and only a failed one lacks it");
        }
    }

    /** @return the workflow  @throws InvalidWorkflowException listing the errors if the import failed */
    public Workflow orThrow() {
        return workflow.orElseThrow(() -> new InvalidWorkflowException(errors()));
    }

    /** @return the errors only */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }
}
