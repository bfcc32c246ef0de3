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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OllamaProviderTest {

    private static final CallContext CONTEXT = CallContext.of(TenantId.of("acme"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private MockWebServer server;
    private ChatModel model;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        model = Providers.ollama(ProviderSettings.builder().baseUrl(server.url("/").toString()).build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void blockingAnswerWithObjectArgumentsAndOptions() throws Exception {
        server.enqueue(new MockResponse.Builder().body("""
                {"model":"llama3.2","created_at":"2026-11-21T08:00:00Z","message":{"role":"assistant","content":"",
                 "tool_calls":[{"function":{"name":"relax","arguments":{"formula":"GaAs"}}}]},
                 "done":true,"done_reason":"stop","total_duration":1000,"prompt_eval_count":26,"eval_count":9}
                """).build());
        ChatRequest req = ChatRequest.builder().model("llama3.2").user("relax GaAs")
                .message(Message.assistant("", List.of(new ToolCall("call_0", "relax", "{\"formula\":\"Si\"}"))))
                .message(Message.tool("call_0", "relax", "{\"ok\":true}"))
                .tool(ToolSpec.of("relax", "Relax", "{\"type\":\"object\"}"))
                .temperature(0.1).maxTokens(64).seed(3).responseFormat(ResponseFormat.jsonSchema("out", "{\"type\":\"object\"}"))
                .build();
        ChatResponse r = model.chat(req, CONTEXT);

        assertThat(r.toolCalls()).containsExactly(new ToolCall("call_0", "relax", "{\"formula\":\"GaAs\"}"));
        assertThat(r.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(r.usage().inputTokens()).isEqualTo(26);
        assertThat(r.usage().outputTokens()).isEqualTo(9);

        var sent = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(sent.getTarget()).isEqualTo("/api/chat");
        JsonNode body = JSON.readTree(sent.getBody().utf8());
        assertThat(body.get("stream").asBoolean()).isFalse();
        assertThat(body.get("options").get("num_predict").asInt()).isEqualTo(64);
        assertThat(body.get("options").get("temperature").asDouble()).isEqualTo(0.1);
        assertThat(body.get("format").get("type").asText()).isEqualTo("object");
        assertThat(body.get("messages").get(1).get("tool_calls").get(0).get("function").get("arguments").isObject()).isTrue();
        assertThat(body.get("messages").get(2).get("tool_name").asText()).isEqualTo("relax");
    }

    @Test
    void streamsNdjsonUntilDone() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/x-ndjson").body(
                "{\"model\":\"llama3.2\",\"created_at\":\"t\",\"message\":{\"role\":\"assistant\",\"content\":\"The \"},\"done\":false}\n"
                + "{\"model\":\"llama3.2\",\"created_at\":\"t\",\"message\":{\"role\":\"assistant\",\"content\":\"sky\"},\"done\":false}\n"
                + "{\"model\":\"llama3.2\",\"created_at\":\"t\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"length\",\"prompt_eval_count\":11,\"eval_count\":2,\"eval_duration\":5}\n").build());
        List<ChatChunk> chunks = new ArrayList<>();
        ChatResponse r = model.stream(ChatRequest.builder().model("llama3.2").user("hi").responseFormat(ResponseFormat.json()).build(), CONTEXT,
                chunks::add);
        assertThat(chunks).extracting(ChatChunk::text).containsExactly("The ", "sky");
        assertThat(r.text()).isEqualTo("The sky");
        assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(r.usage().totalTokens()).isEqualTo(13);
        JsonNode body = JSON.readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("format").asText()).isEqualTo("json");
    }

    @Test
    void errorLineMidStreamIsTyped() {
        server.enqueue(new MockResponse.Builder().body(
                "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"A\"},\"done\":false}\n{\"error\":\"out of memory\"}\n").build());
        assertThatThrownBy(() -> model.stream(ChatRequest.builder().model("m").user("hi").build(), CONTEXT, c -> { }))
                .isInstanceOfSatisfying(StreamInterruptedException.class,
                        e -> assertThat(e.getCause()).isInstanceOf(LlmProviderException.class).hasMessageContaining("out of memory"));
    }
}
