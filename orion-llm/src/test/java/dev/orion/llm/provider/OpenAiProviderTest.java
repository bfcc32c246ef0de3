package dev.orion.llm.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.llm.CallContext;
import dev.orion.llm.ChatChunk;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.FinishReason;
import dev.orion.llm.LlmProviderException;
import dev.orion.llm.Message;
import dev.orion.llm.ResponseFormat;
import dev.orion.llm.StreamInterruptedException;
import dev.orion.llm.ToolCall;
import dev.orion.llm.ToolSpec;
import dev.orion.tenant.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiProviderTest {

    private static final CallContext CONTEXT = CallContext.of(TenantId.of("acme"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private MockWebServer server;
    private ChatModel model;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        model = Providers.openAiCompatible(ProviderSettings.builder().baseUrl(server.url("/v1").toString())
                .apiKey("sk-test").readTimeout(Duration.ofMillis(500)).build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ChatRequest.Builder request() {
        return ChatRequest.builder().model("gpt-4o-mini").system("You are terse.").user("Name a perovskite.");
    }

    @Test
    void sendsTheDocumentedRequestAndParsesTextAndCachedUsage() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("x-request-id", "req_1").body("""
                {"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4o-mini-2024-07-18",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"SrTiO3"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":120,"completion_tokens":5,"total_tokens":125,
                   "prompt_tokens_details":{"cached_tokens":100},"completion_tokens_details":{"reasoning_tokens":2}}}
                """).build());
        ChatResponse r = model.chat(request().temperature(0.2).maxTokens(50).seed(7).stop(List.of("\n"))
                .responseFormat(ResponseFormat.json()).build(), CONTEXT);

        assertThat(r.text()).isEqualTo("SrTiO3");
        assertThat(r.id()).isEqualTo("chatcmpl-1");
        assertThat(r.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.usage().inputTokens()).isEqualTo(120);
        assertThat(r.usage().cachedInputTokens()).isEqualTo(100);
        assertThat(r.usage().uncachedInputTokens()).isEqualTo(20);
        assertThat(r.usage().outputTokens()).isEqualTo(5);
        assertThat(r.usage().reasoningTokens()).isEqualTo(2);

        RecordedRequest sent = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getTarget()).isEqualTo("/v1/chat/completions");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test");
        JsonNode body = JSON.readTree(sent.getBody().utf8());
        assertThat(body.get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("system");
        assertThat(body.get("messages").get(1).get("content").asText()).isEqualTo("Name a perovskite.");
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.get("max_completion_tokens").asInt()).isEqualTo(50);
        assertThat(body.get("seed").asLong()).isEqualTo(7);
        assertThat(body.get("stop").get(0).asText()).isEqualTo("\n");
        assertThat(body.get("response_format").get("type").asText()).isEqualTo("json_object");
        assertThat(body.has("stream")).isFalse();
    }

    @Test
    void toolCallsGoOutAndComeBackWithStringArguments() throws Exception {
        server.enqueue(new MockResponse.Builder().body("""
                {"id":"c2","model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant","content":null,
                 "tool_calls":[{"id":"call_abc","type":"function","function":{"name":"relax","arguments":"{\\"formula\\":\\"Cu\\"}"}}]},
                 "finish_reason":"tool_calls"}],"usage":{"prompt_tokens":10,"completion_tokens":3,"total_tokens":13}}
                """).build());
        ToolSpec relax = ToolSpec.of("relax", "Relax a structure", "{\"type\":\"object\",\"properties\":{\"formula\":{\"type\":\"string\"}}}");
        ChatRequest req = request().tool(relax)
                .message(Message.assistant("", List.of(new ToolCall("call_0", "relax", "{\"formula\":\"Fe\"}"))))
                .message(Message.tool("call_0", "relax", "{\"energy\":-3.2}"))
                .responseFormat(ResponseFormat.jsonSchema("answer", "{\"type\":\"object\"}")).build();
        ChatResponse r = model.chat(req, CONTEXT);

        assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(r.text()).isEmpty();
        assertThat(r.toolCalls()).containsExactly(new ToolCall("call_abc", "relax", "{\"formula\":\"Cu\"}"));

        JsonNode body = JSON.readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
        JsonNode tool = body.get("tools").get(0);
        assertThat(tool.get("type").asText()).isEqualTo("function");
        assertThat(tool.get("function").get("parameters").get("type").asText()).isEqualTo("object");
        JsonNode assistant = body.get("messages").get(2);
        assertThat(assistant.get("content").isNull()).isTrue();
        assertThat(assistant.get("tool_calls").get(0).get("function").get("arguments").isTextual()).isTrue();
        JsonNode toolMsg = body.get("messages").get(3);
        assertThat(toolMsg.get("role").asText()).isEqualTo("tool");
        assertThat(toolMsg.get("tool_call_id").asText()).isEqualTo("call_0");
        assertThat(body.get("response_format").get("json_schema").get("name").asText()).isEqualTo("answer");
        assertThat(body.get("response_format").get("json_schema").get("schema").isObject()).isTrue();
    }

    @Test
    void streamsTextToolFragmentsAndTheFinalUsageChunk() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(
                "data: {\"id\":\"s1\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Ba\"},\"finish_reason\":null}]}\n\n"
                + ": keep-alive\n\n"
                + "data: {\"id\":\"s1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"TiO3\"},\"finish_reason\":null}]}\n\n"
                + "data: {\"id\":\"s1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"relax\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}\n\n"
                + "data: {\"id\":\"s1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"a\\\":\"}}]},\"finish_reason\":null}]}\n\n"
                + "data: {\"id\":\"s1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"1}\"}}]},\"finish_reason\":\"tool_calls\"}]}\n\n"
                + "data: {\"id\":\"s1\",\"choices\":[],\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":7,\"prompt_tokens_details\":{\"cached_tokens\":10}}}\n\n"
                + "data: [DONE]\n\n").build());
        List<ChatChunk> chunks = new ArrayList<>();
        ChatResponse r = model.stream(request().build(), CONTEXT, chunks::add);

        assertThat(chunks).extracting(ChatChunk::text).containsExactly("Ba", "TiO3", "{\"a\":", "1}");
        assertThat(chunks).extracting(ChatChunk::index).containsExactly(0, 1, 2, 3);
        assertThat(r.text()).isEqualTo("BaTiO3");
        assertThat(r.toolCalls()).containsExactly(new ToolCall("call_1", "relax", "{\"a\":1}"));
        assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(r.usage().inputTokens()).isEqualTo(30);
        assertThat(r.usage().cachedInputTokens()).isEqualTo(10);
        JsonNode body = JSON.readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("stream_options").get("include_usage").asBoolean()).isTrue();
    }

    @Test
    void aStreamCutBeforeDoneAfterChunksIsAStreamInterruption() {
        server.enqueue(new MockResponse.Builder().body(
                "data: {\"id\":\"s1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Ba\"}}]}\n\n").build());
        List<ChatChunk> chunks = new ArrayList<>();
        assertThatThrownBy(() -> model.stream(request().build(), CONTEXT, chunks::add))
                .isInstanceOfSatisfying(StreamInterruptedException.class, e -> {
                    assertThat(e.chunksDelivered()).isEqualTo(1);
                    assertThat(e.partialText()).isEqualTo("Ba");
                    assertThat(e.getCause()).isInstanceOf(LlmProviderException.class);
                });
        assertThat(chunks).hasSize(1);
    }

    @Test
    void aStreamCutBeforeAnyChunkIsARetryableProviderError() {
        server.enqueue(new MockResponse.Builder().body("").build());
        assertThatThrownBy(() -> model.stream(request().build(), CONTEXT, c -> { }))
                .isInstanceOfSatisfying(LlmProviderException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void anErrorObjectInsideTheStreamIsTyped() {
        server.enqueue(new MockResponse.Builder().body(
                "data: {\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\",\"param\":null,\"code\":null}}\n\n").build());
        assertThatThrownBy(() -> model.stream(request().build(), CONTEXT, c -> { }))
                .isInstanceOfSatisfying(LlmProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmProviderException.Kind.STREAM_ERROR);
                    assertThat(e.errorType()).contains("server_error");
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void malformedJsonIsARetryableMalformedResponse() {
        server.enqueue(new MockResponse.Builder().body("{\"id\":\"x\",\"choices\":[").build());
        assertThatThrownBy(() -> model.chat(request().build(), CONTEXT))
                .isInstanceOfSatisfying(LlmProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmProviderException.Kind.MALFORMED_RESPONSE);
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void aSlowServerHitsTheReadTimeout() {
        server.enqueue(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).body("{}").build());
        assertThatThrownBy(() -> model.chat(request().build(), CONTEXT))
                .isInstanceOfSatisfying(LlmProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmProviderException.Kind.TIMEOUT);
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void aRequestWithoutModelIsRefusedBeforeAnyHttp() {
        ChatRequest profileOnly = ChatRequest.builder().profile("advisor").user("hi").build();
        assertThatThrownBy(() -> model.chat(profileOnly, CONTEXT)).hasMessageContaining("profile 'advisor'");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void settingsNeverShowTheKey() {
        ProviderSettings s = ProviderSettings.builder().baseUrl("https://api.openai.com/v1").apiKey("sk-secret").build();
        assertThat(s.toString()).doesNotContain("sk-secret").contains("***");
        assertThat(model.toString()).doesNotContain("sk-test");
    }
}
