package dev.orion.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.FinishReason;
import dev.orion.llm.Message;
import dev.orion.llm.ToolCall;
import dev.orion.llm.Usage;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Writes a {@link ChatResponse} as JSON for a persistent cache store, and reads it back losslessly. */
public final class ResponseJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int VERSION = 1;

    private ResponseJson() {
    }

    /** @param r the response @return its JSON text */
    public static String write(ChatResponse r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("v", VERSION);
        n.put("id", r.id());
        n.put("model", r.model());
        n.put("text", r.text());
        ArrayNode calls = n.putArray("toolCalls");
        for (ToolCall c : r.toolCalls()) {
            calls.addObject().put("id", c.id()).put("name", c.name()).put("arguments", c.argumentsJson());
        }
        n.put("finishReason", r.finishReason().name());
        Usage u = r.usage();
        n.putObject("usage").put("input", u.inputTokens()).put("output", u.outputTokens())
                .put("cached", u.cachedInputTokens()).put("cacheWrite", u.cacheWriteTokens()).put("reasoning", u.reasoningTokens());
        n.put("costUsd", r.costUsd().toPlainString());
        ArrayNode tried = n.putArray("modelsTried");
        r.modelsTried().forEach(tried::add);
        return n.toString();
    }

    /**
     * @param json text written by {@link #write}
     * @return the response
     * @throws IllegalArgumentException when the text is not such JSON
     */
    public static ChatResponse read(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n == null || n.path("v").asInt() != VERSION) {
                throw new IllegalArgumentException("cached response has an unknown format version: " + abbreviate(json));
            }
            List<ToolCall> calls = new ArrayList<>();
            for (JsonNode c : n.path("toolCalls")) {
                calls.add(new ToolCall(c.path("id").asText(), c.path("name").asText(), c.path("arguments").asText()));
            }
            JsonNode u = n.path("usage");
            Usage usage = new Usage(u.path("input").asLong(), u.path("output").asLong(), u.path("cached").asLong(),
                    u.path("cacheWrite").asLong(), u.path("reasoning").asLong());
            List<String> tried = new ArrayList<>();
            n.path("modelsTried").forEach(t -> tried.add(t.asText()));
            return new ChatResponse(n.path("id").asText(), n.path("model").asText(),
                    Message.assistant(n.path("text").asText(), calls), FinishReason.valueOf(n.path("finishReason").asText()),
                    usage, new BigDecimal(n.path("costUsd").asText("0")), false, tried);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cached response is not valid: " + abbreviate(json), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
