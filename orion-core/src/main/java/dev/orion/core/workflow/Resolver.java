package dev.orion.core.workflow;

import dev.orion.core.workflow.internal.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Replaces the references of a value node by run-time values: workflow inputs, step outputs, the fan-out item. */
final class Resolver {

    private final Map<String, Object> inputs;
    private final Map<String, Map<String, Object>> outputs;

    Resolver(Map<String, Object> inputs, Map<String, Map<String, Object>> outputs) {
        this.inputs = inputs;
        this.outputs = outputs;
    }

    Object resolve(Node node, Optional<Object> item) {
        if (node instanceof Node.ListNode l) {
            List<Object> out = new ArrayList<>();
            l.items().forEach(i -> out.add(resolve(i, item)));
            return Collections.unmodifiableList(out);
        }
        if (node instanceof Node.MapNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> out.put(k, resolve(v, item)));
            return Collections.unmodifiableMap(out);
        }
        Object v = ((Node.Scalar) node).value().orElse("");
        if (!(v instanceof String s)) {
            return v;
        }
        Optional<Reference> whole = Reference.whole(s);
        if (whole.isPresent()) {
            return value(whole.get(), item);
        }
        return Reference.findAll(s).isEmpty() ? s : Reference.interpolate(s, r -> String.valueOf(value(r, item)));
    }

    private Object value(Reference r, Optional<Object> item) {
        return switch (r.kind()) {
            case ITEM -> item.orElseThrow(() -> new IllegalStateException("${item} outside a fan-out"));
            case INPUT -> inputs.get(r.name());
            case STEP -> {
                Map<String, Object> o = outputs.get(r.step());
                if (o == null || !o.containsKey(r.name())) {
                    throw new IllegalStateException("step '" + r.step() + "' has not given output '" + r.name() + "'");
                }
                yield o.get(r.name());
            }
            case MALFORMED -> throw new IllegalStateException("malformed reference " + r.text());
        };
    }
}
