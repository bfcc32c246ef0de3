package dev.orion.llm;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A function the model may ask to call.
 *
 * @param name                 the function name ({@code [A-Za-z0-9_-]{1,64}}, as the providers require)
 * @param description          what it does, for the model
 * @param parametersJsonSchema the JSON Schema of its arguments (an object schema), as JSON text
 */
public record ToolSpec(String name, String description, String parametersJsonSchema) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Validates the spec. */
    public ToolSpec {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name must match [A-Za-z0-9_-]{1,64}, was '" + name + "'");
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parametersJsonSchema, "parametersJsonSchema");
        if (!parametersJsonSchema.strip().startsWith("{")) {
            throw new IllegalArgumentException("parametersJsonSchema must be a JSON object, was '" + parametersJsonSchema + "'");
        }
    }

    /** A tool spec. @param name the name @param description what it does @param parametersJsonSchema its argument schema */
    public static ToolSpec of(String name, String description, String parametersJsonSchema) {
        return new ToolSpec(name, description, parametersJsonSchema);
    }
}
