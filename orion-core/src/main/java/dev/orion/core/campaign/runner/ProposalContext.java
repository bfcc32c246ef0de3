package dev.orion.core.campaign.runner;

import dev.orion.campaign.ProposalRequest;
import dev.orion.campaign.Strategy;
import java.util.Objects;

/**
 * What a {@link ProposalStep} is told about the iteration it chooses for.
 *
 * @param campaignId the stored campaign
 * @param iteration  the iteration's index (0 for the first)
 * @param request    the strategy request of this iteration: space, goal, observations in proposal order, and
 *                   the batch size, already cut to the evaluations left in the budget
 * @param strategy   the campaign's strategy
 */
public record ProposalContext(String campaignId, int iteration, ProposalRequest request, Strategy strategy) {

    /** Validates. */
    public ProposalContext {
        Objects.requireNonNull(campaignId, "campaignId");
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration must be >= 0, got " + iteration);
        }
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(strategy, "strategy");
    }

    /** @return the run id of this iteration, {@code <campaignId>/<iteration>}, under which model calls are logged */
    public String runId() {
        return campaignId + "/" + iteration;
    }
}
