package dev.orion.llm.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.llm.CallContext;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.TenantChat;
import dev.orion.llm.router.budget.BudgetLimit;
import dev.orion.store.BudgetKey;
import dev.orion.store.BudgetPeriod;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallRecord;
import dev.orion.store.OrionStores;
import dev.orion.tenant.Principal;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The router behind {@code orion.tenant(acme).llm()}: the view's tenant is billed, and no API names another. */
class TenantViewTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");

    @Test
    void aCallThroughATenantViewIsBilledToAndRecordedUnderThatTenantOnly() {
        ScriptedModel model = new ScriptedModel("gpt-4o-mini");
        OrionStores stores = Stores.inMemory();
        LlmRouter router = LlmRouter.builder().model(ModelRoute.of("openai", "gpt-4o-mini", model, 128_000))
                .profile(Profile.builder("advisor").models(List.of("gpt-4o-mini")).cache(CachePolicy.ttl(Duration.ofHours(1)))
                        .budget(BudgetLimit.of(BudgetLimit.Scope.TENANT, BudgetLimit.Period.DAY, "5.00")).build())
                .stores(stores).build();
        try (Orion orion = Orion.builder().store(stores).chatModel(router).build()) {
            OrionTenant acme = orion.tenant(ACME);
            ChatRequest question = ChatRequest.builder().profile("advisor").user("Which cathode next?").maxTokens(100).build();

            acme.llm().feature("campaign-advisor").project(ProjectId.of("cathodes")).chat(question);
            assertThat(orion.tenant(GLOBEX).llm().chat(question).cacheHit())
                    .as("globex's call is its own, not acme's cached answer").isFalse();
            assertThat(router.flushCallLog(Duration.ofSeconds(10))).isTrue();

            List<LlmCallRecord> acmeCalls = router.callLog().query(ACME, LlmCallFilter.all(), 0, 10);
            assertThat(acmeCalls).singleElement().satisfies(r -> {
                assertThat(r.call().feature()).contains("campaign-advisor");
                assertThat(r.call().project()).contains(ProjectId.of("cathodes"));
            });
            var acmeStores = stores.tenant(ACME, Principal.system("test"));
            var globexStores = stores.tenant(GLOBEX, Principal.system("test"));
            assertThat(acmeStores.llmCalls().find(acmeCalls.get(0).id())).contains(acmeCalls.get(0));
            assertThat(globexStores.llmCalls().find(acmeCalls.get(0).id())).isEmpty();
            assertThat(acmeStores.llmCalls().count(LlmCallFilter.all().withFeature("campaign-advisor"))).isEqualTo(1);
            assertThat(globexStores.llmCalls().count(LlmCallFilter.all().withFeature("campaign-advisor"))).isZero();
            assertThat(globexStores.llmCalls().count(LlmCallFilter.all())).isEqualTo(1);
            var acmeSpent = acmeStores.budgets().spent(BudgetKey.tenant(BudgetPeriod.DAY));
            var globexSpent = globexStores.budgets().spent(BudgetKey.tenant(BudgetPeriod.DAY));
            assertThat(acmeSpent).isPositive().isEqualByComparingTo(acmeCalls.get(0).call().cost());
            assertThat(globexSpent).as("each tenant paid for its own call").isEqualByComparingTo(acmeSpent);
            assertThat(model.calls).hasValue(2);
        }
    }

    /** What a holder of a tenant view can call: nothing takes a tenant, a context, or hands out the unbound model. */
    @Test
    void noMethodOfTheTenantViewsNamesATenantOrHandsOutTheUnboundModel() {
        for (Class<?> view : List.of(TenantChat.class, OrionTenant.class, CallContext.Builder.class)) {
            for (Method m : view.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                assertThat(Arrays.asList(m.getParameterTypes())).as("%s.%s", view.getSimpleName(), m.getName())
                        .doesNotContain(TenantId.class, CallContext.class, ChatModel.class);
                assertThat(m.getReturnType()).as("%s.%s", view.getSimpleName(), m.getName()).isNotEqualTo(ChatModel.class);
            }
        }
        for (Method m : Orion.class.getMethods()) {
            assertThat(m.getReturnType()).as("Orion.%s", m.getName()).isNotEqualTo(ChatModel.class);
        }
    }
}
