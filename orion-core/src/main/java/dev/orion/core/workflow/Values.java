package dev.orion.core.workflow;

import dev.orion.core.workflow.internal.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Turns nodes into plain values: strings, doubles or longs, booleans, lists and mappings. */
final class Values {

    private Values() {
    }

    /** @param node a node  @return whether it contains no reference anywhere */
    static boolean isLiteral(Node node) {
        return strings(node).noneMatch(s -> s.contains("${"));
    }

    /** @param node a node without references  @return its plain value (null becomes an empty string) */
    static Object literal(Node node) {
        if (node instanceof Node.ListNode l) {
            List<Object> out = new ArrayList<>();
            l.items().forEach(i -> out.add(literal(i)));
            return Collections.unmodifiableList(out);
        }
        if (node instanceof Node.MapNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> out.put(k, literal(v)));
            return Collections.unmodifiableMap(out);
        }
        return ((Node.Scalar) node).value().orElse("");
    }

    /** @param node a node  @return every string scalar in it */
    static Stream<String> strings(Node node) {
        if (node instanceof Node.ListNode l) {
            return l.items().stream().flatMap(Values::strings);
        }
        if (node instanceof Node.MapNode m) {
            return m.entries().values().stream().flatMap(Values::strings);
        }
        return ((Node.Scalar) node).value().filter(v -> v instanceof String).map(v -> (String) v).stream();
    }
}
