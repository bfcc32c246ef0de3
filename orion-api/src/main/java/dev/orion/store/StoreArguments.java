package dev.orion.store;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The argument rules of the store SPI, in one place: the records of this package check their fields
 * with them, and store implementations check the bare strings, maps and sets their methods take
 * (a queue name, a rate-limit bucket, the properties of {@code putProperties}) with the same rules.
 * Every failure is an {@link IllegalArgumentException} (or a {@link NullPointerException} for a
 * missing value) whose message names the argument and the offending value.
 *
 * <pre>{@code
 * String queue = StoreArguments.text("queue", queue, 100);
 * Map<String, Double> checked = StoreArguments.properties(properties);   // sorted, unmodifiable
 * }</pre>
 */
public final class StoreArguments {

    /** The longest metadata key or property name, in characters. */
    public static final int MAX_KEY_LENGTH = 200;
    /** The longest tag, in characters. */
    public static final int MAX_TAG_LENGTH = 100;

    private StoreArguments() {
    }

    /**
     * @param argument  the argument's name, for the message
     * @param value     the value
     * @param maxLength the most characters allowed
     * @return {@code value}
     * @throws NullPointerException     if {@code value} is null
     * @throws IllegalArgumentException if it is blank or longer than {@code maxLength}
     */
    public static String text(String argument, String value, int maxLength) {
        Objects.requireNonNull(value, argument);
        if (value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(argument + " must be 1-" + maxLength
                    + " non-blank characters, got '" + abbreviate(value) + "'");
        }
        return value;
    }

    /**
     * @param metadata free-form metadata
     * @return an unmodifiable copy sorted by key
     * @throws IllegalArgumentException if a key is blank or longer than {@value #MAX_KEY_LENGTH}
     * @throws NullPointerException     if the map, a key or a value is null
     */
    public static Map<String, String> metadata(Map<String, String> metadata) {
        Objects.requireNonNull(metadata, "metadata");
        Map<String, String> copy = new TreeMap<>();
        metadata.forEach((k, v) -> copy.put(text("metadata key", k, MAX_KEY_LENGTH),
                Objects.requireNonNull(v, "metadata value of " + k)));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * @param tags tags
     * @return an unmodifiable sorted copy
     * @throws IllegalArgumentException if a tag is blank or longer than {@value #MAX_TAG_LENGTH}
     * @throws NullPointerException     if the set or a tag is null
     */
    public static Set<String> tags(Set<String> tags) {
        Objects.requireNonNull(tags, "tags");
        Set<String> copy = new TreeSet<>();
        for (String tag : tags) {
            copy.add(text("tag", tag, MAX_TAG_LENGTH));
        }
        return Collections.unmodifiableSet(copy);
    }

    /**
     * @param properties computed numeric properties
     * @return an unmodifiable copy sorted by name
     * @throws IllegalArgumentException if a name is blank or longer than {@value #MAX_KEY_LENGTH}, or a
     *                                  value is null, NaN or infinite
     * @throws NullPointerException     if the map or a name is null
     */
    public static Map<String, Double> properties(Map<String, Double> properties) {
        Objects.requireNonNull(properties, "properties");
        Map<String, Double> copy = new TreeMap<>();
        properties.forEach((k, v) -> {
            text("property name", k, MAX_KEY_LENGTH);
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("property '" + k + "' must be a finite number, got " + v);
            }
            copy.put(k, v);
        });
        return Collections.unmodifiableMap(copy);
    }

    /** @param value any text  @return it, cut to 60 characters with "..." when longer, for error messages */
    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
