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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnthropicProviderTest {

    private static final CallContext CONTEXT = CallContext.of(TenantId.of("acme"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private MockWebServer server;
    private ChatModel model;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        model = Providers.anthropic(ProviderSettings.builder().baseUrl(server.url("/").toString()).apiKey("ak-test")
                .defaultMaxTokens(1024).build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String sse(String event, String data) {
        return "event: " + event + "\ndata: " + data + "\n\n";
    }

    @Test
    void requestUsesTopLevelSystemToolResultsAndHeaders() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("request-id", "req_01").body("""
                {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-20250514",
                 "content":[{"type":"thinking","thinking":"hmm","signature":"x"},{"type":"text","text":"Done."},
                   {"type":"tool_use","id":"toolu_01","name":"relax","input":{"formula":"NaCl","steps":3}}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":50,"output_tokens":20,"cache_creation_input_tokens":100,"cache_read_input_tokens":1000}}
                """).build());
        ChatRequest req = ChatRequest.builder().model("claude-sonnet-4").system("Be precise.").user("Relax NaCl")
                .message(Message.assistant("", List.of(new ToolCall("toolu_00", "relax", "{\"formula\":\"KCl\"}"))))
                .message(Message.tool("toolu_00", "relax", "{\"energy\":-1}"))
                .user("and now NaCl")
                .tool(ToolSpec.of("relax", "Relax", "{\"type\":\"object\"}"))
                .temperature(0.5).stop(List.of("END")).responseFormat(ResponseFormat.json()).build();
        ChatResponse r = model.chat(req, CONTEXT);

        assertThat(r.text()).isEqualTo("Done.");
        assertThat(r.toolCalls()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("toolu_01");
            assertThat(JSON.readTree(c.argumentsJson()).get("steps").asInt()).isEqualTo(3);
        });
        assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        // input_tokens excludes cache reads and writes: the whole prompt is 50 + 100 + 1000
        assertThat(r.usage().inputTokens()).isEqualTo(1150);
        assertThat(r.usage().cachedInputTokens()).isEqualTo(1000);
        assertThat(r.usage().cacheWriteTokens()).isEqualTo(100);
        assertThat(r.usage().uncachedInputTokens()).isEqualTo(50);

        RecordedRequest sent = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(sent.getTarget()).isEqualTo("/v1/messages");
        assertThat(sent.getHeaders().get("x-api-key")).isEqualTo("ak-test");
        assertThat(sent.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        JsonNode body = JSON.readTree(sent.getBody().utf8());
        assertThat(body.get("system").asText()).startsWith("Be precise.").contains("JSON object");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(1024);
        assertThat(body.get("stop_sequences").get(0).asText()).isEqualTo("END");
        assertThat(body.get("tools").get(0).get("input_schema").get("type").asText()).isEqualTo("object");
        JsonNode messages = body.get("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(1).get("content").get(0).get("type").asText()).isEqualTo("tool_use");
        assertThat(messages.get(1).get("content").get(0).get("input").get("formula").asText()).isEqualTo("KCl");
        JsonNode toolTurn = messages.get(2);
        assertThat(toolTurn.get("role").asText()).isEqualTo("user");
        assertThat(toolTurn.get("content").get(0).get("type").asText()).isEqualTo("tool_result");
        assertThat(toolTurn.get("content").get(0).get("tool_use_id").asText()).isEqualTo("toolu_00");
        assertThat(toolTurn.get("content").get(1).get("text").asText()).isEqualTo("and now NaCl");
    }

    @Test
    void streamsTheFullEventSequence() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(
                sse("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_s\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-3-5-haiku\",\"content\":[],\"stop_reason\":null,\"usage\":{\"input_tokens\":25,\"output_tokens\":1,\"cache_read_input_tokens\":5,\"cache_creation_input_tokens\":0}}}")
                + sse("ping", "{\"type\":\"ping\"}")
                + sse("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}")
                + sse("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"Let me\"}}")
                + sse("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
                + sse("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
                + sse("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}")
                + sse("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\" world\"}}")
                + sse("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}")
                + sse("content_block_start", "{\"type\":\"content_block_start\",\"index\":2,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_9\",\"name\":\"relax\",\"input\":{}}}")
                + sse("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"formula\\\": \"}}")
                + sse("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\\\"Si\\\"}\"}}")
                + sse("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":2}")
                + sse("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}")
                + sse("message_stop", "{\"type\":\"message_stop\"}")).build());
        List<ChatChunk> chunks = new ArrayList<>();
        ChatResponse r = model.stream(ChatRequest.builder().model("claude-3-5-haiku").user("hi").build(), CONTEXT, chunks::add);

        assertThat(chunks).extracting(ChatChunk::kind).containsExactly(ChatChunk.Kind.REASONING, ChatChunk.Kind.TEXT,
                ChatChunk.Kind.TEXT, ChatChunk.Kind.TOOL_CALL, ChatChunk.Kind.TOOL_CALL);
        assertThat(r.text()).isEqualTo("Hello world");
        assertThat(r.toolCalls()).containsExactly(new ToolCall("toolu_9", "relax", "{\"formula\":\"Si\"}"));
        assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(r.usage().inputTokens()).isEqualTo(30);
        assertThat(r.usage().cachedInputTokens()).isEqualTo(5);
        assertThat(r.usage().outputTokens()).isEqualTo(15);
        assertThat(JSON.readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8()).get("stream").asBoolean()).isTrue();
    }

    @Test
    void overloadedMidStreamAfterTextIsAStreamInterruption() {
        server.enqueue(new MockResponse.Builder().body(
                sse("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"model\":\"c\",\"usage\":{\"input_tokens\":1,\"output_tokens\":0}}}")
                + sse("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
                + sse("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Par\"}}")
                + sse("error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}")).build());
        assertThatThrownBy(() -> model.stream(ChatRequest.builder().model("c").user("hi").build(), CONTEXT, c -> { }))
                .isInstanceOfSatisfying(StreamInterruptedException.class, e -> {
                    assertThat(e.partialText()).isEqualTo("Par");
                    assertThat(((LlmProviderException) e.getCause()).errorType()).contains("overloaded_error");
                });
    }

    @Test
    void overloadedBeforeAnyTextIsRetryable() {
        server.enqueue(new MockResponse.Builder().body(
                sse("error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}")).build());
        assertThatThrownBy(() -> model.stream(ChatRequest.builder().model("c").user("hi").build(), CONTEXT, c -> { }))
                .isInstanceOfSatisfying(LlmProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmProviderException.Kind.STREAM_ERROR);
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void stopReasonsMap() {
        assertThat(AnthropicFormat.stopReason("end_turn")).isEqualTo(FinishReason.STOP);
        assertThat(AnthropicFormat.stopReason("stop_sequence")).isEqualTo(FinishReason.STOP);
        assertThat(AnthropicFormat.stopReason("max_tokens")).isEqualTo(FinishReason.LENGTH);
        assertThat(AnthropicFormat.stopReason("pause_turn")).isEqualTo(FinishReason.PAUSE);
        assertThat(AnthropicFormat.stopReason("refusal")).isEqualTo(FinishReason.REFUSAL);
        assertThat(AnthropicFormat.stopReason("model_context_window_exceeded")).isEqualTo(FinishReason.CONTEXT_WINDOW_EXCEEDED);
    }
}
