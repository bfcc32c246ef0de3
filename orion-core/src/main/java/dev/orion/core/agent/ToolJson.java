package dev.orion.core.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reads tool arguments into their records strictly and writes tool results, for {@link Tool#typed}. */
final class ToolJson {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ToolJson() {
    }

    static <A> A read(String json, Class<A> type) {
        try {
            return JSON.readValue(json.isBlank() ? "{}" : json, type);
        } catch (JsonProcessingException e) {
            // the model reads this and may correct its arguments
            throw new IllegalArgumentException("arguments do not match the schema of " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    static String write(Object value) {
        try {
            return value instanceof String s ? s : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tool result of type " + value.getClass().getName() + " is not JSON-serialisable", e);
        }
    }

    static String error(String message) {
        return JSON.createObjectNode().put("error", message).toString();
    }
}
