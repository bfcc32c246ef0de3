package dev.orion.core.campaign.runner;

import dev.orion.campaign.Observation;
import dev.orion.campaign.Proposal;
import dev.orion.store.CampaignRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a campaign run as a value, for consumers that read a stream ({@link CampaignEvents}) rather than
 * implement {@link CampaignListener}; each kind carries what the matching listener method is given.
 */
public sealed interface CampaignEvent {

    /**
     * The run started.
     *
     * @param campaign the stored campaign
     * @param resumed  whether it continues an earlier run
     */
    record Started(CampaignRecord campaign, boolean resumed) implements CampaignEvent {
        /** Validates. */
        public Started {
            Objects.requireNonNull(campaign, "campaign");
        }
    }

    /**
     * The strategy proposed a batch, now stored.
     *
     * @param iteration the iteration
     * @param proposals what the strategy proposed
     */
    record Proposed(int iteration, List<Proposal> proposals) implements CampaignEvent {
        /** Validates and copies. */
        public Proposed {
            proposals = List.copyOf(proposals);
        }
    }

    /**
     * An evaluation ended, its observation stored.
     *
     * @param iteration   the iteration that proposed the candidate
     * @param observation what the evaluation gave (a failure included)
     * @param jobId       the job that produced it, if a job did
     * @param best        the best observation so far, if any satisfies the goal
     */
    record Observed(int iteration, Observation observation, Optional<String> jobId, Optional<Observation> best)
            implements CampaignEvent {
        /** Validates. */
        public Observed {
            Objects.requireNonNull(observation, "observation");
            Objects.requireNonNull(jobId, "jobId");
            Objects.requireNonNull(best, "best");
        }
    }

    /**
     * The run stopped; no event follows.
     *
     * @param outcome how it ended
     */
    record Stopped(CampaignOutcome outcome) implements CampaignEvent {
        /** Validates. */
        public Stopped {
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
