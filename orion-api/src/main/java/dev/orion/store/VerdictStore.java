package dev.orion.store;

import dev.orion.check.Verdict;
import java.util.List;

/**
 * The verdicts of one tenant's checks ({@link dev.orion.check.Check}), kept per evaluation so a reviewer
 * can see why an agent's claim was overridden or its proposal refused. Verdicts are never changed or
 * deleted; each one stored is audited with resource type {@code "verdict"}.
 */
public interface VerdictStore {

    /** The longest evaluation id. */
    int MAX_EVALUATION_ID_LENGTH = 200;

    /**
     * Stores a verdict.
     *
     * @param evaluationId the evaluation it belongs to (1-200 characters)
     * @param subject      what was judged
     * @param verdict      the verdict
     * @return the stored record
     * @throws IllegalArgumentException if {@code evaluationId} is blank or too long
     */
    VerdictRecord record(String evaluationId, ResourceRef subject, Verdict verdict);

    /** @param evaluationId an evaluation  @return its verdicts, oldest first */
    List<VerdictRecord> forEvaluation(String evaluationId);

    /** @param subject a judged resource  @return its verdicts over all evaluations, oldest first */
    List<VerdictRecord> forSubject(ResourceRef subject);
}
