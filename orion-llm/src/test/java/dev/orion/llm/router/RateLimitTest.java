package dev.orion.llm.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.llm.CallContext;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.LlmConfigurationException;
import dev.orion.llm.RateLimitedException;
import dev.orion.llm.router.ratelimit.LocalRateLimiter;
import dev.orion.llm.router.ratelimit.RateLimitRule;
import dev.orion.store.LlmCallFilter;
import dev.orion.tenant.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    private static final CallContext ACME = CallContext.of(TenantId.of("acme"));

    private final AtomicLong nanos = new AtomicLong();
    private final LocalRateLimiter limiter = new LocalRateLimiter(nanos::get);

    @Test
    void tokenBucketsAllowABurstAndRefillContinuously() {
        for (int i = 0; i < 60; i++) {
            limiter.acquire(TenantId.of("acme"), "requests/tenant", 60, 1);
        }
        assertThatThrownBy(() -> limiter.acquire(TenantId.of("acme"), "requests/tenant", 60, 1))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofMillis(999), Duration.ofMillis(1001)));
                    assertThat(e.limit()).contains("acme").contains("60/min");
                });
        limiter.acquire(TenantId.of("globex"), "requests/tenant", 60, 1); // other tenants have their own buckets
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        limiter.acquire(TenantId.of("acme"), "requests/tenant", 60, 1);
        assertThatThrownBy(() -> limiter.acquire(TenantId.of("acme"), "requests/tenant", 60, 1)).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void theRouterLimitsTenantsKeysAndModels() {
        ScriptedModel a = new ScriptedModel("a");
        ScriptedModel b = new ScriptedModel("b");
        try (LlmRouter router = LlmRouter.builder()
                .model(new ModelRoute("a", "x", "a", a, 10_000)).model(new ModelRoute("b", "x", "b", b, 10_000))
                .profile(Profile.builder("p").models(List.of("a", "b"))
                        .rateLimit(new RateLimitRule(RateLimitRule.Scope.API_KEY, 3, 0))
                        .rateLimit(new RateLimitRule(RateLimitRule.Scope.MODEL, 1, 0)).build())
                .rateLimiter(limiter).build()) {
            ChatRequest req = ChatRequest.builder().profile("p").user("hi").build();
            CallContext key1 = ACME.newBuilder().apiKeyId("key-1").build();
            assertThat(router.chat(req, key1).modelsTried()).containsExactly("a");
            // model a has used its one request per minute: the call falls back to b
            assertThat(router.chat(req, key1).modelsTried()).containsExactly("a", "b");
            assertThat(a.calls).hasValue(1);
            // both models exhausted: the model limit surfaces as a typed error
            assertThatThrownBy(() -> router.chat(req, key1)).isInstanceOf(RateLimitedException.class);
            // the key has now used its 3 requests
            assertThatThrownBy(() -> router.chat(req, key1)).isInstanceOfSatisfying(RateLimitedException.class,
                    e -> assertThat(e.limit()).contains("key:key-1"));
            nanos.addAndGet(Duration.ofMinutes(1).toNanos());
            assertThat(router.chat(req, key1).text()).isEqualTo("from a");
        }
    }

    @Test
    void tokensPerMinuteCountTheEstimatedPromptAndOutput() {
        ScriptedModel a = new ScriptedModel("a");
        try (LlmRouter router = LlmRouter.builder().model(new ModelRoute("a", "x", "a", a, 100_000))
                .profile(Profile.builder("p").models(List.of("a")).rateLimit(new RateLimitRule(RateLimitRule.Scope.TENANT, 0, 1000)).build())
                .rateLimiter(limiter).build()) {
            ChatRequest req = ChatRequest.builder().profile("p").user("hi").maxTokens(400).build();
            router.chat(req, ACME);
            router.chat(req, ACME);
            assertThatThrownBy(() -> router.chat(req, ACME)).isInstanceOf(RateLimitedException.class);
            assertThat(a.calls).hasValue(2);
        }
    }

    @Test
    void aRequestLargerThanTheTokenBucketIsRefusedNotCappedToFit() {
        ScriptedModel a = new ScriptedModel("a");
        try (LlmRouter router = LlmRouter.builder().model(new ModelRoute("a", "x", "a", a, 2_000_000))
                .profile(Profile.builder("p").models(List.of("a")).rateLimit(new RateLimitRule(RateLimitRule.Scope.TENANT, 0, 1000)).build())
                .rateLimiter(limiter).build()) {
            ChatRequest huge = ChatRequest.builder().profile("p").user("hi").maxTokens(1_000_000).build();
            assertThatThrownBy(() -> router.chat(huge, ACME)).isInstanceOfSatisfying(LlmConfigurationException.class, e -> {
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).contains("tokens/tenant").contains("1000/min").contains("1000").contains("100");
            });
            assertThat(a.calls).hasValue(0);
            // the refused request took nothing from the bucket
            router.chat(ChatRequest.builder().profile("p").user("hi").maxTokens(900).build(), ACME);
            assertThat(a.calls).hasValue(1);
        }
    }

    @Test
    void aPerModelTokenLimitRefusesAnOversizedRequestToo() {
        ScriptedModel a = new ScriptedModel("a");
        try (LlmRouter router = LlmRouter.builder().model(new ModelRoute("a", "x", "a", a, 2_000_000))
                .profile(Profile.builder("p").models(List.of("a")).rateLimit(new RateLimitRule(RateLimitRule.Scope.MODEL, 0, 1000)).build())
                .rateLimiter(limiter).build()) {
            assertThatThrownBy(() -> router.chat(ChatRequest.builder().profile("p").user("hi").maxTokens(5000).build(), ACME))
                    .isInstanceOfSatisfying(LlmConfigurationException.class,
                            e -> assertThat(e.getMessage()).contains("tokens/model:a").contains("1000/min"));
            assertThat(a.calls).hasValue(0);
        }
    }

    @Test
    void withoutMaxTokensTheOutputIsCountedAtTheDefaultAllowance() {
        ScriptedModel a = new ScriptedModel("a");
        try (LlmRouter router = LlmRouter.builder().model(new ModelRoute("a", "x", "a", a, 100_000))
                .profile(Profile.builder("p").models(List.of("a")).rateLimit(new RateLimitRule(RateLimitRule.Scope.TENANT, 0, 6000)).build())
                .rateLimiter(limiter).build()) {
            ChatRequest req = ChatRequest.builder().profile("p").user("hi").build();
            router.chat(req, ACME);
            assertThatThrownBy(() -> router.chat(req, ACME)).as("4096 output tokens each: 2 calls exceed 6000")
                    .isInstanceOf(RateLimitedException.class);
            assertThat(a.calls).hasValue(1);
        }
    }

    @Test
    void longKeyIdsGetAHashedBucketThatStillTellsKeysApart() {
        CallContext.Builder b = ACME.newBuilder();
        assertThat(RateLimitLink.keyOwner(b.apiKeyId("k7QX2mP9").build())).isEqualTo("key:k7QX2mP9");
        String longest = "k".repeat(200);
        String owner = RateLimitLink.keyOwner(b.apiKeyId(longest).build());
        assertThat(owner).startsWith("key#").hasSize(4 + 64);
        assertThat(RateLimitLink.keyOwner(b.apiKeyId(longest).build())).isEqualTo(owner);
        assertThat(RateLimitLink.keyOwner(b.apiKeyId("k".repeat(199) + "j").build())).isNotEqualTo(owner);
    }

    @Test
    void eachTenantHasItsOwnBucketsAndCallLog() {
        ScriptedModel a = new ScriptedModel("a");
        CallContext globex = CallContext.of(TenantId.of("globex"));
        try (LlmRouter router = LlmRouter.builder().model(new ModelRoute("a", "x", "a", a, 10_000))
                .profile(Profile.builder("p").models(List.of("a")).rateLimit(new RateLimitRule(RateLimitRule.Scope.TENANT, 1, 0)).build())
                .rateLimiter(limiter).build()) {
            ChatRequest req = ChatRequest.builder().profile("p").user("hi").build();
            router.chat(req, ACME);
            assertThatThrownBy(() -> router.chat(req, ACME)).isInstanceOfSatisfying(RateLimitedException.class,
                    e -> assertThat(e.limit()).contains("tenant:acme"));
            assertThat(router.chat(req, globex).text()).as("acme's limit is not globex's").isEqualTo("from a");
            assertThat(router.flushCallLog(Duration.ofSeconds(10))).isTrue();
            assertThat(router.callLog().count(ACME.tenant(), LlmCallFilter.all())).isEqualTo(2);
            assertThat(router.callLog().count(globex.tenant(), LlmCallFilter.all())).isEqualTo(1);
        }
    }
}
