package dev.orion.store;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Boundary checks shared by the records of this package; messages name the argument and value. */
final class StoreArguments {

    private StoreArguments() {
    }

    static String text(String argument, String value, int maxLength) {
        Objects.requireNonNull(value, argument);
        if (value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(argument + " must be 1-" + maxLength
                    + " non-blank characters, got '" + abbreviate(value) + "'");
        }
        return value;
    }

    static Map<String, String> metadata(Map<String, String> metadata) {
        Objects.requireNonNull(metadata, "metadata");
        Map<String, String> copy = new TreeMap<>();
        metadata.forEach((k, v) -> copy.put(text("metadata key", k, 200), Objects.requireNonNull(v, "metadata value of " + k)));
        return Map.copyOf(copy);
    }

    static Set<String> tags(Set<String> tags) {
        Objects.requireNonNull(tags, "tags");
        Set<String> copy = new TreeSet<>();
        for (String tag : tags) {
            copy.add(text("tag", tag, 100));
        }
        return Set.copyOf(copy);
    }

    static Map<String, Double> properties(Map<String, Double> properties) {
        Objects.requireNonNull(properties, "properties");
        properties.forEach((k, v) -> {
            text("property name", k, 200);
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("property '" + k + "' must be a finite number, got " + v);
            }
        });
        return Map.copyOf(properties);
    }

    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
