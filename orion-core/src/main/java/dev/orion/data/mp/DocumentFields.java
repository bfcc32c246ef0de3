package dev.orion.data.mp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orion.StructureParseException;
import dev.orion.io.json.PymatgenJson;
import dev.orion.structure.Structure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * One document (or a nested block of it) being typed: every read takes the field out, so what is left
 * at the end is exactly what ORION does not model, kept as the record's {@code extras}. Shared by the
 * readers of every route.
 */
final class DocumentFields {

    private final ObjectNode node;
    private final String source;

    private DocumentFields(ObjectNode node, String source) {
        this.node = node;
        this.source = source;
    }

    /** A working copy of {@code doc}; {@code source} (a URL) names it in errors. */
    static DocumentFields of(JsonNode doc, String source) {
        if (!doc.isObject()) {
            throw new MaterialsProjectException(200, "document of " + source + " is not an object: " + abbreviate(doc));
        }
        return new DocumentFields(((ObjectNode) doc).deepCopy(), source);
    }

    /** @throws MaterialsProjectException if the field is missing or not text */
    String required(String field) {
        JsonNode n = node.remove(field);
        if (n == null || !n.isTextual()) {
            throw new MaterialsProjectException(200, "document of " + source + " without a text " + field + ": "
                    + abbreviate(node));
        }
        return n.asText();
    }

    Optional<String> text(String field) {
        JsonNode n = node.remove(field);
        return n != null && n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
    }

    /** A text field mapped by {@code parse}; a value it does not know stays in the extras as sent. */
    <T> Optional<T> parsed(String field, Function<String, Optional<T>> parse) {
        JsonNode n = node.get(field);
        Optional<T> value = n != null && n.isTextual() ? parse.apply(n.asText()) : Optional.empty();
        if (value.isPresent()) {
            node.remove(field);
        }
        return value;
    }

    /** The first of these numeric fields that is present (a field the API spells two ways). */
    OptionalDouble real(String field, String alias) {
        OptionalDouble value = real(field);
        return value.isPresent() ? value : real(alias);
    }

    OptionalInt integer(String field) {
        JsonNode n = node.remove(field);
        return n != null && n.canConvertToInt() ? OptionalInt.of(n.asInt()) : OptionalInt.empty();
    }

    OptionalDouble real(String field) {
        JsonNode n = node.remove(field);
        return n != null && n.isNumber() ? OptionalDouble.of(n.asDouble()) : OptionalDouble.empty();
    }

    Optional<Boolean> bool(String field) {
        JsonNode n = node.remove(field);
        return n != null && n.isBoolean() ? Optional.of(n.asBoolean()) : Optional.empty();
    }

    /** The items of an array of text (empty if absent or null); another shape stays in the extras as sent. */
    List<String> texts(String field) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            node.remove(field);
            return List.of();
        }
        if (!n.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                return List.of();
            }
            out.add(e.asText());
        }
        node.remove(field);
        return out;
    }

    /**
     * An object of text lists (e.g. {@code database_IDs}: database name to ids); empty, and left in the
     * extras as sent, if absent or of another shape.
     */
    Optional<Map<String, List<String>>> textLists(String field) {
        if (!(node.get(field) instanceof ObjectNode n)) {
            return Optional.empty();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            if (!e.getValue().isArray()) {
                return Optional.empty();
            }
            List<String> values = new ArrayList<>();
            for (JsonNode v : e.getValue()) {
                if (!v.isTextual()) {
                    return Optional.empty();
                }
                values.add(v.asText());
            }
            out.put(e.getKey(), List.copyOf(values));
        }
        node.remove(field);
        return Optional.of(out);
    }

    /** A matrix of numbers (e.g. a Voigt tensor), empty if absent or not a list of number lists. */
    Optional<List<List<Double>>> matrix(String field) {
        JsonNode n = node.get(field);
        if (n == null || !n.isArray()) {
            return Optional.empty();
        }
        List<List<Double>> rows = new ArrayList<>();
        for (JsonNode row : n) {
            if (!row.isArray()) {
                return Optional.empty();
            }
            List<Double> values = new ArrayList<>();
            for (JsonNode v : row) {
                if (!v.isNumber()) {
                    return Optional.empty();
                }
                values.add(v.asDouble());
            }
            rows.add(List.copyOf(values));
        }
        node.remove(field);
        return Optional.of(List.copyOf(rows));
    }

    /** A pymatgen structure dict converted to a {@link Structure}, for the document {@code id}. */
    Optional<Structure> structure(String field, String id) {
        JsonNode s = node.remove(field);
        if (s == null || s.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PymatgenJson.structureFromDict(s));
        } catch (StructureParseException e) {
            throw new MaterialsProjectException(200, field + " of " + id + " from " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a nested object with {@code reader}; the block stays in the extras with what the reader did
     * not take, and goes once nothing is left of it.
     */
    <T> Optional<T> nested(String field, Function<DocumentFields, T> reader) {
        if (!(node.get(field) instanceof ObjectNode child)) {
            return Optional.empty();
        }
        T value = reader.apply(new DocumentFields(child, source));
        if (child.isEmpty()) {
            node.remove(field);
        }
        return Optional.of(value);
    }

    /**
     * Reads every object of an array field with {@code reader}; the field goes if each item was read
     * whole, else it stays in the extras as sent.
     */
    <T> List<T> each(String field, Function<DocumentFields, T> reader) {
        JsonNode n = node.get(field);
        if (n == null || !n.isArray()) {
            return List.of();
        }
        List<T> out = new ArrayList<>();
        boolean whole = true;
        for (JsonNode item : n) {
            if (item instanceof ObjectNode o) {
                ObjectNode copy = o.deepCopy();
                out.add(reader.apply(new DocumentFields(copy, source)));
                whole &= copy.isEmpty();
            } else {
                whole = false;
            }
        }
        if (whole) {
            node.remove(field);
        }
        return out;
    }

    /** @return what is left: the fields no reader took */
    JsonNode rest() {
        return node;
    }

    private static String abbreviate(JsonNode n) {
        String text = n.toString();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
