package dev.orion.core.workflow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One input that a {@link StepType} takes: its name, type, whether it must be given, its default, and
 * (for strings) the allowed values. The validator checks every step's inputs against these.
 *
 * @param name         the input's name, as written under the step's {@code with:}
 * @param type         its type
 * @param required     whether a step must give it
 * @param defaultValue the value when not given (only for optional inputs)
 * @param choices      the allowed values of a string input, empty for any
 * @param description  one line for the docs and for error messages
 */
public record Param(String name, ValueType type, boolean required, Optional<Object> defaultValue, List<String> choices,
                    String description) {

    /** Validates and copies. */
    public Param {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("name must be lower_snake_case, got '" + name + "'");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        choices = List.copyOf(choices);
        Objects.requireNonNull(description, "description");
        if (required && defaultValue.isPresent()) {
            throw new IllegalArgumentException("required input '" + name + "' cannot have a default");
        }
    }

    /** @param name name  @param type type  @param description what it is  @return a required input */
    public static Param required(String name, ValueType type, String description) {
        return new Param(name, type, true, Optional.empty(), List.of(), description);
    }

    /** @param name name  @param type type  @param description what it is  @return an optional input without default */
    public static Param optional(String name, ValueType type, String description) {
        return new Param(name, type, false, Optional.empty(), List.of(), description);
    }

    /**
     * @param name name  @param type type  @param defaultValue default  @param description what it is
     * @return an optional input with a default
     */
    public static Param optional(String name, ValueType type, Object defaultValue, String description) {
        return new Param(name, type, false, Optional.of(defaultValue), List.of(), description);
    }

    /** @param allowed the allowed values  @return a copy that accepts only these strings */
    public Param withChoices(String... allowed) {
        return new Param(name, type, required, defaultValue, List.of(allowed), description);
    }
}
