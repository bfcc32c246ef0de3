package dev.orion.llm.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.BudgetExceededException;
import dev.orion.llm.CallContext;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.FinishReason;
import dev.orion.llm.Message;
import dev.orion.llm.StreamInterruptedException;
import dev.orion.llm.Usage;
import dev.orion.llm.router.budget.BudgetLimit;
import dev.orion.llm.router.budget.BudgetReservation;
import dev.orion.llm.router.budget.InMemoryBudgetLedger;
import dev.orion.llm.router.cost.ModelPrice;
import dev.orion.llm.router.cost.PriceTable;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallOutcome;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BudgetAndCostTest {

    private static final CallContext ACME = CallContext.of(TenantId.of("acme"));
    private static final ProjectId CATHODES = ProjectId.of("cathodes");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));

    @Test
    void bundledPricesPriceCachedAndCacheWriteTokensAtTheirOwnRates() {
        ModelPrice mini = PriceTable.bundled().find("gpt-4o-mini-2024-07-18").orElseThrow();
        // 1,000,000 prompt tokens of which 400,000 cached, 100,000 output: 0.6*0.15 + 0.4*0.075 + 0.1*0.60
        assertThat(mini.cost(new Usage(1_000_000, 100_000, 400_000, 0, 0))).isEqualByComparingTo("0.18");
        ModelPrice sonnet = PriceTable.bundled().find("claude-sonnet-4-20250514").orElseThrow();
        // Anthropic: 50 uncached + 1000 cache reads + 100 cache writes in, 20 out
        BigDecimal expected = new BigDecimal("3").multiply(new BigDecimal("50")).add(new BigDecimal("0.30").multiply(new BigDecimal("1000")))
                .add(new BigDecimal("3.75").multiply(new BigDecimal("100"))).add(new BigDecimal("15").multiply(new BigDecimal("20")))
                .divide(new BigDecimal("1000000"));
        assertThat(sonnet.cost(new Usage(1150, 20, 1000, 100, 0))).isEqualByComparingTo(expected);
        assertThat(PriceTable.bundled().find("claude-3-5-haiku-latest")).isPresent();
        assertThat(PriceTable.bundled().find("llama3.2")).isEmpty();
        PriceTable custom = PriceTable.bundled().withPrice("llama3.2", ModelPrice.FREE)
                .withPrice("gpt-4o-mini", ModelPrice.of("0.10", "0.40", "0.05", "0.10"));
        assertThat(custom.find("llama3.2")).contains(ModelPrice.FREE);
        assertThat(custom.find("gpt-4o-mini").orElseThrow().inputPerMillion()).isEqualByComparingTo("0.10");
    }

    @Test
    void theRouterPricesEachCallAndRecordsIt() {
        ScriptedModel model = new ScriptedModel("mini").always(ChatResponse.of("r", "gpt-4o-mini", Message.assistant("ok"),
                FinishReason.STOP, new Usage(2000, 500, 1000, 0, 0)));
        try (LlmRouter router = LlmRouter.builder().model(ModelRoute.of("openai", "gpt-4o-mini", model, 128_000))
                .profile(Profile.builder("p").models(List.of("gpt-4o-mini")).build()).clock(clock).build()) {
            ChatResponse r = router.chat(ChatRequest.builder().profile("p").user("hi").build(), ACME);
            BigDecimal expected = new BigDecimal("0.000525"); // (1000*0.15 + 1000*0.075 + 500*0.60) / 1e6
            assertThat(r.costUsd()).isEqualByComparingTo(expected);
            router.flushCallLog(Duration.ofSeconds(5));
            assertThat(router.callLog().query(ACME.tenant(), LlmCallFilter.all(), 0, 1).get(0).call().cost()).isEqualByComparingTo(expected);
        }
    }

    @Test
    void theCostCapRefusesBeforeAnyCall() {
        ScriptedModel model = new ScriptedModel("4o");
        try (LlmRouter router = LlmRouter.builder().model(ModelRoute.of("openai", "gpt-4o", model, 128_000))
                .profile(Profile.builder("p").models(List.of("gpt-4o")).maxCostPerRequest(new BigDecimal("0.01")).build())
                .clock(clock).build()) {
            // 2000 output tokens at $10/M alone cost $0.02
            assertThatThrownBy(() -> router.chat(ChatRequest.builder().profile("p").user("hi").maxTokens(2000).build(), ACME))
                    .isInstanceOfSatisfying(BudgetExceededException.class, e -> {
                        assertThat(e.budget()).isEqualTo("profile:p/max-cost-per-request");
                        assertThat(e.scope()).isEqualTo(BudgetExceededException.Scope.REQUEST);
                        assertThat(e.limit()).isEqualByComparingTo("0.01");
                        assertThat(e.requested()).isGreaterThan(new BigDecimal("0.02"));
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.resetsAt()).isEmpty();
                    });
            assertThat(model.calls).hasValue(0);
            assertThat(router.chat(ChatRequest.builder().profile("p").user("hi").maxTokens(500).build(), ACME).text()).isEqualTo("from 4o");
            router.flushCallLog(Duration.ofSeconds(5));
            assertThat(router.callLog().count(ACME.tenant(), LlmCallFilter.all().withOutcome(LlmCallOutcome.BUDGET_EXCEEDED))).isEqualTo(1);
        }
    }

    @Test
    void budgetsNameTheBudgetLimitSpendAndReset() {
        InMemoryBudgetLedger ledger = new InMemoryBudgetLedger(clock);
        List<BudgetLimit> limits = List.of(BudgetLimit.of(BudgetLimit.Scope.TENANT, BudgetLimit.Period.DAY, "1.00"),
                BudgetLimit.of(BudgetLimit.Scope.PROJECT, BudgetLimit.Period.MONTH, "0.50"));
        BudgetReservation a = ledger.reserve(ACME.tenant(), Optional.of(CATHODES), limits, new BigDecimal("0.40"));
        ledger.settle(a, new BigDecimal("0.30"));
        assertThatThrownBy(() -> ledger.reserve(ACME.tenant(), Optional.of(CATHODES), limits, new BigDecimal("0.25")))
                .isInstanceOfSatisfying(BudgetExceededException.class, e -> {
                    assertThat(e.budget()).isEqualTo("tenant:acme/project:cathodes/month");
                    assertThat(e.scope()).isEqualTo(BudgetExceededException.Scope.PROJECT);
                    assertThat(e.limit()).isEqualByComparingTo("0.50");
                    assertThat(e.spent()).isEqualByComparingTo("0.30");
                    assertThat(e.resetsAt()).contains(Instant.parse("2026-12-01T00:00:00Z"));
                    assertThat(e.retryable()).isTrue();
                });
        // without the project only the tenant budget applies
        BudgetReservation b = ledger.reserve(ACME.tenant(), Optional.empty(), limits, new BigDecimal("0.60"));
        assertThatThrownBy(() -> ledger.reserve(ACME.tenant(), Optional.empty(), limits, new BigDecimal("0.20")))
                .isInstanceOfSatisfying(BudgetExceededException.class, e -> {
                    assertThat(e.budget()).isEqualTo("tenant:acme/day");
                    assertThat(e.scope()).isEqualTo(BudgetExceededException.Scope.TENANT);
                    assertThat(e.resetsAt()).contains(Instant.parse("2026-11-22T00:00:00Z"));
                });
        ledger.release(b);
        ledger.reserve(ACME.tenant(), Optional.empty(), limits, new BigDecimal("0.20"));
        clock.advance(Duration.ofDays(1));
        assertThat(ledger.spent(ACME.tenant(), Optional.empty(), limits.get(0))).isEqualByComparingTo("0");
        assertThat(ledger.spent(ACME.tenant(), Optional.of(CATHODES), limits.get(1))).isEqualByComparingTo("0.30");
    }

    @Test
    void sixtyFourThreadsNeverOverspendOneBudget() throws Exception {
        ScriptedModel model = new ScriptedModel("4o").always(ChatResponse.of("r", "gpt-4o", Message.assistant("ok"),
                FinishReason.STOP, Usage.of(10, 100)));
        // worst case per call: ~15 prompt tokens * 2.5 + 100 output * 10 per M ~= $0.00104; actual $0.001025
        BigDecimal limit = new BigDecimal("0.05");
        try (LlmRouter router = LlmRouter.builder().model(ModelRoute.of("openai", "gpt-4o", model, 128_000))
                .profile(Profile.builder("p").models(List.of("gpt-4o"))
                        .budget(new BudgetLimit(BudgetLimit.Scope.TENANT, BudgetLimit.Period.TOTAL, limit)).build())
                .clock(clock).build()) {
            ExecutorService pool = Executors.newFixedThreadPool(64);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 640; i++) {
                results.add(pool.submit(() -> {
                    try {
                        router.chat(ChatRequest.builder().profile("p").user("hi").maxTokens(100).build(), ACME);
                        return true;
                    } catch (BudgetExceededException e) {
                        return false;
                    }
                }));
            }
            long ok = 0;
            for (Future<Boolean> f : results) {
                ok += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            pool.shutdown();
            router.flushCallLog(Duration.ofSeconds(5));
            BigDecimal spent = router.callLog().query(ACME.tenant(), LlmCallFilter.all(), 0, 1000).stream()
                    .map(r -> r.call().cost()).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(spent).isLessThanOrEqualTo(limit);
            assertThat(ok).isEqualTo(model.calls.get()).isGreaterThanOrEqualTo(40);
            assertThat(router.callLog().count(ACME.tenant(), LlmCallFilter.all())).isEqualTo(640);
        }
    }

    @Test
    void absurdUsageIsClampedToWhatTheRequestAllowed() {
        // a provider reporting completion_tokens 1e30 (read as Long.MAX_VALUE) and an input beyond the context window
        ScriptedModel model = new ScriptedModel("mini").always(ChatResponse.of("r", "gpt-4o-mini", Message.assistant("ok"),
                FinishReason.STOP, new Usage(Long.MAX_VALUE / 2, Long.MAX_VALUE / 2, 0, 0, 0)));
        InMemoryBudgetLedger ledger = new InMemoryBudgetLedger(clock);
        BudgetLimit day = BudgetLimit.of(BudgetLimit.Scope.TENANT, BudgetLimit.Period.DAY, "10");
        try (LlmRouter router = LlmRouter.builder().model(ModelRoute.of("openai", "gpt-4o-mini", model, 128_000))
                .profile(Profile.builder("p").models(List.of("gpt-4o-mini")).budget(day).build())
                .budgetLedger(ledger).clock(clock).build()) {
            ChatResponse r = router.chat(ChatRequest.builder().profile("p").user("hi").maxTokens(100).build(), ACME);
            assertThat(r.usage().outputTokens()).isEqualTo(100);
            assertThat(r.usage().inputTokens()).isEqualTo(128_000);
            // 128,000 in at $0.15/M + 100 out at $0.60/M
            assertThat(r.costUsd()).isEqualByComparingTo("0.01926");
            assertThat(ledger.spent(ACME.tenant(), Optional.empty(), day)).isEqualByComparingTo("0.01926");
            assertThat(router.flushCallLog(Duration.ofSeconds(5))).isTrue();
            assertThat(router.callLog().query(ACME.tenant(), LlmCallFilter.all(), 0, 1).get(0).call().tokensOut()).isEqualTo(100);
        }
    }

    @Test
    void aStreamCutAfterChunksIsChargedForWhatWasStreamed() {
        ScriptedModel model = new ScriptedModel("mini").always(new ScriptedModel.Partial("x".repeat(300)));
        InMemoryBudgetLedger ledger = new InMemoryBudgetLedger(clock);
        BudgetLimit day = BudgetLimit.of(BudgetLimit.Scope.TENANT, BudgetLimit.Period.DAY, "10");
        try (LlmRouter router = LlmRouter.builder().model(ModelRoute.of("openai", "gpt-4o-mini", model, 128_000))
                .profile(Profile.builder("p").models(List.of("gpt-4o-mini")).budget(day).build())
                .budgetLedger(ledger).clock(clock).build()) {
            assertThatThrownBy(() -> router.stream(ChatRequest.builder().profile("p").user("hi").maxTokens(1000).build(), ACME,
                    c -> { })).isInstanceOf(StreamInterruptedException.class);
            BigDecimal spent = ledger.spent(ACME.tenant(), Optional.empty(), day);
            assertThat(spent).as("the provider bills the streamed part").isPositive();
            assertThat(router.flushCallLog(Duration.ofSeconds(5))).isTrue();
            var call = router.callLog().query(ACME.tenant(), LlmCallFilter.all(), 0, 1).get(0).call();
            assertThat(call.outcome()).isEqualTo(LlmCallOutcome.ERROR);
            assertThat(call.tokensOut()).isEqualTo(100); // 300 bytes of text, about 3 bytes a token
            assertThat(call.cost()).isEqualByComparingTo(spent);
        }
    }
}
