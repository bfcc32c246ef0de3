package dev.orion.core.campaign.agent;

import java.util.List;
import java.util.Map;

/** The argument records of the campaign tools; their JSON schemas are generated from them. */
final class ToolArgs {

    private ToolArgs() {
    }

    /** No arguments. */
    record None() {
    }

    /** Which observations to list. */
    enum Order { BEST, RECENT }

    /** @param limit how many (1-100)  @param order best first or most recent first */
    record ObservationQuery(int limit, Order order) {
    }

    /**
     * A candidate as the model writes it.
     *
     * @param numbers continuous and integer parameters by name
     * @param texts   categorical parameters (a category) and composition parameters (a formula of fractions, e.g.
     *                {@code "Cu0.25Ni0.75"}) by name
     * @param poolId  the id of a pool entry when the space is a candidate pool, else empty
     */
    record CandidateInput(Map<String, Double> numbers, Map<String, String> texts, String poolId) {
    }

    /** @param candidates the candidates */
    record Candidates(List<CandidateInput> candidates) {
    }

    /** @param count how many proposals (1-20) */
    record Count(int count) {
    }

    /** @param candidateIds ids of the strategy's proposals, best first  @param rationale why */
    record Ranking(List<String> candidateIds, String rationale) {
    }

    /** @param candidateId an observed candidate */
    record CandidateRef(String candidateId) {
    }

    /** @param text the reasoning to record */
    record Rationale(String text) {
    }
}
