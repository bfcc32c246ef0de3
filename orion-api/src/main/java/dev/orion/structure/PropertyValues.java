package dev.orion.structure;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Validation and normalisation of property values, so that every property survives a JSON round
 * trip unchanged: integral numbers become {@link Long}, other numbers {@link Double}, lists and
 * maps become unmodifiable copies.
 */
final class PropertyValues {

    private PropertyValues() {
    }

    static Map<String, Object> copyOf(Map<String, ?> properties) {
        Objects.requireNonNull(properties, "properties");
        if (properties.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        properties.forEach((k, v) -> copy.put(requireKey(k), normalize(k, v)));
        return Collections.unmodifiableMap(copy);
    }

    static String requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("property name must not be blank, got '" + key + "'");
        }
        return key;
    }

    static Object normalize(String key, Object value) {
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("property '" + key + "' must be a finite number, got " + value);
            }
            return d;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            if (big.bitLength() > 63) {
                throw new IllegalArgumentException("property '" + key + "' is too large for a long: " + value);
            }
            return big.longValue();
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(normalize(key, item));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!(k instanceof String s)) {
                    throw new IllegalArgumentException("property '" + key + "' has a non-string map key: " + k);
                }
                copy.put(s, normalize(key, v));
            });
            return Collections.unmodifiableMap(copy);
        }
        throw new IllegalArgumentException("property '" + key + "' must be a number, string, boolean, list or map, got "
                + (value == null ? "null" : value.getClass().getName()));
    }
}
