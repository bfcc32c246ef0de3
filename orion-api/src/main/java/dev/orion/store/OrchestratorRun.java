package dev.orion.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of the orchestrator on a campaign: one step taken under one lease.
 *
 * @param id               the id assigned by the store
 * @param campaignId       the campaign
 * @param owner            the orchestrator instance that ran it
 * @param fence            the fence of its lease
 * @param trigger          what started it ("manual", "schedule", "observations", ...)
 * @param status           where it stands
 * @param startedAt        when it started
 * @param finishedAt       when it finished, if it did
 * @param observationsSeen how many observations the campaign had when it started (the trigger's baseline)
 * @param signalsSeen      how many experiments had finished when it started (the trigger's baseline)
 * @param result           what the step did, once finished
 */
public record OrchestratorRun(String id, String campaignId, String owner, long fence, String trigger,
                              OrchestratorRunStatus status, Instant startedAt, Optional<Instant> finishedAt,
                              long observationsSeen, long signalsSeen, Optional<StepRecord> result) {

    /** Validates. */
    public OrchestratorRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(result, "result");
    }

    /**
     * What one step of a campaign did.
     *
     * @param iterations    iterations recorded by the step
     * @param evaluations   evaluations recorded by the step
     * @param cost          what it spent, in the tenant's budget currency (LLM calls; zero for a step without any)
     * @param improved      whether the best value of the campaign improved
     * @param bestCandidate the best candidate after the step, if any
     * @param error         why the step failed, if it did (at most 4,000 characters)
     */
    public record StepRecord(int iterations, int evaluations, BigDecimal cost, boolean improved,
                             Optional<String> bestCandidate, Optional<String> error) {

        /** Validates. */
        public StepRecord {
            if (iterations < 0 || evaluations < 0) {
                throw new IllegalArgumentException("iterations and evaluations must be >= 0, got " + iterations + " and "
                        + evaluations);
            }
            Objects.requireNonNull(cost, "cost");
            if (cost.signum() < 0) {
                throw new IllegalArgumentException("cost must be >= 0, got " + cost);
            }
            Objects.requireNonNull(bestCandidate, "bestCandidate");
            Objects.requireNonNull(error, "error");
            error.ifPresent(e -> StoreArguments.text("error", e, 4000));
        }
    }
}
