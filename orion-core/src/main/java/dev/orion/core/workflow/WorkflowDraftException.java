package dev.orion.core.workflow;

import dev.orion.OrionException;
import java.math.BigDecimal;
import java.util.List;

/** Thrown when a model did not write a valid workflow within the repair limit; says what it cost and what was still wrong. */
public final class WorkflowDraftException extends OrionException {

    private static final long serialVersionUID = 1L;

    private final String draftId;
    private final int attempts;
    private final transient List<Problem> problems;
    private final BigDecimal costUsd;

    WorkflowDraftException(String draftId, int attempts, List<Problem> problems, BigDecimal costUsd) {
        super("no valid workflow after " + attempts + " attempts (draft " + draftId + ", $" + costUsd.toPlainString()
                + "); still wrong:\n" + String.join("\n", problems.stream().map(Problem::toString).toList()));
        this.draftId = draftId;
        this.attempts = attempts;
        this.problems = List.copyOf(problems);
        this.costUsd = costUsd;
    }

    /** @return the id the LLM calls are recorded under */
    public String draftId() {
        return draftId;
    }

    /** @return how many versions the model wrote */
    public int attempts() {
        return attempts;
    }

    /** @return the errors of the last version */
    public List<Problem> problems() {
        return problems;
    }

    /** @return the dollars spent */
    public BigDecimal costUsd() {
        return costUsd;
    }
}
