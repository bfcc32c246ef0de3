package dev.orion.core.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Generates the JSON schema (draft 2020-12 subset that OpenAI and Anthropic tool definitions accept) of a
 * Java type, so a tool's argument schema is derived from the record its code reads and cannot drift from it.
 * Supported: records (an object whose components are all required, no other properties), enums (a string
 * from the constants' names), {@code List}/{@code Set} of a supported type (an array), {@code Map} from
 * {@code String} to a supported type (an object of free keys), numbers (integers as {@code integer}),
 * {@code String}, {@code boolean}.
 *
 * <pre>{@code
 * record Predict(List<Point> points) { }
 * String schema = JsonSchemas.of(Predict.class);   // {"type":"object","properties":{"points":{"type":"array",...}},...}
 * }</pre>
 */
public final class JsonSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonSchemas() {
    }

    /**
     * @param type a record (or another supported type)
     * @return its schema as JSON text
     * @throws IllegalArgumentException naming the type (and the path to it) that has no schema
     */
    public static String of(Type type) {
        Objects.requireNonNull(type, "type");
        return node(type, type.getTypeName(), new ArrayList<>()).toString();
    }

    private static ObjectNode node(Type type, String path, List<Class<?>> open) {
        ObjectNode n = JSON.createObjectNode();
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                n.put("type", "array");
                n.set("items", node(args[0], path + "[]", open));
                return n;
            }
            if (Map.class.isAssignableFrom(raw) && args[0] == String.class) {
                n.put("type", "object");
                n.set("additionalProperties", node(args[1], path + "{}", open));
                return n;
            }
            throw unsupported(type, path);
        }
        if (!(type instanceof Class<?> c)) {
            throw unsupported(type, path);
        }
        if (c == String.class || c == char.class || c == Character.class) {
            return n.put("type", "string");
        }
        if (c == boolean.class || c == Boolean.class) {
            return n.put("type", "boolean");
        }
        if (c == int.class || c == long.class || c == short.class || c == byte.class || c == Integer.class
                || c == Long.class || c == Short.class || c == Byte.class) {
            return n.put("type", "integer");
        }
        if (c == double.class || c == float.class || Number.class.isAssignableFrom(c)) {
            return n.put("type", "number");
        }
        if (c.isEnum()) {
            n.put("type", "string");
            ArrayNode values = n.putArray("enum");
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return n;
        }
        if (c.isArray()) {
            n.put("type", "array");
            n.set("items", node(c.getComponentType(), path + "[]", open));
            return n;
        }
        if (c.isRecord()) {
            if (open.contains(c)) {
                throw new IllegalArgumentException("type " + path + " refers to itself; recursive types have no tool schema");
            }
            open.add(c);
            n.put("type", "object");
            ObjectNode properties = n.putObject("properties");
            ArrayNode required = n.putArray("required");
            for (RecordComponent rc : c.getRecordComponents()) {
                properties.set(rc.getName(), node(rc.getGenericType(), path + "." + rc.getName(), open));
                required.add(rc.getName());
            }
            n.put("additionalProperties", false);
            open.remove(c);
            return n;
        }
        throw unsupported(type, path);
    }

    private static IllegalArgumentException unsupported(Type type, String path) {
        return new IllegalArgumentException("type " + type.getTypeName() + " at " + path + " has no tool schema; use records,"
                + " enums, lists, maps with String keys, numbers, strings or booleans");
    }
}
