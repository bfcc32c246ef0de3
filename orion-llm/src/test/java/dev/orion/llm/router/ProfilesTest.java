package dev.orion.llm.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.llm.CallContext;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.ChatStreamListener;
import dev.orion.llm.LlmConfigurationException;
import dev.orion.llm.router.budget.BudgetLimit;
import dev.orion.llm.router.ratelimit.RateLimitRule;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProfilesTest {

    private static final CallContext ACME = CallContext.of(TenantId.of("acme"));

    static final String YAML = """
            profiles:
              advisor:
                models: [fast, careful]
                temperature: 0.2
                maxTokens: 800
                cache: { ttl: 1h }
                retry: { maxRetries: 3, initialBackoff: 100ms, maxBackoff: 4s, maxRetryAfter: PT30S }
                cooldown: { failures: 4, duration: 45s }
                maxCostPerRequest: 0.05
                budgets:
                  - { scope: tenant, period: day, limitUsd: 20 }
                  - { scope: project, period: month, limitUsd: 100 }
                rateLimits:
                  - { scope: tenant, requestsPerMinute: 120, tokensPerMinute: 200000 }
                  - { scope: api-key, requestsPerMinute: 30 }
              reviewer:
                models: [careful]
            tenants:
              acme:
                profiles:
                  advisor: { models: [careful], temperature: 0.0 }
                projects:
                  cathodes:
                    profiles:
                      advisor: { maxCostPerRequest: 0.50 }
            """;

    @Test
    void readsEveryFieldAndMergesOverrides() {
        ProfileSet set = ProfileSet.fromYaml(YAML);
        Profile base = Optional.ofNullable(set.profiles().get("advisor")).orElseThrow();
        assertThat(base.models()).containsExactly("fast", "careful");
        assertThat(base.temperature()).contains(0.2);
        assertThat(base.maxTokens()).contains(800);
        assertThat(base.cache()).isEqualTo(CachePolicy.ttl(Duration.ofHours(1)));
        assertThat(base.retry()).isEqualTo(new LlmRetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(4), Duration.ofSeconds(30)));
        assertThat(base.cooldown()).isEqualTo(new CooldownPolicy(4, Duration.ofSeconds(45)));
        assertThat(base.maxCostPerRequest()).contains(new BigDecimal("0.05"));
        assertThat(base.budgets()).containsExactly(BudgetLimit.of(BudgetLimit.Scope.TENANT, BudgetLimit.Period.DAY, "20"),
                BudgetLimit.of(BudgetLimit.Scope.PROJECT, BudgetLimit.Period.MONTH, "100"));
        assertThat(base.rateLimits()).containsExactly(new RateLimitRule(RateLimitRule.Scope.TENANT, 120, 200_000),
                new RateLimitRule(RateLimitRule.Scope.API_KEY, 30, 0));

        Profile acme = set.resolve("advisor", TenantId.of("acme"), Optional.empty()).orElseThrow();
        assertThat(acme.models()).containsExactly("careful");
        assertThat(acme.temperature()).contains(0.0);
        assertThat(acme.maxTokens()).contains(800);
        Profile cathodes = set.resolve("advisor", TenantId.of("acme"), Optional.of(ProjectId.of("cathodes"))).orElseThrow();
        assertThat(cathodes.models()).containsExactly("careful");
        assertThat(cathodes.maxCostPerRequest()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.50"));
        assertThat(set.resolve("advisor", TenantId.of("acme"), Optional.of(ProjectId.of("anodes"))).orElseThrow().maxCostPerRequest()).contains(new BigDecimal("0.05"));
        assertThat(set.resolve("advisor", TenantId.of("globex"), Optional.empty()).orElseThrow().models()).containsExactly("fast", "careful");
        assertThat(set.resolve("reviewer", TenantId.of("acme"), Optional.of(ProjectId.of("cathodes"))).orElseThrow().models()).containsExactly("careful");
        assertThat(Optional.ofNullable(set.profiles().get("missing"))).isEmpty();
    }

    @Test
    void errorsNameTheFieldPath() {
        assertThatThrownBy(() -> ProfileSet.fromYaml("profiles:\n  a:\n    models: [x]\n    temprature: 1\n"))
                .isInstanceOf(LlmConfigurationException.class).hasMessageContaining("profiles.a.temprature");
        assertThatThrownBy(() -> ProfileSet.fromYaml("profiles:\n  a:\n    models: []\n"))
                .hasMessageContaining("profiles.a.models");
        assertThatThrownBy(() -> ProfileSet.fromYaml("profiles:\n  a:\n    models: [x]\n    cache: { ttl: soon }\n"))
                .hasMessageContaining("profiles.a.cache.ttl").hasMessageContaining("soon");
        assertThatThrownBy(() -> ProfileSet.fromYaml("profiles:\n  a:\n    models: [x]\n    budgets: [ { scope: galaxy, period: day, limitUsd: 1 } ]\n"))
                .hasMessageContaining("profiles.a");
        assertThatThrownBy(() -> ProfileSet.fromYaml("profiles: [\n")).hasMessageContaining("not valid YAML");
    }

    @Test
    void hotReloadIsAtomicAndLeavesCallsInFlightOnTheirProfile() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScriptedModel careful = new ScriptedModel("careful");
        ChatModel fast = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request, CallContext context) {
                entered.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ScriptedModel.answer("from fast");
            }

            @Override
            public ChatResponse stream(ChatRequest request, CallContext context, ChatStreamListener listener) {
                return chat(request, context);
            }
        };
        try (LlmRouter router = LlmRouter.builder()
                .model(new ModelRoute("fast", "x", "fast", fast, 10_000))
                .model(new ModelRoute("careful", "x", "careful", careful, 10_000))
                .profile(Profile.builder("advisor").models(List.of("fast")).build()).build()) {
            ChatRequest req = ChatRequest.builder().profile("advisor").user("hi").build();
            CompletableFuture<ChatResponse> inFlight = CompletableFuture.supplyAsync(() -> router.chat(req, ACME));
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            router.reloadProfiles(ProfileSet.fromYaml("profiles:\n  advisor:\n    models: [careful]\n"));
            assertThat(router.chat(req, ACME).text()).isEqualTo("from careful");
            release.countDown();
            assertThat(inFlight.get(5, TimeUnit.SECONDS).text()).isEqualTo("from fast");
            assertThat(inFlight.get().modelsTried()).containsExactly("fast");
        }
    }
}
