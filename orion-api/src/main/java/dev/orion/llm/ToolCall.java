package dev.orion.llm;

import java.util.Objects;

/**
 * A request by the model to call one tool.
 *
 * @param id            the call id that the result must quote (generated locally for providers without ids)
 * @param name          the tool name
 * @param argumentsJson the arguments as a JSON object text
 */
public record ToolCall(String id, String name, String argumentsJson) {

    /** Validates the call. */
    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(argumentsJson, "argumentsJson");
    }
}
