package dev.orion.llm.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.llm.CallContext;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.LlmProviderException;
import dev.orion.llm.ResponseFormat;
import dev.orion.llm.StreamInterruptedException;
import dev.orion.tenant.TenantId;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec-valid but unusable answers end in the typed errors the docs promise; requests carry only accepted parameters. */
class ProviderConformanceTest {

    private static final CallContext CONTEXT = CallContext.of(TenantId.of("acme"));
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private ChatModel openAi(ProviderSettings.Builder b) {
        return Providers.openAiCompatible(b.baseUrl(server.url("/v1").toString()).apiKey("sk-test").build());
    }

    private ChatModel anthropic() {
        return Providers.anthropic(ProviderSettings.builder().baseUrl(server.url("/").toString()).apiKey("ak-test").build());
    }

    private JsonNode sentBody() throws Exception {
        return JSON.readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"prompt_tokens\":-5,\"completion_tokens\":3", "\"prompt_tokens\":5,\"completion_tokens\":1e30",
            "\"prompt_tokens\":5,\"completion_tokens\":-1", "\"prompt_tokens\":5,\"completion_tokens\":2.5"})
    void openAiAbsurdUsageIsAMalformedResponse(String usage) {
        server.enqueue(new MockResponse.Builder().body("{\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}],\"usage\":{" + usage + "}}").build());
        Throwable t = catchThrowable(() -> openAi(ProviderSettings.builder()).chat(
                ChatRequest.builder().model("gpt-4o-mini").user("hi").build(), CONTEXT));
        assertThat(t).isInstanceOfSatisfying(LlmProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(LlmProviderException.Kind.MALFORMED_RESPONSE));
    }

    @Test
    void anthropicNegativeUsageIsAMalformedResponse() {
        server.enqueue(new MockResponse.Builder().body("{\"id\":\"msg\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"stop_reason\":\"end_turn\","
                + "\"usage\":{\"input_tokens\":-7,\"output_tokens\":3}}").build());
        Throwable t = catchThrowable(() -> anthropic().chat(ChatRequest.builder().model("claude-sonnet-4-5").user("hi").build(), CONTEXT));
        assertThat(t).isInstanceOfSatisfying(LlmProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(LlmProviderException.Kind.MALFORMED_RESPONSE));
    }

    @Test
    void absurdUsageAfterStreamedChunksIsAStreamInterruption() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body("""
                data: {"id":"c","model":"m","choices":[{"index":0,"delta":{"content":"Hel"}}]}

                data: {"id":"c","model":"m","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":-3}}

                data: [DONE]

                """).build());
        Throwable t = catchThrowable(() -> openAi(ProviderSettings.builder()).stream(
                ChatRequest.builder().model("gpt-4o-mini").user("hi").build(), CONTEXT, c -> { }));
        assertThat(t).isInstanceOfSatisfying(StreamInterruptedException.class, e -> assertThat(e.partialText()).isEqualTo("Hel"));
    }

    @Test
    void openAiSendsMaxCompletionTokensAndOnlyASetSeed() throws Exception {
        server.enqueue(ok());
        openAi(ProviderSettings.builder()).chat(ChatRequest.builder().model("o3-mini").user("hi").maxTokens(300).build(), CONTEXT);
        JsonNode body = sentBody();
        assertThat(body.get("max_completion_tokens").asInt()).isEqualTo(300);
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.has("seed")).isFalse();
    }

    @Test
    void legacyServersGetMaxTokens() throws Exception {
        server.enqueue(ok());
        openAi(ProviderSettings.builder().legacyMaxTokens(true)).chat(
                ChatRequest.builder().model("llama3").user("hi").maxTokens(300).seed(7).build(), CONTEXT);
        JsonNode body = sentBody();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(300);
        assertThat(body.has("max_completion_tokens")).isFalse();
        assertThat(body.get("seed").asLong()).isEqualTo(7);
    }

    @Test
    void claudeModelsWithFixedSamplingGetNoTemperatureOrTopP() throws Exception {
        server.enqueue(anthropicOk());
        anthropic().chat(ChatRequest.builder().model("claude-opus-4-7").user("hi").temperature(0.2).topP(0.5).build(), CONTEXT);
        JsonNode body = sentBody();
        assertThat(body.has("temperature")).isFalse();
        assertThat(body.has("top_p")).isFalse();

        server.enqueue(anthropicOk());
        anthropic().chat(ChatRequest.builder().model("claude-sonnet-4-5").user("hi").temperature(0.2).topP(0.5).build(), CONTEXT);
        JsonNode older = sentBody();
        assertThat(older.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(older.get("top_p").asDouble()).isEqualTo(0.5);
    }

    @Test
    void theCapabilityTableCanBeOverriddenInSettings() throws Exception {
        ChatModel custom = Providers.anthropic(ProviderSettings.builder().baseUrl(server.url("/").toString()).apiKey("ak-test")
                .modelCapabilities("my-claude-.*", new ModelCapabilities(true, false)).build());
        server.enqueue(anthropicOk());
        custom.chat(ChatRequest.builder().model("my-claude-1").user("hi").temperature(0.3).build(), CONTEXT);
        assertThat(sentBody().has("temperature")).isFalse();
    }

    @Test
    void anthropicStructuredOutputUsesOutputConfigWhereSupported() throws Exception {
        String schema = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"a\"],"
                + "\"additionalProperties\":false}";
        server.enqueue(anthropicOk());
        anthropic().chat(ChatRequest.builder().model("claude-sonnet-4-5-20250929").user("hi")
                .responseFormat(ResponseFormat.jsonSchema("answer", schema)).build(), CONTEXT);
        JsonNode body = sentBody();
        assertThat(body.at("/output_config/format/type").asText()).isEqualTo("json_schema");
        assertThat(body.at("/output_config/format/schema/required/0").asText()).isEqualTo("a");
        assertThat(body.path("system").asText()).doesNotContain("JSON Schema");

        server.enqueue(anthropicOk());
        anthropic().chat(ChatRequest.builder().model("claude-3-5-haiku-20241022").user("hi")
                .responseFormat(ResponseFormat.jsonSchema("answer", schema)).build(), CONTEXT);
        JsonNode old = sentBody();
        assertThat(old.has("output_config")).isFalse();
        assertThat(old.get("system").asText()).contains("JSON Schema");
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().body("{\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,"
                + "\"completion_tokens\":1}}").build();
    }

    private static MockResponse anthropicOk() {
        return new MockResponse.Builder().body("{\"id\":\"msg\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"{}\"}],\"stop_reason\":\"end_turn\","
                + "\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}").build();
    }
}
