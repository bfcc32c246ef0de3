package dev.orion.llm.router.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.core.Stores;
import dev.orion.llm.CallContext;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.ChatStreamListener;
import dev.orion.llm.FinishReason;
import dev.orion.llm.Message;
import dev.orion.llm.Usage;
import dev.orion.llm.router.CachePolicy;
import dev.orion.llm.router.LlmRouter;
import dev.orion.llm.router.ModelRoute;
import dev.orion.llm.router.Profile;
import dev.orion.llm.router.budget.BudgetLimit;
import dev.orion.store.BudgetKey;
import dev.orion.store.BudgetPeriod;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.OrionStores;
import dev.orion.store.TenantStores;
import dev.orion.tenant.Principal;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wiring docs/llm.md shows: {@code LlmRouter.builder().stores(Stores.embedded(dir))}, across a restart. */
class RouterOnEmbeddedStoreTest {

    private final AtomicInteger upstream = new AtomicInteger();

    private final ChatModel model = new ChatModel() {
        @Override
        public ChatResponse chat(ChatRequest request, CallContext context) {
            upstream.incrementAndGet();
            return ChatResponse.of("req-" + upstream.get(), "gpt-4o", Message.assistant("LiCoPO4"), FinishReason.STOP,
                    new Usage(40, 10, 0, 0, 0));
        }

        @Override
        public ChatResponse stream(ChatRequest request, CallContext context, ChatStreamListener listener) {
            return chat(request, context);
        }
    };

    private final Profile advisor = Profile.builder("advisor").models(List.of("gpt-4o"))
            .cache(CachePolicy.ttl(Duration.ofHours(6)))
            .budget(BudgetLimit.of(BudgetLimit.Scope.TENANT, BudgetLimit.Period.DAY, "2.00")).build();

    private final ChatRequest question = ChatRequest.builder().profile("advisor")
            .user("Which cathode next?").maxTokens(200).build();

    private final CallContext cathodes = CallContext.builder(TenantId.of("acme")).project(ProjectId.of("cathodes")).build();

    private LlmRouter router(OrionStores stores) {
        return LlmRouter.builder().model(ModelRoute.of("openai", "gpt-4o", model, 128_000)).profile(advisor)
                .stores(stores).build();
    }

    @Test
    void callsCacheAndBudgetSurviveARestart(@TempDir Path dir) {
        BigDecimal cost;
        try (OrionStores stores = Stores.embedded(dir); LlmRouter router = router(stores)) {
            cost = router.chat(question, cathodes).costUsd();
            assertThat(cost).isPositive();
        }
        try (OrionStores stores = Stores.embedded(dir); LlmRouter router = router(stores)) {
            ChatResponse again = router.chat(question, cathodes);
            assertThat(again.cacheHit()).as("answered from the file, not the provider").isTrue();
            assertThat(again.text()).isEqualTo("LiCoPO4");
            assertThat(upstream).hasValue(1);
            assertThat(router.flushCallLog(Duration.ofSeconds(10))).isTrue();
            TenantStores acme = stores.tenant(TenantId.of("acme"), Principal.system("test"));
            assertThat(acme.llmCalls().count(LlmCallFilter.all())).isEqualTo(2);
            assertThat(acme.llmCalls().count(LlmCallFilter.all().withCacheHit(true))).isEqualTo(1);
            assertThat(acme.budgets().spent(BudgetKey.tenant(BudgetPeriod.DAY)))
                    .isEqualByComparingTo(cost);
        }
    }
}
