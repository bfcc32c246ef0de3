package dev.orion.store.support;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Argument checks for store methods that take bare maps and sets (the records of the SPI check
 * their own fields); the rules match those of {@code NewStructure}.
 */
public final class Checks {

    private Checks() {
    }

    /** @param argument name @param value value @param max max length @return the value */
    public static String text(String argument, String value, int max) {
        Objects.requireNonNull(value, argument);
        if (value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(argument + " must be 1-" + max + " non-blank characters, got '"
                    + (value.length() > 60 ? value.substring(0, 57) + "..." : value) + "'");
        }
        return value;
    }

    /** @param properties computed properties @return a sorted copy, all finite */
    public static Map<String, Double> properties(Map<String, Double> properties) {
        Objects.requireNonNull(properties, "properties");
        Map<String, Double> copy = new TreeMap<>();
        properties.forEach((k, v) -> {
            text("property name", k, 200);
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("property '" + k + "' must be a finite number, got " + v);
            }
            copy.put(k, v);
        });
        return copy;
    }

    /** @param metadata metadata @return a sorted copy */
    public static Map<String, String> metadata(Map<String, String> metadata) {
        Objects.requireNonNull(metadata, "metadata");
        Map<String, String> copy = new TreeMap<>();
        metadata.forEach((k, v) -> copy.put(text("metadata key", k, 200), Objects.requireNonNull(v, "metadata value of " + k)));
        return copy;
    }

    /** @param tags tags @return a sorted copy */
    public static Set<String> tags(Set<String> tags) {
        Objects.requireNonNull(tags, "tags");
        Set<String> copy = new TreeSet<>();
        for (String tag : tags) {
            copy.add(text("tag", tag, 100));
        }
        return copy;
    }

    /** @param values values @return them joined by commas, sorted */
    public static String joined(Iterable<String> values) {
        return String.join(",", new TreeSet<String>(toSet(values)));
    }

    private static Set<String> toSet(Iterable<String> values) {
        Set<String> s = new TreeSet<>();
        values.forEach(s::add);
        return s;
    }
}
