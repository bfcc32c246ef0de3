package dev.orion.llm.router.analytics;

import java.util.Comparator;

/** What "top performers" are ranked by; each metric knows which direction is better. */
public enum Metric {
    /** Most calls. */
    COUNT(Comparator.comparingLong(WindowStats::count).reversed()),
    /** Highest success rate. */
    SUCCESS_RATE(Comparator.comparingDouble(WindowStats::successRate).reversed()),
    /** Lowest median latency. */
    LATENCY_P50(Comparator.comparing(WindowStats::p50)),
    /** Lowest 95th-percentile latency. */
    LATENCY_P95(Comparator.comparing(WindowStats::p95)),
    /** Lowest 99th-percentile latency. */
    LATENCY_P99(Comparator.comparing(WindowStats::p99)),
    /** Most tokens. */
    TOKENS(Comparator.comparingLong(WindowStats::totalTokens).reversed()),
    /** Lowest total cost. */
    COST(Comparator.comparing(WindowStats::costUsd)),
    /** Lowest mean cost per call. */
    COST_PER_CALL(Comparator.comparing(WindowStats::meanCostUsd));

    private final Comparator<WindowStats> best;

    Metric(Comparator<WindowStats> best) {
        this.best = best;
    }

    /** Orders stats best first. */
    public Comparator<WindowStats> bestFirst() {
        return best;
    }
}
