package dev.orion.core.campaign.runner;

import dev.orion.campaign.Proposal;
import java.util.List;

/**
 * Chooses the proposals of one iteration of a {@link CampaignRunner}. The default asks the campaign's strategy;
 * a campaign agent ({@code dev.orion.core.campaign.agent.CampaignAgent}) asks a model that may call the
 * strategy as a tool. The runner records what this returns before evaluating any of it, as it does for a
 * strategy, so a campaign resumed after a crash evaluates the recorded proposals and does not ask again.
 */
@FunctionalInterface
public interface ProposalStep {

    /** The step every runner uses unless given another: the strategy's proposals. */
    ProposalStep STRATEGY = context -> context.strategy().propose(context.request());

    /**
     * @param context the campaign, the iteration and what the strategy would be asked
     * @return at most {@code context.request().batchSize()} proposals, each in the design space; none ends the
     *         campaign as {@link StopReason#EXHAUSTED}
     */
    List<Proposal> propose(ProposalContext context);
}
