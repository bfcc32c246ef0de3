package dev.orion.llm.router.log;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened in one routed call. Exactly one record is written per call, whether it succeeded,
 * was answered from the cache, or failed.
 *
 * @param id               a unique id (UUID), given when the call happens; a store-backed log keeps it
 *                         as the stored record's id ({@code LlmCallStore.append})
 * @param time             when the call started
 * @param tenant           the tenant billed
 * @param project          the project, if any
 * @param runId            the run, if any
 * @param profile          the profile used (after experiment assignment)
 * @param provider         the provider of the model that answered or failed last
 * @param model            the router model that answered or failed last
 * @param experiment       {@code experiment:variant} when an A/B experiment assigned the call
 * @param inputTokens      prompt tokens (all of them)
 * @param outputTokens     generated tokens
 * @param cachedTokens     prompt tokens read from the provider's cache
 * @param cacheWriteTokens prompt tokens written to the provider's cache
 * @param costUsd          dollars (zero for a cache hit)
 * @param latency          wall time including retries and fallbacks
 * @param outcome          how it ended
 * @param cacheHit         whether the router's cache answered
 * @param fallbackPath     the models tried, in order
 * @param requestId        the provider's request id, if any
 * @param error            the error message of a failed call
 */
public record CallRecord(String id, Instant time, String tenant, Optional<String> project, Optional<String> runId,
                         String profile, String provider, String model, Optional<String> experiment,
                         long inputTokens, long outputTokens, long cachedTokens, long cacheWriteTokens,
                         BigDecimal costUsd, Duration latency, CallOutcome outcome, boolean cacheHit,
                         List<String> fallbackPath, Optional<String> requestId, Optional<String> error) {

    /** Validates and freezes the record. */
    public CallRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(costUsd, "costUsd");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(outcome, "outcome");
        fallbackPath = List.copyOf(fallbackPath);
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(error, "error");
    }

    /** Whether the call returned an answer. */
    public boolean success() {
        return outcome == CallOutcome.SUCCESS;
    }
}
