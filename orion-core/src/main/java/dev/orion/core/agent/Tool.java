package dev.orion.core.agent;

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

    /**
     * A tool whose arguments are a record: the schema is generated from the record ({@link JsonSchemas}), the
     * model's arguments are read into it strictly (an unknown, missing or mistyped field is an error result the
     * model can read), and the function's result is written as JSON (a {@code String} is sent as it is).
     *
     * <pre>{@code
     * record Lookup(String formula) { }
     * Tool t = Tool.typed("energy", "Energy per atom of a formula", Lookup.class, a -> db.energy(a.formula()));
     * }</pre>
     *
     * @param name        the name
     * @param description what it does
     * @param arguments   the record the arguments are read into
     * @param function    the code
     * @param <A>         the argument type
     * @return the tool
     * @throws IllegalArgumentException if {@code arguments} has no schema
     */
    public static <A> Tool typed(String name, String description, Class<A> arguments, Function<? super A, ?> function) {
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(function, "function");
        return of(name, description, JsonSchemas.of(arguments),
                json -> ToolJson.write(Objects.requireNonNull(function.apply(ToolJson.read(json, arguments)), "tool result")));
    }
}
