package dev.orion.llm.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.llm.router.analytics.CallAnalytics;
import dev.orion.llm.router.analytics.Metric;
import dev.orion.llm.router.analytics.WindowStats;
import dev.orion.store.LlmCall;
import dev.orion.store.LlmCallOutcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));
    private final CallAnalytics analytics = new CallAnalytics(clock, Duration.ofSeconds(10), 60);

    private void call(String model, long latencyMs, boolean ok, String cost) {
        analytics.record(LlmCall.builder().time(clock.instant()).profile("advisor").provider("p").model(model)
                .tokensIn(100).tokensOut(10).cost(new BigDecimal(cost)).latency(Duration.ofMillis(latencyMs))
                .outcome(ok ? LlmCallOutcome.SUCCESS : LlmCallOutcome.ERROR).fallbackPath(List.of(model)).build());
    }

    @Test
    void countsSuccessPercentilesTokensAndCostOverTheWindow() {
        for (int i = 1; i <= 100; i++) {
            call("fast", i, i % 10 != 0, "0.001");
        }
        WindowStats s = analytics.model("fast", Duration.ofMinutes(5));
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.successRate()).isEqualTo(0.9);
        assertThat(s.p50().toMillis()).isBetween(47L, 53L);
        assertThat(s.p95().toMillis()).isBetween(90L, 100L);
        assertThat(s.p99().toMillis()).isBetween(94L, 104L);
        assertThat(s.inputTokens()).isEqualTo(10_000);
        assertThat(s.costUsd()).isEqualByComparingTo("0.1");
        assertThat(analytics.profile("advisor", Duration.ofMinutes(5)).count()).isEqualTo(100);

        clock.advance(Duration.ofMinutes(3));
        call("fast", 1000, true, "0.001");
        assertThat(analytics.model("fast", Duration.ofMinutes(1)).count()).isEqualTo(1);
        assertThat(analytics.model("fast", Duration.ofMinutes(5)).count()).isEqualTo(101);
        clock.advance(Duration.ofMinutes(11));
        assertThat(analytics.model("fast", Duration.ofMinutes(10)).count()).isZero();
    }

    @Test
    void topPerformersByAnyMetric() {
        for (int i = 0; i < 20; i++) {
            call("fast", 20, true, "0.001");
            call("careful", 300, true, "0.010");
            call("flaky", 50, i % 2 == 0, "0.002");
        }
        Duration w = Duration.ofMinutes(5);
        assertThat(analytics.top(CallAnalytics.Dimension.MODEL, Metric.LATENCY_P50, w, 2)).extracting(WindowStats::key)
                .containsExactly("fast", "flaky");
        assertThat(analytics.top(CallAnalytics.Dimension.MODEL, Metric.SUCCESS_RATE, w, 3)).extracting(WindowStats::key)
                .containsExactly("careful", "fast", "flaky");
        assertThat(analytics.top(CallAnalytics.Dimension.MODEL, Metric.COST, w, 1)).extracting(WindowStats::key)
                .containsExactly("fast");
        assertThat(analytics.top(CallAnalytics.Dimension.PROFILE, Metric.COUNT, w, 5)).extracting(WindowStats::count)
                .containsExactly(60L);
    }
}
