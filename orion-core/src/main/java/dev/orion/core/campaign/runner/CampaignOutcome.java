package dev.orion.core.campaign.runner;

import dev.orion.campaign.Observation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a run of a campaign ended.
 *
 * @param campaignId   the stored campaign
 * @param reason       why it stopped
 * @param iterations   how many iterations are recorded
 * @param observations every observation, in the order the strategy saw them (iteration, then proposal)
 * @param best         the best observation that satisfies the goal (single objective), if any
 */
public record CampaignOutcome(String campaignId, StopReason reason, int iterations, List<Observation> observations,
                              Optional<Observation> best) {

    /** Validates and copies. */
    public CampaignOutcome {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(reason, "reason");
        observations = List.copyOf(observations);
        Objects.requireNonNull(best, "best");
    }

    /** @return how many evaluations were recorded (failures included) */
    public int evaluations() {
        return observations.size();
    }
}
