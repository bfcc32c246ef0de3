package dev.orion.store;

import dev.orion.tenant.ProjectId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened in one LLM call, as the router records it. Build with {@link #builder()}.
 *
 * @param project          the project the call was made for, if any
 * @param runId            the run (campaign run, workflow run, agent session), if any
 * @param feature          the feature that made the call (e.g. {@code "campaign-advisor"}), if any
 * @param profile          the router profile used
 * @param provider         the provider that answered (or failed last), e.g. {@code "openai"}
 * @param model            the model that answered (or failed last)
 * @param experiment       the A/B experiment arm, if any (e.g. {@code "prompt-v2:B"})
 * @param tokensIn         prompt tokens billed
 * @param tokensOut        completion tokens billed
 * @param tokensCached     prompt tokens read from the provider's prompt cache
 * @param tokensCacheWrite prompt tokens written to the provider's prompt cache
 * @param cost             cost in USD (zero for a cache hit)
 * @param latency          wall time of the call including retries and fallbacks
 * @param outcome          how it ended
 * @param cacheHit         whether ORION's response cache answered
 * @param fallbackPath     the models tried, in order (the last one answered or failed last)
 * @param requestId        the provider's request id, if any
 * @param error            the error message for a failed call (never containing secrets)
 * @param time             when the call started
 */
public record LlmCall(Optional<ProjectId> project, Optional<String> runId, Optional<String> feature,
                      String profile, String provider, String model, Optional<String> experiment,
                      long tokensIn, long tokensOut, long tokensCached, long tokensCacheWrite,
                      BigDecimal cost, Duration latency, LlmCallOutcome outcome, boolean cacheHit,
                      List<String> fallbackPath, Optional<String> requestId, Optional<String> error,
                      Instant time) {

    /** Validates and copies. */
    public LlmCall {
        Objects.requireNonNull(project, "project");
        optionalText("runId", runId);
        optionalText("feature", feature);
        StoreArguments.text("profile", profile, 200);
        StoreArguments.text("provider", provider, 100);
        StoreArguments.text("model", model, 200);
        optionalText("experiment", experiment);
        nonNegative("tokensIn", tokensIn);
        nonNegative("tokensOut", tokensOut);
        nonNegative("tokensCached", tokensCached);
        nonNegative("tokensCacheWrite", tokensCacheWrite);
        Objects.requireNonNull(cost, "cost");
        if (cost.signum() < 0) {
            throw new IllegalArgumentException("cost must be >= 0, got " + cost);
        }
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must be >= 0, got " + latency);
        }
        Objects.requireNonNull(outcome, "outcome");
        fallbackPath = List.copyOf(fallbackPath);
        optionalText("requestId", requestId);
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(time, "time");
    }

    /** @return whether the call returned an answer */
    public boolean success() {
        return outcome == LlmCallOutcome.SUCCESS;
    }

    /**
     * The optional text columns are {@link LlmCallLabel labels}: refuse a bad one here, not as a failed batch
     * insert, by the same rule that {@code CallContext} applies to the labels it passes on.
     */
    private static void optionalText(String name, Optional<String> value) {
        Objects.requireNonNull(value, name);
        value.ifPresent(v -> LlmCallLabel.check(name, v));
    }

    private static void nonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
    }

    /** @return a builder; profile, provider, model and time are required */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link LlmCall}; defaults are zero tokens and cost, SUCCESS, no cache hit. */
    public static final class Builder {
        private Optional<ProjectId> project = Optional.empty();
        private Optional<String> runId = Optional.empty();
        private Optional<String> feature = Optional.empty();
        private String profile;
        private String provider;
        private String model;
        private Optional<String> experiment = Optional.empty();
        private long tokensIn;
        private long tokensOut;
        private long tokensCached;
        private long tokensCacheWrite;
        private BigDecimal cost = BigDecimal.ZERO;
        private Duration latency = Duration.ZERO;
        private LlmCallOutcome outcome = LlmCallOutcome.SUCCESS;
        private boolean cacheHit;
        private List<String> fallbackPath = List.of();
        private Optional<String> requestId = Optional.empty();
        private Optional<String> error = Optional.empty();
        private Instant time;

        private Builder() {
        }

        /** @param v project @return this */
        public Builder project(ProjectId v) { project = Optional.of(v); return this; }
        /** @param v run id @return this */
        public Builder runId(String v) { runId = Optional.of(v); return this; }
        /** @param v feature @return this */
        public Builder feature(String v) { feature = Optional.of(v); return this; }
        /** @param v profile @return this */
        public Builder profile(String v) { profile = v; return this; }
        /** @param v provider @return this */
        public Builder provider(String v) { provider = v; return this; }
        /** @param v model @return this */
        public Builder model(String v) { model = v; return this; }
        /** @param v experiment arm @return this */
        public Builder experiment(String v) { experiment = Optional.of(v); return this; }
        /** @param v prompt tokens @return this */
        public Builder tokensIn(long v) { tokensIn = v; return this; }
        /** @param v completion tokens @return this */
        public Builder tokensOut(long v) { tokensOut = v; return this; }
        /** @param v cached prompt tokens @return this */
        public Builder tokensCached(long v) { tokensCached = v; return this; }
        /** @param v cache-write prompt tokens @return this */
        public Builder tokensCacheWrite(long v) { tokensCacheWrite = v; return this; }
        /** @param v cost in USD @return this */
        public Builder cost(BigDecimal v) { cost = v; return this; }
        /** @param v latency @return this */
        public Builder latency(Duration v) { latency = v; return this; }
        /** @param v outcome @return this */
        public Builder outcome(LlmCallOutcome v) { outcome = v; return this; }
        /** @param v cache hit @return this */
        public Builder cacheHit(boolean v) { cacheHit = v; return this; }
        /** @param v models tried @return this */
        public Builder fallbackPath(List<String> v) { fallbackPath = v; return this; }
        /** @param v provider request id @return this */
        public Builder requestId(String v) { requestId = Optional.of(v); return this; }
        /** @param v error message @return this */
        public Builder error(String v) { error = Optional.of(v); return this; }
        /** @param v start time @return this */
        public Builder time(Instant v) { time = v; return this; }

        /** @return the call record */
        public LlmCall build() {
            return new LlmCall(project, runId, feature, profile, provider, model, experiment, tokensIn, tokensOut,
                    tokensCached, tokensCacheWrite, cost, latency, outcome, cacheHit, fallbackPath, requestId,
                    error, time);
        }
    }
}
