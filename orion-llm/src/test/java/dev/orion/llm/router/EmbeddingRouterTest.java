package dev.orion.llm.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.BudgetExceededException;
import dev.orion.llm.CallContext;
import dev.orion.llm.EmbeddingRequest;
import dev.orion.llm.EmbeddingResponse;
import dev.orion.llm.TenantEmbeddings;
import dev.orion.llm.provider.ProviderSettings;
import dev.orion.llm.provider.Providers;
import dev.orion.store.LlmCall;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallOutcome;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Embeddings through the real router and real providers over loopback HTTP, in the wire formats of OpenAI's
 * {@code POST /v1/embeddings} and Ollama's {@code POST /api/embed}: cost in the call log, cache hits that cost
 * nothing, fallback on a 503, budget refusal before any request.
 */
class EmbeddingRouterTest {

    private static final CallContext ACME = CallContext.of(TenantId.of("acme"));

    private static final String OPENAI_ANSWER = """
            {"object":"list","data":[
              {"object":"embedding","index":1,"embedding":[0.5,-0.25,0.125]},
              {"object":"embedding","index":0,"embedding":[1.0,0.0,-1.5]}],
             "model":"text-embedding-3-small","usage":{"prompt_tokens":50000,"total_tokens":50000}}""";
    private static final String OLLAMA_ANSWER = """
            {"model":"nomic-embed-text","embeddings":[[0.1,0.2,0.3],[0.4,0.5,0.6]],
             "total_duration":14143917,"load_duration":1019500,"prompt_eval_count":8}""";

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private LlmRouter router(Profile profile) {
        ProviderSettings openai = ProviderSettings.builder().baseUrl(server.url("/v1").toString()).apiKey("sk-test-embeddings").build();
        ProviderSettings ollama = ProviderSettings.builder().baseUrl(server.url("/").toString().replaceAll("/$", "")).build();
        return LlmRouter.builder()
                .model(new ModelRoute("small", "openai", "text-embedding-3-small", Providers.openAiCompatible(openai), 8192))
                .model(new ModelRoute("local", "ollama", "nomic-embed-text", Providers.ollama(ollama), 8192))
                .profile(profile)
                .sleeper(new RecordingSleeper(null))
                .build();
    }

    private static Profile.Builder profile() {
        return Profile.builder("embeddings").models(List.of("small", "local")).retry(LlmRetryPolicy.NONE);
    }

    private static List<LlmCall> calls(LlmRouter router) {
        assertThat(router.flushCallLog(Duration.ofSeconds(5))).isTrue();
        return router.callLog().query(ACME.tenant(), LlmCallFilter.all(), 0, 100).stream().map(r -> r.call()).toList();
    }

    @Test
    void openAiVectorsArePricedLoggedAndCachedAtNoCost() throws Exception {
        server.enqueue(new MockResponse.Builder().body(OPENAI_ANSWER).build());
        try (LlmRouter router = router(profile().cache(CachePolicy.ttl(Duration.ofHours(1))).build())) {
            TenantEmbeddings acme = TenantEmbeddings.bind(router, ACME);
            EmbeddingResponse first = acme.embed(EmbeddingRequest.builder().profile("embeddings").input("NaCl").input("MgO").build());

            RecordedRequest sent = server.takeRequest();
            assertThat(sent.getTarget()).isEqualTo("/v1/embeddings");
            assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test-embeddings");
            assertThat(sent.getBody().utf8()).contains("\"model\":\"text-embedding-3-small\"").contains("\"input\":[\"NaCl\",\"MgO\"]");
            // placed by index, not by order in data[]
            assertThat(first.vector(0)).containsExactly(1.0f, 0.0f, -1.5f);
            assertThat(first.vector(1)).containsExactly(0.5f, -0.25f, 0.125f);
            assertThat(first.usage().inputTokens()).isEqualTo(50_000);
            assertThat(first.costUsd()).isEqualByComparingTo("0.001"); // 50k tokens at $0.02 per million
            assertThat(first.cacheHit()).isFalse();

            List<float[]> again = acme.embed(List.of("NaCl", "MgO"));
            assertThat(server.getRequestCount()).isEqualTo(1);
            assertThat(again.get(0)).containsExactly(1.0f, 0.0f, -1.5f);
            assertThat(again.get(1)).containsExactly(0.5f, -0.25f, 0.125f);

            List<LlmCall> calls = calls(router);
            assertThat(calls).hasSize(2);
            LlmCall paid = calls.stream().filter(c -> !c.cacheHit()).findFirst().orElseThrow();
            LlmCall cached = calls.stream().filter(LlmCall::cacheHit).findFirst().orElseThrow();
            assertThat(paid.cost()).isEqualByComparingTo("0.001");
            assertThat(paid.tokensIn()).isEqualTo(50_000);
            assertThat(paid.feature()).contains(LlmRouter.EMBEDDING_FEATURE);
            assertThat(paid.provider()).isEqualTo("openai");
            assertThat(cached.cost()).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(cached.outcome()).isEqualTo(LlmCallOutcome.SUCCESS);
        }
    }

