package dev.orion.core.campaign.runner;

import dev.orion.campaign.EvaluationTicket;
import dev.orion.campaign.Evaluator;
import dev.orion.store.ResourceRef;

/**
 * An evaluator that names the resource each evaluation came from (an instrument's experiment, a service's
 * request), so that the runner links every observation it records to that resource by provenance
 * ({@code "derived-from"}), as it links a {@link JobEvaluator}'s observations to their jobs.
 */
public interface TracedEvaluator extends Evaluator {

    /**
     * @param ticket a ticket this evaluator issued, whose observation is being recorded
     * @return the resource the observation derives from
     */
    ResourceRef source(EvaluationTicket ticket);
}
