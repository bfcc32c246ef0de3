package dev.orion.core.campaign.runner;

import dev.orion.campaign.Observation;
import dev.orion.campaign.Proposal;
import dev.orion.store.CampaignRecord;
import java.util.List;
import java.util.Optional;

/**
 * Hears every step of a campaign run, on the runner's thread, after the step is stored. Every method does
 * nothing by default; an exception a listener throws is logged and does not stop the campaign.
 */
public interface CampaignListener {

    /** @param campaign the stored campaign  @param resumed whether it continues an earlier run */
    default void started(CampaignRecord campaign, boolean resumed) {
    }

    /** @param iteration the iteration  @param proposals what the strategy proposed, as stored */
    default void proposed(int iteration, List<Proposal> proposals) {
    }

    /**
     * @param iteration   the iteration that proposed the candidate
     * @param observation what the evaluation gave (a failure included)
     * @param jobId       the job that produced it, if a job did
     * @param best        the best observation so far, if any satisfies the goal
     */
    default void observed(int iteration, Observation observation, Optional<String> jobId, Optional<Observation> best) {
    }

    /** @param outcome how the run ended */
    default void stopped(CampaignOutcome outcome) {
    }
}
