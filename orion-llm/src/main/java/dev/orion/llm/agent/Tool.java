package dev.orion.llm.agent;

import dev.orion.llm.ToolSpec;
import java.util.Objects;
import java.util.function.Function;

/**
 * A Java function the model may call: its spec (name, description, argument schema) and the code
 * that turns the arguments (JSON text) into a result (text, usually JSON).
 *
 * @param spec     what the model sees
 * @param function what runs; an exception becomes an error result the model can read
 */
public record Tool(ToolSpec spec, Function<String, String> function) {

    /** Validates the tool. */
    public Tool {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(function, "function");
    }

    /**
     * A tool.
     *
     * @param name       the name
     * @param description what it does
     * @param jsonSchema  its argument schema
     * @param function    the code
     * @return the tool
     */
    public static Tool of(String name, String description, String jsonSchema, Function<String, String> function) {
        return new Tool(ToolSpec.of(name, description, jsonSchema), function);
    }
}
