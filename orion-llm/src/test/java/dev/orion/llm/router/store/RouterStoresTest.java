package dev.orion.llm.router.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.llm.BudgetExceededException;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.ChatStreamListener;
import dev.orion.llm.FinishReason;
import dev.orion.llm.Message;
import dev.orion.llm.RateLimitedException;
import dev.orion.llm.ToolCall;
import dev.orion.llm.Usage;
import dev.orion.llm.router.CachePolicy;
import dev.orion.llm.router.LlmRouter;
import dev.orion.llm.router.ModelRoute;
import dev.orion.llm.router.Profile;
import dev.orion.llm.router.budget.BudgetLimit;
import dev.orion.llm.router.log.CallLogFilter;
import dev.orion.llm.router.log.CallOutcome;
import dev.orion.llm.router.log.CallRecord;
import dev.orion.llm.router.ratelimit.RateLimitRule;
import dev.orion.store.LlmCall;
import dev.orion.tenant.Principal;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two router instances sharing one store behave as one: call log, cache, budgets and rate limits. */
class RouterStoresTest {

    private final FakeStores fake = new FakeStores();
    private final RouterStores state = RouterStores.of(fake.orionStores(), new Principal(Principal.Kind.SYSTEM, "llm-router"));
    private final AtomicInteger upstream = new AtomicInteger();

    private final ChatModel model = new ChatModel() {
        @Override
        public ChatResponse chat(ChatRequest request) {
            upstream.incrementAndGet();
            return ChatResponse.of("req-1", "gpt-4o", Message.assistant("done", List.of(new ToolCall("c1", "relax", "{\"a\":1}"))),
                    FinishReason.TOOL_CALLS, new Usage(1000, 100, 200, 0, 10));
        }

        @Override
        public ChatResponse stream(ChatRequest request, ChatStreamListener listener) {
            return chat(request);
        }
    };

    private LlmRouter instance(Profile profile) {
        return LlmRouter.builder().model(ModelRoute.of("openai", "gpt-4o", model, 128_000)).profile(profile)
                .callLog(state.callLog()).cacheStore(state.cacheStore()).budgetLedger(state.budgetLedger())
                .rateLimiter(state.rateLimiter()).build();
    }

    @Test
    void callsAreRecordedInTheTenantsStoreAndReadBack() {
        try (LlmRouter router = instance(Profile.builder("p").models(List.of("gpt-4o")).build())) {
            router.chat(ChatRequest.builder().profile("p").tenantId("acme").projectId("cathodes").runId("run-7").user("hi").build());
            router.chat(ChatRequest.builder().profile("p").tenantId("globex").user("hi").build());
            assertThat(router.flushCallLog(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(fake.tenants.get("acme").calls.records).hasSize(1);
        assertThat(fake.tenants.get("globex").calls.records).hasSize(1);
        LlmCall stored = fake.tenants.get("acme").calls.records.get(0).call();
        assertThat(stored.project().orElseThrow().value()).isEqualTo("cathodes");
        assertThat(stored.tokensCached()).isEqualTo(200);
        assertThat(stored.cost()).isPositive();
        List<CallRecord> read = state.callLog().query(CallLogFilter.all().tenant("acme").runId("run-7"), 0, 10);
        assertThat(read).singleElement().satisfies(r -> {
            assertThat(r.tenant()).isEqualTo("acme");
            assertThat(r.outcome()).isEqualTo(CallOutcome.SUCCESS);
            assertThat(r.requestId()).contains("req-1");
        });
        assertThatThrownBy(() -> state.callLog().count(CallLogFilter.all())).hasMessageContaining("tenant");
    }

    @Test
    void aSecondInstanceIsAnsweredFromTheSharedCache() {
        Profile cached = Profile.builder("p").models(List.of("gpt-4o")).cache(CachePolicy.ttl(Duration.ofMinutes(5))).build();
        ChatRequest req = ChatRequest.builder().profile("p").tenantId("acme").user("Band gap of GaN?").build();
        try (LlmRouter a = instance(cached); LlmRouter b = instance(cached)) {
            ChatResponse first = a.chat(req);
            ChatResponse second = b.chat(req);
            assertThat(upstream).hasValue(1);
            assertThat(second.cacheHit()).isTrue();
            assertThat(second.toolCalls()).isEqualTo(first.toolCalls());
            assertThat(second.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
            assertThat(b.invalidateCache("acme", "p")).isEqualTo(1);
            assertThat(a.chat(req.newBuilder().build()).cacheHit()).isTrue(); // a's memory still holds it
            assertThat(b.chat(req).cacheHit()).isFalse();
        }
    }

    @Test
    void budgetsHoldAcrossInstancesAndLimitsAreWrittenOnce() {
        // each call costs 1000*... at gpt-4o prices; the estimate for 100 max tokens is about $0.0013
        Profile budgeted = Profile.builder("p").models(List.of("gpt-4o"))
                .budget(BudgetLimit.of(BudgetLimit.Scope.PROJECT, BudgetLimit.Period.DAY, "0.01")).build();
        ChatRequest req = ChatRequest.builder().profile("p").tenantId("acme").projectId("cathodes").user("hi").maxTokens(100).build();
        int ok = 0;
        try (LlmRouter a = instance(budgeted); LlmRouter b = instance(budgeted)) {
            for (int i = 0; i < 20; i++) {
                try {
                    (i % 2 == 0 ? a : b).chat(req);
                    ok++;
                } catch (BudgetExceededException e) {
                    assertThat(e.budget()).contains("project:cathodes").contains("day");
                    assertThat(e.resetsAt()).isPresent();
                }
            }
        }
        BigDecimal spent = fake.tenants.get("acme").budgets.spent.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(spent).isLessThanOrEqualTo(new BigDecimal("0.01")).isPositive();
        assertThat(ok).isBetween(1, 19);
        assertThat(fake.setLimitCalls).hasSize(1);
    }

    @Test
    void rateLimitsAreSharedThroughTheStore() {
        Profile limited = Profile.builder("p").models(List.of("gpt-4o"))
                .rateLimit(new RateLimitRule(RateLimitRule.Scope.TENANT, 3, 0)).build();
        ChatRequest req = ChatRequest.builder().profile("p").tenantId("acme").user("hi").build();
        try (LlmRouter a = instance(limited); LlmRouter b = instance(limited)) {
            a.chat(req);
            b.chat(req);
            a.chat(req);
            assertThatThrownBy(() -> b.chat(req)).isInstanceOf(RateLimitedException.class);
        }
    }
}
