package dev.orion.core.workflow;

import dev.orion.engine.CalculationResult;
import dev.orion.structure.Structure;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The type of a workflow value: of an input, a step's input or a step's output. The validator checks
 * that what feeds a step's input has a compatible type before anything runs.
 *
 * <p>Written in a workflow as {@code string}, {@code number}, {@code integer}, {@code boolean},
 * {@code structure}, {@code result} (a calculation result), {@code object} (any mapping), {@code any},
 * or {@code list<T>} of any of these.
 *
 * @param kind    the kind
 * @param element the element type of a list, empty otherwise
 */
public record ValueType(Kind kind, Optional<ValueType> element) {

    /** The kinds of values. */
    public enum Kind {
        /** Text. */
        STRING,
        /** A real number. */
        NUMBER,
        /** A whole number (also a number). */
        INTEGER,
        /** True or false. */
        BOOLEAN,
        /** A crystal structure. */
        STRUCTURE,
        /** A calculation result. */
        RESULT,
        /** A mapping of names to values. */
        OBJECT,
        /** A list of one element type. */
        LIST,
        /** Anything. */
        ANY
    }

    /** A string. */
    public static final ValueType STRING = of(Kind.STRING);
    /** A number. */
    public static final ValueType NUMBER = of(Kind.NUMBER);
    /** An integer. */
    public static final ValueType INTEGER = of(Kind.INTEGER);
    /** A boolean. */
    public static final ValueType BOOLEAN = of(Kind.BOOLEAN);
    /** A structure. */
    public static final ValueType STRUCTURE = of(Kind.STRUCTURE);
    /** A calculation result. */
    public static final ValueType RESULT = of(Kind.RESULT);
    /** A mapping. */
    public static final ValueType OBJECT = of(Kind.OBJECT);
    /** Anything. */
    public static final ValueType ANY = of(Kind.ANY);

    /** Validates. */
    public ValueType {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(element, "element");
        if ((kind == Kind.LIST) != element.isPresent()) {
            throw new IllegalArgumentException("a list type needs an element type and only a list has one, got " + kind + " " + element);
        }
    }

    private static ValueType of(Kind kind) {
        return new ValueType(kind, Optional.empty());
    }

    /** @param element the element type  @return {@code list<element>} */
    public static ValueType listOf(ValueType element) {
        return new ValueType(Kind.LIST, Optional.of(element));
    }

    /**
     * @param text a type as written in a workflow, e.g. {@code "list<structure>"}
     * @return the type, or empty if the text names no type
     */
    public static Optional<ValueType> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("list<") && t.endsWith(">")) {
            return parse(t.substring(5, t.length() - 1)).map(ValueType::listOf);
        }
        for (Kind k : Kind.values()) {
            if (k != Kind.LIST && k.name().toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(of(k));
            }
        }
        return Optional.empty();
    }

    /** @return true for {@code list<T>} */
    public boolean isList() {
        return kind == Kind.LIST;
    }

    /**
     * @param source the type of a value
     * @return whether a value of {@code source} may feed an input of this type (an integer is a number,
     *         anything feeds {@code any}, {@code any} feeds anything and is checked when the step runs)
     */
    public boolean accepts(ValueType source) {
        if (kind == Kind.ANY || source.kind == Kind.ANY) {
            return true;
        }
        if (kind == Kind.NUMBER && source.kind == Kind.INTEGER) {
            return true;
        }
        if (kind == Kind.LIST && source.kind == Kind.LIST) {
            return element.orElseThrow().accepts(source.element.orElseThrow());
        }
        return kind == source.kind;
    }

    /**
     * @param value a run-time value
     * @return whether it is of this type
     */
    public boolean matches(Object value) {
        return switch (kind) {
            case ANY -> true;
            case STRING -> value instanceof String;
            case NUMBER -> value instanceof Number;
            case INTEGER -> value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Double.isFinite(n.doubleValue());
            case BOOLEAN -> value instanceof Boolean;
            case STRUCTURE -> value instanceof Structure;
            case RESULT -> value instanceof CalculationResult;
            case OBJECT -> value instanceof Map<?, ?>;
            case LIST -> value instanceof List<?> l && l.stream().allMatch(element.orElseThrow()::matches);
        };
    }

    @Override
    public String toString() {
        return kind == Kind.LIST ? "list<" + element.orElseThrow() + ">" : kind.name().toLowerCase(Locale.ROOT);
    }
}