    @Test
    void a503FallsBackToOllama() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503)
                .body("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\",\"param\":null,\"code\":null}}").build());
        server.enqueue(new MockResponse.Builder().body(OLLAMA_ANSWER).build());
        try (LlmRouter router = router(profile().build())) {
            EmbeddingResponse r = router.embed(EmbeddingRequest.builder().profile("embeddings").input("a").input("b").build(),
                    ACME.newBuilder().feature("template-search").build());

            assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/embeddings");
            RecordedRequest ollama = server.takeRequest();
            assertThat(ollama.getTarget()).isEqualTo("/api/embed");
            assertThat(ollama.getBody().utf8()).contains("\"model\":\"nomic-embed-text\"").contains("\"input\":[\"a\",\"b\"]");
            assertThat(r.vector(1)).containsExactly(0.4f, 0.5f, 0.6f);
            assertThat(r.usage().inputTokens()).isEqualTo(8);
            assertThat(r.modelsTried()).containsExactly("small", "local");

            LlmCall call = calls(router).get(0);
            assertThat(call.fallbackPath()).containsExactly("small", "local");
            assertThat(call.model()).isEqualTo("local");
            assertThat(call.feature()).contains("template-search");
            assertThat(call.tokensIn()).isEqualTo(8);
        }
    }

    @Test
    void aBudgetRefusesBeforeAnyRequest() {
        try (LlmRouter router = router(profile().maxCostPerRequest(new BigDecimal("0.0000001")).build())) {
            EmbeddingRequest big = EmbeddingRequest.builder().profile("embeddings").input("x".repeat(40_000)).build();
            assertThatThrownBy(() -> router.embed(big, ACME)).isInstanceOf(BudgetExceededException.class);
            assertThat(server.getRequestCount()).isZero();
            assertThat(calls(router)).singleElement().satisfies(c -> assertThat(c.outcome()).isEqualTo(LlmCallOutcome.BUDGET_EXCEEDED));
        }
    }

    @Test
    void aWrongVectorCountIsAMalformedAnswerNotASilentMismatch() {
        server.enqueue(new MockResponse.Builder().body("{\"model\":\"nomic-embed-text\",\"embeddings\":[[0.1,0.2]]}").build());
        try (LlmRouter router = router(Profile.builder("embeddings").models(List.of("local")).retry(LlmRetryPolicy.NONE).build())) {
            assertThatThrownBy(() -> router.embed(EmbeddingRequest.builder().profile("embeddings").input("a").input("b").build(), ACME))
                    .isInstanceOf(dev.orion.llm.LlmProviderException.class).hasMessageContaining("2 inputs were sent but 1 vectors");
        }
    }

    @Test
    void aModelOverItsRateLimitSendsTheCallToTheNextModel() throws Exception {
        server.enqueue(new MockResponse.Builder().body(OPENAI_ANSWER).build());
        server.enqueue(new MockResponse.Builder().body(OLLAMA_ANSWER).build());
        Profile limited = profile().rateLimit(new dev.orion.llm.router.ratelimit.RateLimitRule(
                dev.orion.llm.router.ratelimit.RateLimitRule.Scope.MODEL, 1, 0)).build();
        try (LlmRouter router = router(limited)) {
            EmbeddingRequest two = EmbeddingRequest.builder().profile("embeddings").input("x").input("y").build();
            assertThat(router.embed(two, ACME).model()).isEqualTo("text-embedding-3-small");
            EmbeddingResponse second = router.embed(two, ACME);
            assertThat(second.model()).isEqualTo("nomic-embed-text");
            assertThat(second.modelsTried()).containsExactly("small", "local");
            assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/embeddings");
            assertThat(server.takeRequest().getTarget()).isEqualTo("/api/embed");
        }
    }

    @Test
    void aNonFiniteValueIsMalformedAndAChatOnlyBackendIsAConfigurationError() {
        for (int attempt = 0; attempt <= LlmRetryPolicy.DEFAULT.maxRetries(); attempt++) { // malformed is retryable
            server.enqueue(new MockResponse.Builder().body("{\"data\":[{\"index\":0,\"embedding\":[0.5,\"NaN\"]}],"
                    + "\"usage\":{\"prompt_tokens\":1}}").build());
        }
        ProviderSettings anthropic = ProviderSettings.builder().baseUrl(server.url("/").toString()).apiKey("sk-ant-test-key").build();
        try (LlmRouter router = LlmRouter.builder()
                .model(new ModelRoute("small", "openai", "text-embedding-3-small", Providers.openAiCompatible(
                        ProviderSettings.builder().baseUrl(server.url("/v1").toString()).build()), 8192))
                .model(new ModelRoute("claude", "anthropic", "claude-sonnet-4", Providers.anthropic(anthropic), 200_000))
                .sleeper(new RecordingSleeper(null)).build()) {
            EmbeddingRequest one = EmbeddingRequest.builder().model("small").input("x").build();
            assertThatThrownBy(() -> router.embed(one.newBuilder().build(), ACME.newBuilder().noCache(true).build()))
                    .isInstanceOf(dev.orion.llm.LlmProviderException.class).hasMessageContaining("data[0].embedding[1]");
            assertThat(server.getRequestCount()).isEqualTo(LlmRetryPolicy.DEFAULT.maxRetries() + 1);
            assertThatThrownBy(() -> router.embed(EmbeddingRequest.builder().model("claude").input("x").build(), ACME))
                    .isInstanceOf(dev.orion.llm.LlmConfigurationException.class).hasMessageContaining("anthropic has no embedding endpoint");
        }
    }
}
