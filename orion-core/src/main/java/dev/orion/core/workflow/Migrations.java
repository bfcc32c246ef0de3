package dev.orion.core.workflow;

import dev.orion.core.workflow.internal.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The migration chain: each older schema version is rewritten into the next one until the current
 * version is reached, on the node tree (so positions still point into the user's file).
 *
 * <p>Version 1 named a step's type {@code kind} and its inputs {@code params}; version 2 calls them
 * {@code type} and {@code with}.
 */
final class Migrations {

    static final int CURRENT = 2;

    private Migrations() {
    }

    /** @param version a schema version  @return whether a migration path to {@link #CURRENT} exists */
    static boolean supported(long version) {
        return version >= 1 && version <= CURRENT;
    }

    /**
     * @param root    the document
     * @param version its version, {@link #supported}
     * @return the document in the current version
     */
    static Node.MapNode toCurrent(Node.MapNode root, long version) {
        Node.MapNode r = root;
        for (long v = version; v < CURRENT; v++) {
            if (v == 1) {
                r = oneToTwo(r);
            }
        }
        return r;
    }

    private static Node.MapNode oneToTwo(Node.MapNode root) {
        Optional<Node> steps = root.get("steps");
        if (steps.isEmpty() || !(steps.get() instanceof Node.ListNode list)) {
            return root;
        }
        List<Node> migrated = new ArrayList<>();
        for (Node item : list.items()) {
            migrated.add(item instanceof Node.MapNode step ? rename(rename(step, "kind", "type"), "params", "with") : item);
        }
        return replace(root, "steps", new Node.ListNode(migrated, list.line(), list.column()));
    }

    private static Node.MapNode rename(Node.MapNode map, String from, String to) {
        if (!map.entries().containsKey(from) || map.entries().containsKey(to)) {
            return map;
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Node.Scalar> keys = new LinkedHashMap<>();
        map.entries().forEach((k, v) -> {
            String name = k.equals(from) ? to : k;
            entries.put(name, v);
            Node.Scalar key = map.keys().get(k);
            keys.put(name, new Node.Scalar(Optional.of(name), key.line(), key.column()));
        });
        return new Node.MapNode(entries, keys, map.line(), map.column());
    }

    private static Node.MapNode replace(Node.MapNode map, String key, Node value) {
        Map<String, Node> entries = new LinkedHashMap<>(map.entries());
        entries.put(key, value);
        return new Node.MapNode(entries, map.keys(), map.line(), map.column());
    }
}
