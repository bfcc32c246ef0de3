package dev.orion.store.internal;

import dev.orion.store.LlmCall;
import dev.orion.store.LlmCallAggregate;
import dev.orion.store.LlmCallGrouping;
import dev.orion.store.LlmCallOutcome;
import dev.orion.tenant.ProjectId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds LLM calls into per-group totals, streaming (one accumulator per group, not per call).
 * Latencies are summed in microseconds, the resolution the JDBC stores keep, so every store agrees.
 */
public final class LlmCallAggregator {

    private final LlmCallGrouping grouping;
    private final Map<String, long[]> counts = new TreeMap<>();
    private final Map<String, BigDecimal> costs = new TreeMap<>();

    /** @param grouping how to group */
    public LlmCallAggregator(LlmCallGrouping grouping) {
        this.grouping = grouping;
    }

    /** @param c a call @return its group key */
    public static String key(LlmCallGrouping grouping, LlmCall c) {
        switch (grouping) {
            case MODEL: return c.model();
            case PROFILE: return c.profile();
            case PROVIDER: return c.provider();
            case PROJECT: return c.project().map(ProjectId::value).orElse("");
            case OUTCOME: return c.outcome().name();
            case EXPERIMENT: return c.experiment().orElse("");
            default: return LocalDate.ofInstant(c.time(), ZoneOffset.UTC).toString();
        }
    }

    /** @param c a call to add */
    public void add(LlmCall c) {
        String k = key(grouping, c);
        long[] a = counts.computeIfAbsent(k, x -> new long[9]);
        long latency = c.latency().toNanos() / 1000; // microseconds, the stored resolution
        a[0]++;
        a[1] += c.outcome() == LlmCallOutcome.SUCCESS ? 0 : 1;
        a[2] += c.cacheHit() ? 1 : 0;
        a[3] += c.tokensIn();
        a[4] += c.tokensOut();
        a[5] += c.tokensCached();
        a[6] += c.tokensCacheWrite();
        a[7] += latency;
        a[8] = Math.max(a[8], latency);
        costs.merge(k, c.cost(), BigDecimal::add);
    }

    /** @return the totals ordered by key */
    public List<LlmCallAggregate> result() {
        List<LlmCallAggregate> out = new ArrayList<>();
        counts.forEach((k, a) -> out.add(new LlmCallAggregate(k, a[0], a[1], a[2], a[3], a[4], a[5], a[6],
                costs.get(k), Duration.ofNanos(a[7] / a[0] * 1000), Duration.ofNanos(a[8] * 1000))));
        return out;
    }
}
