package dev.orion.llm.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orion.llm.Usage;
import java.util.List;

/** The package's one shared, thread-safe Jackson mapper and the few JSON moves every format needs. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses JSON text that a caller supplied (a tool schema, tool arguments). */
    static JsonNode parseSupplied(String what, String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: '" + json + "'", e);
        }
    }

    /** Parses JSON text that a provider sent. */
    static JsonNode parseAnswer(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new MalformedAnswerException("empty answer body");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedAnswerException("answer is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Puts {@code values} as an array of strings under {@code field}, unless there are none. */
    static void putStrings(ObjectNode node, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    /** A required text field, or a {@link MalformedAnswerException} naming it. */
    static String requiredText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new MalformedAnswerException("field '" + field + "' missing or not a string in " + abbreviate(node));
        }
        return v.asText();
    }

    static String optText(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The most tokens one answer may report in any count; more is not a real answer. */
    static final long MAX_TOKENS_PER_ANSWER = 1_000_000_000L;

    /**
     * A token count of a usage object: absent or null is 0; a negative, fractional, non-numeric or absurd
     * (over {@link #MAX_TOKENS_PER_ANSWER}) value is a {@link MalformedAnswerException} naming it.
     */
    static long tokens(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0 || v.longValue() > MAX_TOKENS_PER_ANSWER) {
            throw new MalformedAnswerException("usage field '" + field + "' is not a token count in [0, "
                    + MAX_TOKENS_PER_ANSWER + "]: " + abbreviate(v));
        }
        return v.longValue();
    }

    /** A {@link Usage} from reported counts, or a {@link MalformedAnswerException} when they contradict each other. */
    static Usage usage(long input, long output, long cached, long cacheWrite, long reasoning) {
        try {
            return new Usage(input, output, cached, cacheWrite, reasoning);
        } catch (IllegalArgumentException e) {
            throw new MalformedAnswerException("inconsistent usage: " + e.getMessage(), e);
        }
    }

    static String abbreviate(JsonNode node) {
        String s = String.valueOf(node);
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
