package dev.orion.core.campaign.runner;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * When a campaign stops; the first criterion met wins. An exhausted space always stops it.
 *
 * <pre>{@code
 * StopCriteria.builder().maxEvaluations(60).target(-4.4).patience(5).maxWallTime(Duration.ofHours(2)).build()
 * }</pre>
 *
 * @param maxEvaluations the most evaluations (failures included), over the campaign's whole life
 * @param maxWallTime    the most wall time in one run of the runner (a resume starts a new count)
 * @param target         stop once the (single) objective reaches this value or better
 * @param patience       stop when the best value did not improve in this many iterations
 * @param maxCoreHours   stop once the evaluations' core-hours (as a {@link JobEvaluator} reports them) reach this
 * @param maxLlmCost     stop once the LLM spend recorded for the campaign reaches this many US dollars: the
 *                       cost of the tenant's LLM call records whose run id is the campaign's id (an agent
 *                       steering the campaign calls its model with {@code TenantChat.run(campaignId)})
 */
public record StopCriteria(int maxEvaluations, Optional<Duration> maxWallTime, OptionalDouble target,
                           OptionalInt patience, OptionalDouble maxCoreHours, Optional<BigDecimal> maxLlmCost) {

    /** Validates. */
    public StopCriteria {
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("maxEvaluations must be >= 1, got " + maxEvaluations);
        }
        Objects.requireNonNull(maxWallTime, "maxWallTime");
        maxWallTime.ifPresent(d -> {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("maxWallTime must be positive, got " + d);
            }
        });
        Objects.requireNonNull(target, "target");
        target.ifPresent(t -> {
            if (!Double.isFinite(t)) {
                throw new IllegalArgumentException("target must be finite, got " + t);
            }
        });
        Objects.requireNonNull(patience, "patience");
        patience.ifPresent(k -> {
            if (k < 1) {
                throw new IllegalArgumentException("patience must be >= 1 iterations, got " + k);
            }
        });
        Objects.requireNonNull(maxCoreHours, "maxCoreHours");
        maxCoreHours.ifPresent(h -> {
            if (!(h > 0) || !Double.isFinite(h)) {
                throw new IllegalArgumentException("maxCoreHours must be finite and > 0, got " + h);
            }
        });
        Objects.requireNonNull(maxLlmCost, "maxLlmCost");
        maxLlmCost.ifPresent(c -> {
            if (c.signum() <= 0) {
                throw new IllegalArgumentException("maxLlmCost must be > 0 dollars, got " + c);
            }
        });
    }

    /** @param n the evaluation budget  @return criteria that stop after {@code n} evaluations only */
    public static StopCriteria afterEvaluations(int n) {
        return builder().maxEvaluations(n).build();
    }

    /** @return a builder; {@link Builder#maxEvaluations} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the criteria. */
    public static final class Builder {
        private int maxEvaluations;
        private Optional<Duration> maxWallTime = Optional.empty();
        private OptionalDouble target = OptionalDouble.empty();
        private OptionalInt patience = OptionalInt.empty();
        private OptionalDouble maxCoreHours = OptionalDouble.empty();
        private Optional<BigDecimal> maxLlmCost = Optional.empty();

        private Builder() {
        }

        /** @param n the evaluation budget (&gt;= 1)  @return this builder (for chaining) */
        public Builder maxEvaluations(int n) {
            this.maxEvaluations = n;
            return this;
        }

        /** @param d the wall-time budget of one run  @return this builder (for chaining) */
        public Builder maxWallTime(Duration d) {
            this.maxWallTime = Optional.of(Objects.requireNonNull(d, "maxWallTime"));
            return this;
        }

        /** @param value the value that is good enough  @return this builder (for chaining) */
        public Builder target(double value) {
            this.target = OptionalDouble.of(value);
            return this;
        }

        /** @param iterations iterations without improvement before stopping  @return this builder (for chaining) */
        public Builder patience(int iterations) {
            this.patience = OptionalInt.of(iterations);
            return this;
        }

        /** @param hours the compute budget in core-hours  @return this builder (for chaining) */
        public Builder maxCoreHours(double hours) {
            this.maxCoreHours = OptionalDouble.of(hours);
            return this;
        }

        /**
         * @param dollars the LLM budget in US dollars of the model calls made for the campaign (run id = campaign id)
         * @return this builder (for chaining)
         */
        public Builder maxLlmCost(BigDecimal dollars) {
            this.maxLlmCost = Optional.of(Objects.requireNonNull(dollars, "maxLlmCost"));
            return this;
        }

        /**
         * @return the criteria
         * @throws IllegalArgumentException naming the first bad value (the evaluation budget is required)
         */
        public StopCriteria build() {
            return new StopCriteria(maxEvaluations, maxWallTime, target, patience, maxCoreHours, maxLlmCost);
        }
    }
}
