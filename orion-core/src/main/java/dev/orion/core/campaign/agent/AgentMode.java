package dev.orion.core.campaign.agent;

/** Who chooses a campaign's candidates when a {@link CampaignAgent} takes part. */
public enum AgentMode {
    /** The strategy proposes; the agent ranks its proposals and explains, and proposes nothing of its own. */
    ADVISOR,
    /** The agent proposes every candidate; the strategy is one of its tools. */
    DRIVER,
    /** The agent proposes a share of each batch ({@link CampaignAgent.Builder#agentShare}); the strategy the rest. */
    HYBRID
}
