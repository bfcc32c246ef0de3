package dev.orion.core.workflow;

import static dev.orion.core.workflow.ValidationContext.label;
import static dev.orion.core.workflow.ValidationContext.sorted;
import static dev.orion.core.workflow.ValidationContext.text;

import dev.orion.core.workflow.internal.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks the document's structure and keys: tags, the inputs block, the steps list and each step's id and type. */
final class StructureChecks {

    private static final Set<String> STEP_KEYS = Set.of("id", "type", "description", "with", "for_each", "when", "retries", "on_failure");
    private static final Set<String> INPUT_KEYS = Set.of("type", "default", "description");

    private final ValidationContext c;

    StructureChecks(ValidationContext c) {
        this.c = c;
    }

    List<String> tags(Node node) {
        List<String> tags = new ArrayList<>();
        if (node instanceof Node.ListNode l) {
            l.items().forEach(i -> c.string(i).ifPresentOrElse(tags::add, () -> c.error(i, "a tag must be a string, got a " + i.kindName())));
        } else {
            c.error(node, "'tags' must be a list of strings, got a " + node.kindName());
        }
        return tags;
    }

    void inputs(Node node) {
        if (!(node instanceof Node.MapNode map)) {
            c.error(node, "'inputs' must be a mapping of input names to types, got a " + node.kindName());
            return;
        }
        map.entries().forEach((name, spec) -> {
            Node keyNode = map.keyNode(name);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                c.error(keyNode, "input name '" + name + "' must be letters, digits and underscores");
                return;
            }
            Node typeNode = spec;
            Optional<Node> defaultNode = Optional.empty();
            String description = "";
            if (spec instanceof Node.MapNode m) {
                m.entries().keySet().stream().filter(k -> !INPUT_KEYS.contains(k))
                        .forEach(k -> c.error(m.keyNode(k), "input '" + name + "': unknown key '" + k + "' (known: " + sorted(INPUT_KEYS) + ")"));
                typeNode = m.get("type").orElse(null);
                defaultNode = m.get("default");
                description = m.get("description").flatMap(c::string).orElse("");
                if (typeNode == null) {
                    c.error(keyNode, "input '" + name + "': missing 'type'");
                    return;
                }
            }
            Optional<ValueType> type = c.string(typeNode).flatMap(ValueType::parse);
            if (type.isEmpty()) {
                c.error(typeNode, "input '" + name + "': unknown type " + text(typeNode) + " (known: string, number, integer, "
                        + "boolean, structure, result, object, any, list<T>)");
                return;
            }
            Optional<Object> def = defaultNode.map(Values::literal);
            if (def.isPresent() && !type.get().matches(def.get())) {
                c.error(defaultNode.get(), "input '" + name + "': default " + text(defaultNode.get()) + " is not a " + type.get());
            }
            c.inputs.put(name, new InputDef(name, type.get(), def, description, keyNode));
        });
    }

    List<Node.MapNode> stepList(Node.MapNode root) {
        Optional<Node> steps = root.get("steps");
        if (steps.isEmpty()) {
            c.error(root, "missing 'steps'");
            return List.of();
        }
        if (!(steps.get() instanceof Node.ListNode list) || list.items().isEmpty()) {
            c.error(steps.get(), "'steps' must be a non-empty list of steps");
            return List.of();
        }
        List<Node.MapNode> out = new ArrayList<>();
        for (Node item : list.items()) {
            if (item instanceof Node.MapNode m) {
                out.add(m);
            } else {
                c.error(item, "a step must be a mapping with id and type, got a " + item.kindName());
            }
        }
        return out;
    }

    /**
     * Registers a step under its id; a step without a valid, unique id is still checked, under a key that no
     * reference can name ({@code @line}), so that its other problems are reported too.
     */
    void header(Node.MapNode step) {
        step.entries().keySet().stream().filter(k -> !STEP_KEYS.contains(k))
                .forEach(k -> c.error(step.keyNode(k), "unknown step key '" + k + "' (known: " + sorted(STEP_KEYS) + ")"));
        Optional<String> written = step.get("id").flatMap(c::string);
        Optional<String> id = written;
        if (written.isEmpty()) {
            c.error(step, "a step needs an 'id'");
        } else if (!written.get().matches("[A-Za-z_][A-Za-z0-9_-]*")) {
            c.error(step.get("id").get(), "step id '" + written.get() + "' must be letters, digits, '_' and '-'");
            id = Optional.empty();
        } else if (c.stepNodes.containsKey(written.get())) {
            c.error(step.get("id").get(), "duplicate step id '" + written.get() + "' (first defined at line "
                    + c.stepNodes.get(written.get()).line() + ")");
            id = Optional.empty();
        }
        if (id.isEmpty()) {
            id = Optional.of("@" + step.line());
        }
        c.stepNodes.put(id.get(), step);
        Optional<String> typeName = step.get("type").flatMap(c::string);
        if (typeName.isEmpty()) {
            c.error(step, label(id.get()) + ": missing 'type'");
        } else if (!c.types.containsKey(typeName.get())) {
            c.error(step.get("type").get(), label(id.get()) + ": unknown step type '" + typeName.get() + "'"
                    + Suggestions.didYouMean(typeName.get(), c.types.keySet()));
        } else {
            c.stepTypes.put(id.get(), c.types.get(typeName.get()));
        }
    }
}
