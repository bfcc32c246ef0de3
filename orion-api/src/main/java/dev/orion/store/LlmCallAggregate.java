package dev.orion.store;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Totals over a group of LLM calls (per model, profile, day, ...).
 *
 * @param key              the group key (model name, ISO day, ...)
 * @param calls            number of calls
 * @param failures         calls whose outcome was not SUCCESS
 * @param cacheHits        calls answered by ORION's cache
 * @param tokensIn         prompt tokens
 * @param tokensOut        completion tokens
 * @param tokensCached     prompt-cache reads
 * @param tokensCacheWrite prompt-cache writes
 * @param cost             cost in USD
 * @param meanLatency      mean latency
 * @param maxLatency       largest latency
 */
public record LlmCallAggregate(String key, long calls, long failures, long cacheHits, long tokensIn, long tokensOut,
                               long tokensCached, long tokensCacheWrite, BigDecimal cost, Duration meanLatency,
                               Duration maxLatency) {

    /** Validates. */
    public LlmCallAggregate {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(meanLatency, "meanLatency");
        Objects.requireNonNull(maxLatency, "maxLatency");
    }
}
