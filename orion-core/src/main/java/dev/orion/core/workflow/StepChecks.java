package dev.orion.core.workflow;

import static dev.orion.core.workflow.ValidationContext.describe;
import static dev.orion.core.workflow.ValidationContext.label;
import static dev.orion.core.workflow.ValidationContext.text;

import dev.orion.core.workflow.ReferenceChecks.Scope;
import dev.orion.core.workflow.internal.Node;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Checks each step's body against its type: its inputs (known, required, of the right type and choices, the type's own
 * checks), its condition, retries and failure policy, and its fan-out (a list, within the limit when the text fixes its size).
 */
final class StepChecks {

    private final ValidationContext c;
    private final ReferenceChecks refs;

    StepChecks(ValidationContext c, ReferenceChecks refs) {
        this.c = c;
        this.refs = refs;
    }

    StepDef body(String id, StepType type, Node.MapNode step) {
        Map<String, Node> with = new LinkedHashMap<>();
        Set<String> needs = new LinkedHashSet<>();
        Optional<ValueType> itemType = Optional.empty();
        Optional<Node> forEach = step.get("for_each");
        if (forEach.isPresent()) {
            itemType = fanOut(id, forEach.get(), needs);
        }
        Scope scope = new Scope(id, itemType, needs);
        Node withNode = step.get("with").orElse(step);
        if (step.get("with").isPresent()) {
            if (withNode instanceof Node.MapNode m) {
                with.putAll(m.entries());
            } else {
                c.error(withNode, label(id) + ": 'with' must be a mapping of input names to values, got a " + withNode.kindName());
            }
        }
        Map<String, Param> params = new LinkedHashMap<>();
        type.parameters().forEach(p -> params.put(p.name(), p));
        Map<String, Object> literals = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : with.entrySet()) {
            Param p = params.get(e.getKey());
            Node keyNode = ((Node.MapNode) withNode).keyNode(e.getKey());
            if (p == null) {
                c.error(keyNode, label(id) + ": unknown input '" + e.getKey() + "' of " + type.name()
                        + Suggestions.didYouMean(e.getKey(), params.keySet()) + " (inputs: " + String.join(", ", params.keySet()) + ")");
                continue;
            }
            Optional<ValueType> actual = refs.typeOf(e.getValue(), scope);
            actual.ifPresent(a -> {
                if (!p.type().accepts(a)) {
                    c.error(e.getValue(), label(id) + ": input '" + p.name() + "' expects " + p.type() + ", got " + a + describe(e.getValue()));
                }
            });
            if (Values.isLiteral(e.getValue())) {
                Object literal = Values.literal(e.getValue());
                literals.put(p.name(), literal);
                if (!p.choices().isEmpty() && literal instanceof String s && !p.choices().contains(s)) {
                    c.error(e.getValue(), label(id) + ": input '" + p.name() + "' must be one of " + p.choices() + ", got '" + s + "'");
                }
            }
        }
        params.values().stream().filter(p -> p.required() && !with.containsKey(p.name()))
                .forEach(p -> c.error(withNode == step ? step : withNode, label(id) + ": missing required input '" + p.name() + "' ("
                        + p.type() + ") of " + type.name()));
        params.values().stream().filter(p -> !literals.containsKey(p.name()) && !with.containsKey(p.name()))
                .forEach(p -> p.defaultValue().ifPresent(d -> literals.put(p.name(), d)));
        for (String message : type.check(literals)) {
            int colon = message.indexOf(':');
            String param = colon > 0 ? message.substring(0, colon) : "";
            Node at = with.containsKey(param) ? with.get(param) : withNode;
            c.error(at, label(id) + ": " + message);
        }
        Optional<Node> when = step.get("when");
        when.ifPresent(w -> refs.typeOf(w, scope).ifPresent(t -> {
            if (!ValueType.BOOLEAN.accepts(t)) {
                c.error(w, label(id) + ": 'when' must be a boolean, got " + t + describe(w));
            }
        }));
        int retries = step.get("retries").map(r -> retries(id, r)).orElse(0);
        StepDef.FailurePolicy policy = step.get("on_failure").map(f -> policy(id, f)).orElse(StepDef.FailurePolicy.STOP);
        OptionalInt items = forEach.map(this::staticSize).orElse(OptionalInt.empty());
        return new StepDef(id, type, with, forEach, when, retries, policy, scope.needs(), items, step);
    }

    private Optional<ValueType> fanOut(String id, Node forEach, Set<String> needs) {
        Optional<ValueType> listType = refs.typeOf(forEach, new Scope(id, Optional.empty(), needs));
        if (listType.isEmpty()) {
            return Optional.of(ValueType.ANY);
        }
        if (!listType.get().isList() && listType.get().kind() != ValueType.Kind.ANY) {
            c.error(forEach, label(id) + ": 'for_each' needs a list, got " + listType.get() + describe(forEach));
            return Optional.of(ValueType.ANY);
        }
        OptionalInt size = staticSize(forEach);
        if (size.isPresent() && size.getAsInt() > c.maxFanOut) {
            c.error(forEach, label(id) + ": fan-out over " + size.getAsInt() + " items exceeds the limit of " + c.maxFanOut);
        }
        return Optional.of(listType.get().element().orElse(ValueType.ANY));
    }

    /** The number of items a fan-out will have, when the text fixes it. */
    private OptionalInt staticSize(Node node) {
        return staticSize(node, 0);
    }

    private OptionalInt staticSize(Node node, int depth) {
        if (node instanceof Node.ListNode l) {
            return OptionalInt.of(l.items().size());
        }
        Optional<Reference> ref = node instanceof Node.Scalar s && s.value().orElse(null) instanceof String str
                ? Reference.whole(str) : Optional.empty();
        if (ref.isEmpty()) {
            return OptionalInt.empty();
        }
        Reference r = ref.get();
        if (r.kind() == Reference.Kind.INPUT && c.inputs.containsKey(r.name())) {
            return c.inputs.get(r.name()).defaultValue().filter(v -> v instanceof List<?>).map(v -> OptionalInt.of(((List<?>) v).size()))
                    .orElse(OptionalInt.empty());
        }
        if (r.kind() == Reference.Kind.STEP && c.stepTypes.containsKey(r.step()) && c.stepNodes.get(r.step()).entries().containsKey("for_each")) {
            // a fanned-out step's outputs have one entry per item
            return depth > c.stepNodes.size() ? OptionalInt.empty() : staticSize(c.stepNodes.get(r.step()).get("for_each").get(), depth + 1);
        }
        if (r.kind() == Reference.Kind.STEP && c.stepTypes.containsKey(r.step())) {
            Map<String, Object> literals = new LinkedHashMap<>();
            c.stepNodes.get(r.step()).get("with").filter(w -> w instanceof Node.MapNode).map(w -> (Node.MapNode) w)
                    .ifPresent(w -> w.entries().forEach((k, v) -> {
                        if (Values.isLiteral(v)) {
                            literals.put(k, Values.literal(v));
                        }
                    }));
            c.stepTypes.get(r.step()).parameters().forEach(p -> p.defaultValue().ifPresent(d -> literals.putIfAbsent(p.name(), d)));
            return c.stepTypes.get(r.step()).listSize(literals);
        }
        return OptionalInt.empty();
    }

    private int retries(String id, Node node) {
        Object v = node instanceof Node.Scalar s ? s.value().orElse(null) : null;
        if (v instanceof Long n && n >= 0 && n <= 10) {
            return n.intValue();
        }
        c.error(node, label(id) + ": 'retries' must be a whole number from 0 to 10, got " + text(node));
        return 0;
    }

    private StepDef.FailurePolicy policy(String id, Node node) {
        Optional<String> s = c.string(node);
        if (s.isPresent() && (s.get().equals("stop") || s.get().equals("continue"))) {
            return StepDef.FailurePolicy.valueOf(s.get().toUpperCase(java.util.Locale.ROOT));
        }
        c.error(node, label(id) + ": 'on_failure' must be 'stop' or 'continue', got " + text(node));
        return StepDef.FailurePolicy.STOP;
    }
}
