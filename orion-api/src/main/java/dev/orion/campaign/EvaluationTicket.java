package dev.orion.campaign;

import java.util.Objects;

/**
 * A started evaluation: which candidate, and the evaluator's own reference to it (a job id, a lab sample
 * number). A runner stores tickets so that after a restart it re-attaches to evaluations still running
 * instead of starting them again.
 *
 * @param candidate the candidate being evaluated
 * @param reference the evaluator's reference, up to 1,000 characters (for a synchronous evaluator, the candidate's id)
 */
public record EvaluationTicket(Candidate candidate, String reference) {

    /** Validates. */
    public EvaluationTicket {
        Objects.requireNonNull(candidate, "candidate");
        Checks.text("reference", reference, Candidate.MAX_ID_LENGTH);
    }
}
