package dev.orion.core.workflow;

import dev.orion.OrionException;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a workflow that does not validate is asked to run; carries every error with its position. */
public final class InvalidWorkflowException extends OrionException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /** @param problems the errors */
    public InvalidWorkflowException(List<Problem> problems) {
        super("invalid workflow:\n" + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** @return the errors */
    public List<Problem> problems() {
        return problems;
    }
}
