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

/** OpenAI chat completions, as also served by OpenRouter, vLLM, llama.cpp server and LiteLLM. */
final class OpenAiFormat implements WireFormat {

    @Override
    public String provider() {
        return "openai";
    }

    @Override
    public java.util.Optional<EmbeddingFormat> embeddings() {
        return java.util.Optional.of(new OpenAiEmbeddingFormat());
    }

    @Override
    public String path() {
        return "/chat/completions";
    }

    @Override
    public boolean ndjsonStream() {
        return false;
    }

    @Override
    public byte[] requestBody(ChatRequest request, String model, boolean stream, ProviderSettings settings) {
        ObjectNode body = Json.object();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        for (Message m : request.messages()) {
            ObjectNode n = messages.addObject();
            n.put("role", m.role());
            if (m instanceof Message.Assistant a && !a.toolCalls().isEmpty()) {
                if (a.content().isEmpty()) {
                    n.putNull("content");
                } else {
                    n.put("content", a.content());
                }
                ArrayNode calls = n.putArray("tool_calls");
                for (ToolCall c : a.toolCalls()) {
                    ObjectNode call = calls.addObject();
                    call.put("id", c.id());
                    call.put("type", "function");
                    call.putObject("function").put("name", c.name()).put("arguments", c.argumentsJson());
                }
            } else {
                n.put("content", m.content());
            }
            if (m instanceof Message.Tool t) {
                n.put("tool_call_id", t.toolCallId());
            }
        }
        putFunctionTools(body, request.tools());
        request.temperature().ifPresent(v -> body.put("temperature", v));
        request.topP().ifPresent(v -> body.put("top_p", v));
        // max_tokens is deprecated (and refused by reasoning models); old compatible servers know only it
        request.maxTokens().ifPresent(v -> body.put(settings.legacyMaxTokens() ? "max_tokens" : "max_completion_tokens", v));
        request.seed().ifPresent(v -> body.put("seed", v)); // deprecated by OpenAI: sent only when the request sets it
        Json.putStrings(body, "stop", request.stop());
        ResponseFormat format = request.responseFormat();
        if (format instanceof ResponseFormat.Json) {
            body.putObject("response_format").put("type", "json_object");
        } else if (format instanceof ResponseFormat.JsonSchema s) {
            ObjectNode js = body.putObject("response_format").put("type", "json_schema").putObject("json_schema");
            js.put("name", s.name()).put("strict", s.strict());
            js.set("schema", Json.parseSupplied("response schema " + s.name(), s.schema()));
        }
        if (stream) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        return Json.bytes(body);
    }

    /** Declares the tools as OpenAI {@code function} tools, the shape Ollama takes too. */
    static void putFunctionTools(ObjectNode body, List<ToolSpec> specs) {
        if (specs.isEmpty()) {
            return;
        }
        ArrayNode tools = body.putArray("tools");
        for (ToolSpec t : specs) {
            ObjectNode fn = tools.addObject().put("type", "function").putObject("function");
            fn.put("name", t.name()).put("description", t.description());
            fn.set("parameters", Json.parseSupplied("parameters of tool " + t.name(), t.parametersJsonSchema()));
        }
    }

