package dev.orion.core.campaign.agent;

import dev.orion.core.campaign.runner.ProposalContext;
import java.util.Optional;

/** The words a campaign agent's model is given: what it is for (system) and what to do now (task). */
final class AgentPrompt {

    private AgentPrompt() {
    }

    static String system(AgentMode mode, Optional<String> instructions) {
        String role = switch (mode) {
            case ADVISOR -> "The optimisation strategy proposes; you rank its proposals with rank_proposals and explain why.";
            case DRIVER -> "You choose every candidate of the batch and submit them with submit_candidates; the strategy is a"
                    + " tool you may consult.";
            case HYBRID -> "You choose some candidates of the batch with submit_candidates (the number is agentSlots in"
                    + " describe_campaign); the strategy fills the rest, and you may rank its proposals with rank_proposals.";
        };
        return "You steer a computational materials design campaign of ORION. " + role
                + " Use only the tools' data: never invent a measured value. When you state an outcome, write its name"
                + " followed by the number (for example mixing_energy = -0.0523) and name the candidate by its id;"
                + " these numbers are checked against the stored observations and corrected if they differ. Candidates"
                + " you submit are checked before anything runs; read the reasons of any refusal and submit a better one."
                + " Finish with a short rationale for this iteration."
                + instructions.map(i -> "\n\n" + i).orElse("");
    }

    static String task(ProposalContext ctx, AgentMode mode, int slots) {
        return "Iteration " + ctx.iteration() + " of campaign " + ctx.campaignId() + ": " + ctx.request().observations().size()
                + " observations so far; this batch has " + ctx.request().batchSize() + " candidates"
                + (mode == AgentMode.ADVISOR ? "." : ", of which you choose " + slots + ".")
                + " Start with describe_campaign and list_observations.";
    }
}
