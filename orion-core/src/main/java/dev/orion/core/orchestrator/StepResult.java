package dev.orion.core.orchestrator;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@link CampaignStep} did; the orchestrator stores it with the run and works out whether the
 * campaign improved by comparing {@code bestCandidate} with the previous run's.
 *
 * @param iterations    iterations the step recorded
 * @param evaluations   evaluations the step recorded
 * @param cost          what the step spent in the tenant's budget currency (LLM calls; zero if it made none)
 * @param bestCandidate the campaign's best candidate after the step, if it has one
 */
public record StepResult(int iterations, int evaluations, BigDecimal cost, Optional<String> bestCandidate) {

    /** Validates. */
    public StepResult {
        if (iterations < 0 || evaluations < 0) {
            throw new IllegalArgumentException("iterations and evaluations must be >= 0, got " + iterations + " and " + evaluations);
        }
        Objects.requireNonNull(cost, "cost");
        if (cost.signum() < 0) {
            throw new IllegalArgumentException("cost must be >= 0, got " + cost);
        }
        Objects.requireNonNull(bestCandidate, "bestCandidate");
    }
}
