package dev.orion.core.workflow;

import static dev.orion.core.workflow.ValidationContext.label;

import dev.orion.core.workflow.internal.Node;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks references and types: what each value refers to exists, and the type it gives; records the steps it needs. */
final class ReferenceChecks {

    private final ValidationContext c;

    ReferenceChecks(ValidationContext c) {
        this.c = c;
    }

    /** The type of a value node, after checking its references; empty when a reference is broken. */
    Optional<ValueType> typeOf(Node node, Scope scope) {
        if (node instanceof Node.ListNode l) {
            List<Optional<ValueType>> items = l.items().stream().map(i -> typeOf(i, scope)).toList();
            if (items.stream().anyMatch(Optional::isEmpty)) {
                return Optional.empty();
            }
            Set<String> distinct = new HashSet<>();
            items.forEach(t -> distinct.add(t.get().toString()));
            return Optional.of(ValueType.listOf(distinct.size() == 1 ? items.get(0).get() : ValueType.ANY));
        }
        if (node instanceof Node.MapNode m) {
            boolean ok = true;
            for (Node v : m.entries().values()) {
                ok &= typeOf(v, scope).isPresent();
            }
            return ok ? Optional.of(ValueType.OBJECT) : Optional.empty();
        }
        Node.Scalar s = (Node.Scalar) node;
        Object v = s.value().orElse(null);
        if (v == null) {
            return Optional.of(ValueType.ANY);
        }
        if (!(v instanceof String str)) {
            return Optional.of(v instanceof Boolean ? ValueType.BOOLEAN : v instanceof Long ? ValueType.INTEGER : ValueType.NUMBER);
        }
        List<Reference> refs = Reference.findAll(str);
        boolean ok = true;
        for (Reference r : refs) {
            ok &= resolve(r, node, scope).isPresent();
        }
        if (!ok) {
            return Optional.empty();
        }
        Optional<Reference> whole = Reference.whole(str);
        return whole.isPresent() ? resolve(whole.get(), null, scope) : Optional.of(ValueType.STRING);
    }

    /** The type a reference gives, reporting at {@code at} (when not null) why it is broken. */
    private Optional<ValueType> resolve(Reference r, Node at, Scope scope) {
        String where = scope.step.isEmpty() ? "outputs" : label(scope.step);
        switch (r.kind()) {
            case MALFORMED -> {
                c.report(at, where + ": malformed reference '" + r.text() + "' (use ${inputs.NAME}, ${steps.ID.outputs.NAME} or ${item})");
                return Optional.empty();
            }
            case ITEM -> {
                if (scope.item.isEmpty()) {
                    c.report(at, where + ": ${item} is only defined in a step with 'for_each'");
                }
                return scope.item;
            }
            case INPUT -> {
                InputDef in = c.inputs.get(r.name());
                if (in == null) {
                    c.report(at, where + ": unknown workflow input '" + r.name() + "'" + Suggestions.didYouMean(r.name(), c.inputs.keySet()));
                    return Optional.empty();
                }
                c.usedInputs.add(r.name());
                return Optional.of(in.type());
            }
            default -> {
                if (!c.stepNodes.containsKey(r.step())) {
                    c.report(at, where + ": reference to unknown step '" + r.step() + "'" + Suggestions.didYouMean(r.step(), c.stepNodes.keySet().stream().filter(k -> !k.startsWith("@")).toList()));
                    return Optional.empty();
                }
                scope.needs.add(r.step());
                StepType type = c.stepTypes.get(r.step());
                if (type == null) {
                    return Optional.empty();
                }
                ValueType out = type.outputs().get(r.name());
                if (out == null) {
                    c.report(at, where + ": step '" + r.step() + "' (" + type.name() + ") has no output '" + r.name() + "' (outputs: "
                            + String.join(", ", type.outputs().keySet()) + ")");
                    return Optional.empty();
                }
                return Optional.of(c.stepNodes.get(r.step()).entries().containsKey("for_each") ? ValueType.listOf(out) : out);
            }
        }
    }

    /** What a value may refer to: the step it belongs to, the type of {@code ${item}}, and the steps it needs. */
    record Scope(String step, Optional<ValueType> item, Set<String> needs) {
    }
}
