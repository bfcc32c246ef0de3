package dev.orion.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the orchestrator did on one campaign, over all its runs.
 *
 * @param runs         runs started
 * @param succeeded    runs that finished their step
 * @param failed       runs whose step threw
 * @param abandoned    runs whose orchestrator lost its lease
 * @param iterations   iterations recorded by all steps
 * @param evaluations  evaluations recorded by all steps
 * @param cost         what all steps spent
 * @param improvements steps that improved the best value
 * @param lastRunAt    when the latest run started
 */
public record OrchestratorStats(long runs, long succeeded, long failed, long abandoned, long iterations, long evaluations,
                                BigDecimal cost, long improvements, Optional<Instant> lastRunAt) {

    /** Validates. */
    public OrchestratorStats {
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(lastRunAt, "lastRunAt");
    }
}
