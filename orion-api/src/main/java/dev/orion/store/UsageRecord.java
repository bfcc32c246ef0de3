package dev.orion.store;

import dev.orion.tenant.ProjectId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One unit of metered usage for billing: LLM tokens and cost, or compute core-seconds.
 *
 * @param kind        what is measured
 * @param project     the project, if any
 * @param runId       the run, if any
 * @param feature     the feature that used it (e.g. {@code "relaxation"}, {@code "campaign-advisor"})
 * @param tokensIn    LLM prompt tokens (0 for compute)
 * @param tokensOut   LLM completion tokens (0 for compute)
 * @param cost        cost in USD
 * @param coreSeconds compute core-seconds (0 for LLM)
 * @param time        when it was used
 */
public record UsageRecord(UsageKind kind, Optional<ProjectId> project, Optional<String> runId, String feature,
                          long tokensIn, long tokensOut, BigDecimal cost, double coreSeconds, Instant time) {

    /** Validates. */
    public UsageRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(runId, "runId");
        StoreArguments.text("feature", feature, 200);
        if (tokensIn < 0 || tokensOut < 0) {
            throw new IllegalArgumentException("tokens must be >= 0, got in=" + tokensIn + " out=" + tokensOut);
        }
        Objects.requireNonNull(cost, "cost");
        if (cost.signum() < 0) {
            throw new IllegalArgumentException("cost must be >= 0, got " + cost);
        }
        if (!(coreSeconds >= 0) || Double.isInfinite(coreSeconds)) {
            throw new IllegalArgumentException("coreSeconds must be finite and >= 0, got " + coreSeconds);
        }
        Objects.requireNonNull(time, "time");
    }

    /**
     * @param project   project, if any
     * @param feature   feature
     * @param tokensIn  prompt tokens
     * @param tokensOut completion tokens
     * @param cost      USD
     * @param time      when
     * @return an LLM usage record
     */
    public static UsageRecord llm(Optional<ProjectId> project, String feature, long tokensIn, long tokensOut,
                                  BigDecimal cost, Instant time) {
        return new UsageRecord(UsageKind.LLM, project, Optional.empty(), feature, tokensIn, tokensOut, cost, 0, time);
    }

    /**
     * @param project     project, if any
     * @param feature     feature
     * @param coreSeconds core-seconds
     * @param cost        USD
     * @param time        when
     * @return a compute usage record
     */
    public static UsageRecord compute(Optional<ProjectId> project, String feature, double coreSeconds,
                                      BigDecimal cost, Instant time) {
        return new UsageRecord(UsageKind.COMPUTE, project, Optional.empty(), feature, 0, 0, cost, coreSeconds, time);
    }

    /** @param run run id  @return a copy attributed to {@code run} */
    public UsageRecord withRunId(String run) {
        return new UsageRecord(kind, project, Optional.of(run), feature, tokensIn, tokensOut, cost, coreSeconds, time);
    }
}
