package dev.orion.core.campaign.runner;

import dev.orion.campaign.DesignSpace;
import dev.orion.campaign.Evaluator;
import dev.orion.campaign.Goal;
import dev.orion.campaign.Strategy;
import java.time.Duration;
import java.util.List;

/** What a {@link CampaignRunner} was built with. */
record CampaignSettings(String name, DesignSpace space, Goal goal, Strategy strategy, Evaluator evaluator,
                        StopCriteria stop, int batchSize, long seed, Duration pollInterval,
                        List<CampaignListener> listeners, ProposalStep proposalStep) {

    CampaignSettings {
        listeners = List.copyOf(listeners);
    }
}
