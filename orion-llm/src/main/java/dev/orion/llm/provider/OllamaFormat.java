package dev.orion.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orion.llm.ChatChunk;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.FinishReason;
import dev.orion.llm.Message;
import dev.orion.llm.ResponseFormat;
import dev.orion.llm.ToolCall;
import dev.orion.llm.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Ollama {@code /api/chat}: NDJSON streams, sampling parameters under {@code options}, tool-call
 * arguments as JSON objects and no call ids (this format numbers them {@code call_0}, {@code call_1}...).
 */
final class OllamaFormat implements WireFormat {

    @Override
    public String provider() {
        return "ollama";
    }

    @Override
    public java.util.Optional<EmbeddingFormat> embeddings() {
        return java.util.Optional.of(new OllamaEmbeddingFormat());
    }

    @Override
    public String path() {
        return "/api/chat";
    }

    @Override
    public boolean ndjsonStream() {
        return true;
    }

    @Override
    public byte[] requestBody(ChatRequest request, String model, boolean stream, ProviderSettings settings) {
        ObjectNode body = Json.object();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        for (Message m : request.messages()) {
            ObjectNode n = messages.addObject().put("role", m.role()).put("content", m.content());
            if (m instanceof Message.Assistant a && !a.toolCalls().isEmpty()) {
                ArrayNode calls = n.putArray("tool_calls");
                for (ToolCall c : a.toolCalls()) {
                    ObjectNode fn = calls.addObject().putObject("function").put("name", c.name());
                    fn.set("arguments", Json.parseSupplied("arguments of tool call " + c.id(), c.argumentsJson()));
                }
            }
            if (m instanceof Message.Tool t) {
                n.put("tool_name", t.toolName());
            }
        }
        OpenAiFormat.putFunctionTools(body, request.tools());
        ResponseFormat format = request.responseFormat();
        if (format instanceof ResponseFormat.Json) {
            body.put("format", "json");
        } else if (format instanceof ResponseFormat.JsonSchema s) {
            body.set("format", Json.parseSupplied("response schema " + s.name(), s.schema()));
        }
        ObjectNode options = Json.object();
        request.temperature().ifPresent(v -> options.put("temperature", v));
        request.topP().ifPresent(v -> options.put("top_p", v));
        request.maxTokens().ifPresent(v -> options.put("num_predict", v));
        request.seed().ifPresent(v -> options.put("seed", v));
        Json.putStrings(options, "stop", request.stop());
        if (!options.isEmpty()) {
            body.set("options", options);
        }
        body.put("stream", stream);
        return Json.bytes(body);
    }

    @Override
    public ChatResponse parseAnswer(JsonNode body, String model, String requestId) {
        if (body.has("error")) {
            throw ErrorMapping.fromStreamEvent(provider(), model, body, requestId);
        }
        JsonNode message = body.get("message");
        if (message == null || !message.isObject()) {
            throw new MalformedAnswerException("no message in " + Json.abbreviate(body));
        }
        List<ToolCall> calls = new ArrayList<>();
        collectCalls(message, calls);
        String content = Json.optText(message, "content");
        return ChatResponse.of(WireFormat.answerId(null, requestId), nonNull(Json.optText(body, "model"), model),
                Message.assistant(content == null ? "" : content, calls), doneReason(body, calls), usage(body));
    }

    @Override
    public StreamDecoder newStreamDecoder(String model, String requestId) {
        return new StreamDecoder() {
            private final StringBuilder text = new StringBuilder();
            private final List<ToolCall> calls = new ArrayList<>();
            private JsonNode last;
            private int chunkIndex;

            @Override
            public void onEvent(String event, JsonNode data, Consumer<ChatChunk> emit) {
                if (data.has("error")) {
                    throw ErrorMapping.fromStreamEvent(provider(), model, data, requestId);
                }
                JsonNode message = data.get("message");
                if (message != null && message.isObject()) {
                    String piece = Json.optText(message, "content");
                    if (piece != null && !piece.isEmpty()) {
                        text.append(piece);
                        emit.accept(new ChatChunk(chunkIndex++, ChatChunk.Kind.TEXT, piece));
                    }
                    String thinking = Json.optText(message, "thinking");
                    if (thinking != null && !thinking.isEmpty()) {
                        emit.accept(new ChatChunk(chunkIndex++, ChatChunk.Kind.REASONING, thinking));
                    }
                    collectCalls(message, calls);
                } else if (!data.path("done").asBoolean(false)) {
                    throw new MalformedAnswerException("stream line without message: " + Json.abbreviate(data));
                }
                if (data.path("done").asBoolean(false)) {
                    last = data;
                }
            }

            @Override
            public boolean complete() {
                return last != null;
            }

            @Override
            public ChatResponse finish() {
                return ChatResponse.of(WireFormat.answerId(null, requestId), nonNull(Json.optText(last, "model"), model),
                        Message.assistant(text.toString(), calls), doneReason(last, calls), usage(last));
            }
        };
    }

    private static void collectCalls(JsonNode message, List<ToolCall> calls) {
        JsonNode toolCalls = message.get("tool_calls");
        if (toolCalls == null || !toolCalls.isArray()) {
            return;
        }
        for (JsonNode c : toolCalls) {
            JsonNode fn = c.get("function");
            if (fn == null) {
                throw new MalformedAnswerException("tool call without function: " + Json.abbreviate(c));
            }
            JsonNode args = fn.get("arguments");
            String id = c.hasNonNull("id") ? c.get("id").asText() : "call_" + calls.size();
            calls.add(new ToolCall(id, Json.requiredText(fn, "name"),
                    args == null ? "{}" : args.isTextual() ? args.asText() : Json.text(args)));
        }
    }

    private static FinishReason doneReason(JsonNode body, List<ToolCall> calls) {
        if (!calls.isEmpty()) {
            return FinishReason.TOOL_CALLS;
        }
        String reason = Json.optText(body, "done_reason");
        if (reason == null) {
            return FinishReason.OTHER;
        }
        return switch (reason) {
            case "stop" -> FinishReason.STOP;
            case "length" -> FinishReason.LENGTH;
            default -> FinishReason.OTHER;
        };
    }

    private static Usage usage(JsonNode body) {
        return Json.usage(Json.tokens(body, "prompt_eval_count"), Json.tokens(body, "eval_count"), 0, 0, 0);
    }

    private static String nonNull(String s, String fallback) {
        return s == null ? fallback : s;
    }
}
