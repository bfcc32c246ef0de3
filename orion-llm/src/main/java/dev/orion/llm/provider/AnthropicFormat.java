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
import dev.orion.llm.ToolSpec;
import dev.orion.llm.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anthropic Messages. The system prompt is a top-level field; tool results travel as user
 * {@code tool_result} blocks; {@code input_tokens} excludes cache reads and writes, which this format
 * adds back so that {@link Usage#inputTokens()} means the whole prompt. A JSON-schema response format
 * goes as {@code output_config.format} to models with structured output ({@link ModelCapabilities}); for
 * other models, and for "any JSON object", it becomes an instruction appended to the system prompt.
 */
final class AnthropicFormat implements WireFormat {

    static final String VERSION = "2023-06-01";
    private static final Logger LOG = LoggerFactory.getLogger(AnthropicFormat.class);

    @Override
    public String provider() {
        return "anthropic";
    }

    @Override
    public String path() {
        return "/v1/messages";
    }

    @Override
    public boolean ndjsonStream() {
        return false;
    }

    @Override
    public void authenticate(Request.Builder builder, ProviderSettings settings) {
        settings.apiKey().ifPresent(k -> builder.header("x-api-key", k));
        builder.header("anthropic-version", VERSION);
    }

    @Override
    public byte[] requestBody(ChatRequest request, String model, boolean stream, ProviderSettings settings) {
        ObjectNode body = Json.object();
        body.put("model", model);
        body.put("max_tokens", request.maxTokens().orElse(settings.defaultMaxTokens()));
        StringBuilder system = new StringBuilder();
        ArrayNode messages = body.putArray("messages");
        ObjectNode last = null;
        for (Message m : request.messages()) {
            if (m instanceof Message.System s) {
                if (system.length() > 0) {
                    system.append("\n\n");
                }
                system.append(s.content());
                continue;
            }
            String role = m instanceof Message.Assistant ? "assistant" : "user";
            ObjectNode target;
            // Anthropic wants strictly alternating roles: tool results and a following user turn share one message.
            if (last != null && last.get("role").asText().equals(role)) {
                target = last;
            } else {
                target = messages.addObject();
                target.put("role", role);
                target.putArray("content");
                last = target;
            }
            ArrayNode content = (ArrayNode) target.get("content");
            if (m instanceof Message.Tool t) {
                content.addObject().put("type", "tool_result").put("tool_use_id", t.toolCallId()).put("content", t.content());
            } else if (m instanceof Message.Assistant a) {
                if (!a.content().isEmpty()) {
                    content.addObject().put("type", "text").put("text", a.content());
                }
                for (ToolCall c : a.toolCalls()) {
                    ObjectNode use = content.addObject().put("type", "tool_use").put("id", c.id()).put("name", c.name());
                    use.set("input", Json.parseSupplied("arguments of tool call " + c.id(), c.argumentsJson()));
                }
            } else {
                content.addObject().put("type", "text").put("text", m.content());
            }
        }
        ModelCapabilities capabilities = settings.capabilities(model);
        ResponseFormat format = request.responseFormat();
        if (format instanceof ResponseFormat.JsonSchema s && capabilities.structuredOutput()) {
            body.putObject("output_config").putObject("format").put("type", "json_schema")
                    .set("schema", Json.parseSupplied("response schema " + s.name(), s.schema()));
        } else if (format instanceof ResponseFormat.Json) {
            system.append(system.length() > 0 ? "\n\n" : "").append("Answer with a single JSON object and nothing else.");
        } else if (format instanceof ResponseFormat.JsonSchema s) {
            system.append(system.length() > 0 ? "\n\n" : "")
                    .append("Answer with a single JSON object that follows this JSON Schema, and nothing else:\n")
                    .append(s.schema());
        }
        if (system.length() > 0) {
            body.put("system", system.toString());
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec t : request.tools()) {
                ObjectNode n = tools.addObject().put("name", t.name()).put("description", t.description());
                n.set("input_schema", Json.parseSupplied("parameters of tool " + t.name(), t.parametersJsonSchema()));
            }
        }
        putSampling(body, request, model, capabilities);
        Json.putStrings(body, "stop_sequences", request.stop());
        if (stream) {
            body.put("stream", true);
        }
        return Json.bytes(body);
    }

    /**
     * Temperature and top-p, unless the model fixes its sampling (it would answer 400): then a temperature other
     * than 1.0 and a top-p below 0.99 are left out, logged at DEBUG.
     */
    private static void putSampling(ObjectNode body, ChatRequest request, String model, ModelCapabilities capabilities) {
        request.temperature().ifPresent(v -> {
            if (capabilities.fixedSampling() && v != 1.0) {
                LOG.debug("model {} fixes its sampling: temperature {} not sent", model, v);
            } else {
                body.put("temperature", Math.min(1.0, v));
            }
        });
        request.topP().ifPresent(v -> {
            if (capabilities.fixedSampling() && v < 0.99) {
                LOG.debug("model {} fixes its sampling: top_p {} not sent", model, v);
            } else {
                body.put("top_p", v);
            }
        });
    }

    @Override
    public ChatResponse parseAnswer(JsonNode body, String model, String requestId) {
        if ("error".equals(Json.optText(body, "type"))) {
            throw ErrorMapping.fromStreamEvent(provider(), model, body, requestId);
        }
        JsonNode content = body.get("content");
        if (content == null || !content.isArray()) {
            throw new MalformedAnswerException("no content array in " + Json.abbreviate(body));
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode block : content) {
            String type = Json.requiredText(block, "type");
            if ("text".equals(type)) {
                text.append(Json.requiredText(block, "text"));
            } else if ("tool_use".equals(type)) {
                JsonNode input = block.get("input");
                calls.add(new ToolCall(Json.requiredText(block, "id"), Json.requiredText(block, "name"),
                        input == null ? "{}" : Json.text(input)));
            }
        }
        return ChatResponse.of(WireFormat.answerId(Json.optText(body, "id"), requestId),
                Json.optText(body, "model") != null ? Json.optText(body, "model") : model,
                Message.assistant(text.toString(), calls), stopReason(Json.optText(body, "stop_reason")),
                usage(body.get("usage"), -1));
    }

    @Override
    public StreamDecoder newStreamDecoder(String model, String requestId) {
        return new Decoder(model, requestId);
    }

    static FinishReason stopReason(String reason) {
        if (reason == null) {
            return FinishReason.OTHER;
        }
        return switch (reason) {
            case "end_turn", "stop_sequence" -> FinishReason.STOP;
            case "max_tokens" -> FinishReason.LENGTH;
            case "tool_use" -> FinishReason.TOOL_CALLS;
            case "pause_turn" -> FinishReason.PAUSE;
            case "refusal" -> FinishReason.REFUSAL;
            case "model_context_window_exceeded" -> FinishReason.CONTEXT_WINDOW_EXCEEDED;
            default -> FinishReason.OTHER;
        };
    }

    /** Usage with cache reads and writes added back into the input; {@code outputOverride >= 0} replaces output. */
    static Usage usage(JsonNode usage, long outputOverride) {
        if (usage == null || !usage.isObject()) {
            return Usage.ZERO;
        }
        long read = Json.tokens(usage, "cache_read_input_tokens");
        long write = Json.tokens(usage, "cache_creation_input_tokens");
        long input = Json.tokens(usage, "input_tokens") + read + write;
        long output = outputOverride >= 0 ? outputOverride : Json.tokens(usage, "output_tokens");
        return Json.usage(input, output, read, write, 0);
    }

    /** Follows message_start, content blocks, message_delta and message_stop; {@code ping} is ignored. */
    private final class Decoder implements StreamDecoder {
        private final String model;
        private final String requestId;
        private final TreeMap<Integer, StringBuilder[]> blocks = new TreeMap<>();
        private final StringBuilder text = new StringBuilder();
        private String id;
        private String answeredModel;
        private JsonNode startUsage;
        private long outputTokens = -1;
        private String stopReason;
        private boolean done;
        private int chunkIndex;

        Decoder(String model, String requestId) {
            this.model = model;
            this.requestId = requestId;
        }

        @Override
        public void onEvent(String event, JsonNode data, Consumer<ChatChunk> emit) {
            String type = event != null ? event : Json.optText(data, "type");
            if (type == null) {
                throw new MalformedAnswerException("stream event without type: " + Json.abbreviate(data));
            }
            switch (type) {
                case "message_start" -> {
                    JsonNode message = data.path("message");
                    id = Json.optText(message, "id");
                    answeredModel = Json.optText(message, "model");
                    startUsage = message.get("usage");
                }
                case "content_block_start" -> {
                    JsonNode block = data.path("content_block");
                    String blockType = Json.optText(block, "type");
                    blocks.put(data.path("index").asInt(), new StringBuilder[] {
                            new StringBuilder(blockType == null ? "" : blockType),
                            new StringBuilder(nonNull(Json.optText(block, "id"))),
                            new StringBuilder(nonNull(Json.optText(block, "name"))),
                            new StringBuilder()});
                }
                case "content_block_delta" -> onDelta(data, emit);
                case "message_delta" -> {
                    String reason = Json.optText(data.path("delta"), "stop_reason");
                    if (reason != null) {
                        stopReason = reason;
                    }
                    JsonNode u = data.get("usage");
                    if (u != null && u.has("output_tokens")) {
                        outputTokens = Json.tokens(u, "output_tokens");
                    }
                }
                case "message_stop" -> done = true;
                case "error" -> throw ErrorMapping.fromStreamEvent(provider(), model, data, requestId);
                default -> {
                    // ping, content_block_stop and future event types carry nothing to assemble
                }
            }
        }

        private void onDelta(JsonNode data, Consumer<ChatChunk> emit) {
            StringBuilder[] block = blocks.get(data.path("index").asInt());
            if (block == null) {
                throw new MalformedAnswerException("delta for a block that was not started: " + Json.abbreviate(data));
            }
            JsonNode delta = data.path("delta");
            String deltaType = nonNull(Json.optText(delta, "type"));
            switch (deltaType) {
                case "text_delta" -> {
                    String piece = Json.requiredText(delta, "text");
                    block[3].append(piece);
                    text.append(piece);
                    emit.accept(new ChatChunk(chunkIndex++, ChatChunk.Kind.TEXT, piece));
                }
                case "input_json_delta" -> {
                    String piece = Json.requiredText(delta, "partial_json");
                    block[3].append(piece);
                    emit.accept(new ChatChunk(chunkIndex++, ChatChunk.Kind.TOOL_CALL, piece));
                }
                case "thinking_delta" -> emit.accept(new ChatChunk(chunkIndex++, ChatChunk.Kind.REASONING,
                        Json.requiredText(delta, "thinking")));
                default -> {
                    // signature_delta and others are not part of the answer
                }
            }
        }

        @Override
        public boolean complete() {
            return done;
        }

        @Override
        public ChatResponse finish() {
            List<ToolCall> calls = new ArrayList<>();
            blocks.forEach((index, b) -> {
                if ("tool_use".contentEquals(b[0])) {
                    String args = b[3].length() == 0 ? "{}" : b[3].toString();
                    calls.add(new ToolCall(b[1].toString(), b[2].toString(), Json.text(Json.parseAnswer(args))));
                }
            });
            return ChatResponse.of(WireFormat.answerId(id, requestId),
                    answeredModel != null ? answeredModel : model, Message.assistant(text.toString(), calls),
                    stopReason(stopReason), usage(startUsage, outputTokens));
        }

        private static String nonNull(String s) {
            return s == null ? "" : s;
        }
    }
}