    @Override
    public ChatResponse parseAnswer(JsonNode body, String model, String requestId) {
        JsonNode choices = body.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw new MalformedAnswerException("no choices in " + Json.abbreviate(body));
        }
        JsonNode choice = choices.get(0);
        JsonNode message = choice.get("message");
        if (message == null || !message.isObject()) {
            throw new MalformedAnswerException("choice without message in " + Json.abbreviate(body));
        }
        String content = Json.optText(message, "content");
        List<ToolCall> calls = new ArrayList<>();
        JsonNode toolCalls = message.get("tool_calls");
        if (toolCalls != null && toolCalls.isArray()) {
            for (JsonNode c : toolCalls) {
                JsonNode fn = c.get("function");
                if (fn == null) {
                    throw new MalformedAnswerException("tool call without function in " + Json.abbreviate(c));
                }
                calls.add(new ToolCall(Json.requiredText(c, "id"), Json.requiredText(fn, "name"),
                        Json.requiredText(fn, "arguments")));
            }
        }
        return ChatResponse.of(WireFormat.answerId(Json.optText(body, "id"), requestId), textOr(body, "model", model),
                Message.assistant(content == null ? "" : content, calls),
                finishReason(Json.optText(choice, "finish_reason")), usage(body.get("usage")));
    }

    @Override
    public StreamDecoder newStreamDecoder(String model, String requestId) {
        return new Decoder(model, requestId);
    }

    static FinishReason finishReason(String reason) {
        if (reason == null) {
            return FinishReason.OTHER;
        }
        return switch (reason) {
            case "stop" -> FinishReason.STOP;
            case "length" -> FinishReason.LENGTH;
            case "tool_calls", "function_call" -> FinishReason.TOOL_CALLS;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    static Usage usage(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return Usage.ZERO;
        }
        long prompt = Json.tokens(usage, "prompt_tokens");
        long cached = Math.min(prompt, Json.tokens(usage.get("prompt_tokens_details"), "cached_tokens"));
        long reasoning = Json.tokens(usage.get("completion_tokens_details"), "reasoning_tokens");
        return Json.usage(prompt, Json.tokens(usage, "completion_tokens"), cached, 0, reasoning);
    }

    private static String textOr(JsonNode node, String field, String fallback) {
        String v = Json.optText(node, field);
        return v == null ? fallback : v;
    }

    /** Assembles {@code chat.completion.chunk} events; tool-call fragments are joined by their {@code index}. */
    private static final class Decoder implements StreamDecoder {
        private final String model;
        private final String requestId;
        private final StringBuilder text = new StringBuilder();
        private final TreeMap<Integer, String[]> calls = new TreeMap<>();
        private String id;
        private String answeredModel;
        private String finish;
        private Usage usage = Usage.ZERO;
        private boolean done;
        private int chunkIndex;

        Decoder(String model, String requestId) {
            this.model = model;
            this.requestId = requestId;
        }

        @Override
        public void onEvent(String event, JsonNode data, Consumer<ChatChunk> emit) {
            if (data.has("error")) {
                throw ErrorMapping.fromStreamEvent("openai", model, data, requestId);
            }
            if (id == null) {
                id = Json.optText(data, "id");
            }
            if (answeredModel == null) {
                answeredModel = Json.optText(data, "model");
            }
            if (data.hasNonNull("usage")) {
                usage = usage(data.get("usage"));
            }
            JsonNode choices = data.get("choices");
            if (choices == null || !choices.isArray()) {
                throw new MalformedAnswerException("chunk without choices: " + Json.abbreviate(data));
            }
            for (JsonNode choice : choices) {
                JsonNode delta = choice.get("delta");
                if (delta != null) {
                    String piece = Json.optText(delta, "content");
                    if (piece != null && !piece.isEmpty()) {
                        text.append(piece);
                        emit.accept(new ChatChunk(chunkIndex++, ChatChunk.Kind.TEXT, piece));
                    }
                    JsonNode tc = delta.get("tool_calls");
                    if (tc != null && tc.isArray()) {
                        for (JsonNode c : tc) {
                            int index = c.path("index").asInt(calls.size());
                            String[] acc = calls.computeIfAbsent(index, i -> new String[] {null, null, ""});
                            if (c.hasNonNull("id")) {
                                acc[0] = c.get("id").asText();
                            }
                            JsonNode fn = c.get("function");
                            if (fn != null) {
                                if (fn.hasNonNull("name")) {
                                    acc[1] = fn.get("name").asText();
                                }
                                String args = Json.optText(fn, "arguments");
                                if (args != null && !args.isEmpty()) {
                                    acc[2] = acc[2] + args;
                                    emit.accept(new ChatChunk(chunkIndex++, ChatChunk.Kind.TOOL_CALL, args));
                                }
                            }
                        }
                    }
                }
                String reason = Json.optText(choice, "finish_reason");
                if (reason != null) {
                    finish = reason;
                }
            }
        }

        @Override
        public boolean onRawData(String data) {
            if ("[DONE]".equals(data.strip())) {
                done = true;
                return true;
            }
            return false;
        }

        @Override
        public boolean complete() {
            return done;
        }

        @Override
        public ChatResponse finish() {
            List<ToolCall> toolCalls = new ArrayList<>();
            calls.forEach((index, acc) -> {
                if (acc[0] == null || acc[1] == null) {
                    throw new MalformedAnswerException("streamed tool call " + index + " lacks id or name");
                }
                toolCalls.add(new ToolCall(acc[0], acc[1], acc[2].isEmpty() ? "{}" : acc[2]));
            });
            return ChatResponse.of(WireFormat.answerId(id, requestId),
                    answeredModel != null ? answeredModel : model, Message.assistant(text.toString(), toolCalls),
                    finishReason(finish), usage);
        }
    }
}
