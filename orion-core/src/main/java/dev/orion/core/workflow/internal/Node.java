package dev.orion.core.workflow.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed YAML or JSON value that remembers where it was written (1-based line and column), so
 * that every validation problem can point at the text that caused it.
 */
public sealed interface Node {

    /** @return the 1-based line of the value's first character */
    int line();

    /** @return the 1-based column of the value's first character */
    int column();

    /**
     * A mapping. Keys keep their order and their own positions.
     *
     * @param entries  the values by key, in order
     * @param keys     the key nodes by key (for pointing at a key)
     * @param line     line
     * @param column   column
     */
    record MapNode(Map<String, Node> entries, Map<String, Scalar> keys, int line, int column) implements Node {

        /** Copies. */
        public MapNode {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        }

        /** @param key a key  @return its value */
        public Optional<Node> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        /** @param key a key  @return the node to point at for the key (the key itself), or this map */
        public Node keyNode(String key) {
            Node k = keys.get(key);
            return k == null ? this : k;
        }
    }

    /**
     * A sequence.
     *
     * @param items  the items
     * @param line   line
     * @param column column
     */
    record ListNode(List<Node> items, int line, int column) implements Node {

        /** Copies. */
        public ListNode {
            items = List.copyOf(items);
        }
    }

    /**
     * A scalar: a {@link String}, {@link Double}, {@link Long} (a {@link java.math.BigInteger} beyond a long),
     * {@link Boolean}, or absent for null.
     *
     * @param value  the value, empty for null
     * @param line   line
     * @param column column
     */
    record Scalar(Optional<Object> value, int line, int column) implements Node {

        /** @return the value as text ("null" for null) */
        public String text() {
            return value.map(String::valueOf).orElse("null");
        }
    }

    /** @return a name of the node's kind for messages: mapping, list, string, number, boolean, null */
    default String kindName() {
        if (this instanceof MapNode) {
            return "mapping";
        }
        if (this instanceof ListNode) {
            return "list";
        }
        Optional<Object> v = ((Scalar) this).value();
        if (v.isEmpty()) {
            return "null";
        }
        Object o = v.get();
        return o instanceof String ? "string" : o instanceof Boolean ? "boolean" : "number";
    }
}
