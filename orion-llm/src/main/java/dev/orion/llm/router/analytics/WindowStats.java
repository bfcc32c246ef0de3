package dev.orion.llm.router.analytics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Objects;

/**
 * Figures of one model or profile over a recent window.
 *
 * @param key          the model or profile name
 * @param window       the window length
 * @param count        calls
 * @param successes    calls that returned an answer
 * @param p50          median latency (zero without calls)
 * @param p95          95th-percentile latency
 * @param p99          99th-percentile latency
 * @param inputTokens  prompt tokens
 * @param outputTokens generated tokens
 * @param costUsd      total cost
 */
public record WindowStats(String key, Duration window, long count, long successes, Duration p50, Duration p95,
                          Duration p99, long inputTokens, long outputTokens, BigDecimal costUsd) {

    /** Validates the figures. */
    public WindowStats {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(p50, "p50");
        Objects.requireNonNull(p95, "p95");
        Objects.requireNonNull(p99, "p99");
        Objects.requireNonNull(costUsd, "costUsd");
    }

    /** Successes over calls (0 without calls). */
    public double successRate() {
        return count == 0 ? 0 : (double) successes / count;
    }

    /** Input plus output tokens. */
    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    /** Cost per call (0 without calls). */
    public BigDecimal meanCostUsd() {
        return count == 0 ? BigDecimal.ZERO : costUsd.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64);
    }
}
