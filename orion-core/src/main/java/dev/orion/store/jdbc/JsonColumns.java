package dev.orion.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.store.StoreException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Maps, sets and lists stored as JSON text (the portable way to keep JSON on H2 and PostgreSQL). */
final class JsonColumns {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonColumns() {
    }

    static String write(Object value) {
        try {
            Object sorted = value instanceof Map<?, ?> m ? new TreeMap<>(m) : value instanceof Set<?> s ? new TreeSet<>(s) : value;
            return MAPPER.writeValueAsString(sorted);
        } catch (JsonProcessingException e) {
            throw new StoreException("could not serialise " + value.getClass().getSimpleName() + " to JSON", e);
        }
    }

    /** Writes a map keeping its iteration order (a model's hyperparameters are listed in the model's order). */
    static String writeInOrder(Map<String, Double> value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("could not serialise a map to JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type, String what) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt " + what + " column: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, String> stringMap(String json) {
        return read(json, new TypeReference<Map<String, String>>() { }, "metadata");
    }

    static Map<String, Double> doubleMap(String json) {
        return read(json, new TypeReference<Map<String, Double>>() { }, "properties");
    }

    static Set<String> stringSet(String json) {
        return read(json, new TypeReference<Set<String>>() { }, "tags");
    }

    static List<String> stringList(String json) {
        return read(json, new TypeReference<List<String>>() { }, "list");
    }
}
