package dev.orion.core.workflow;

import dev.orion.core.workflow.internal.Node;
import dev.orion.core.workflow.internal.NodeReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Checks one workflow document and collects every problem (it never stops at the first), then builds the
 * {@link Workflow} if there was no error.
 */
final class Validator {

    private static final Set<String> TOP_KEYS = Set.of("version", "name", "description", "tags", "inputs", "steps", "outputs");
    private static final Set<String> STEP_KEYS = Set.of("id", "type", "description", "with", "for_each", "when", "retries", "on_failure");
    private static final Set<String> INPUT_KEYS = Set.of("type", "default", "description");

    private final Map<String, StepType> types;
    private final int maxFanOut;
    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, InputDef> inputs = new LinkedHashMap<>();
    private final Map<String, Node.MapNode> stepNodes = new LinkedHashMap<>();
    private final Map<String, StepType> stepTypes = new LinkedHashMap<>();
    private final Set<String> usedInputs = new HashSet<>();

    Validator(Map<String, StepType> types, int maxFanOut, String file) {
        this.types = types;
        this.maxFanOut = maxFanOut;
        this.file = file;
    }

    ImportResult validate(String text, Optional<Path> folder) {
        NodeReader.Result read = NodeReader.read(text, file);
        read.problems().forEach(p -> problems.add(new Problem(Problem.Severity.ERROR, file, p.line(), p.column(), p.message())));
        if (read.root().isEmpty()) {
            return result(Optional.empty());
        }
        if (!(read.root().get() instanceof Node.MapNode root)) {
            error(read.root().get(), "a workflow must be a mapping with version, name and steps, got a " + read.root().get().kindName());
            return result(Optional.empty());
        }
        Optional<Node.MapNode> current = version(root);
        if (current.isEmpty()) {
            return result(Optional.empty());
        }
        return result(document(current.get(), text, folder));
    }

    private Optional<Node.MapNode> version(Node.MapNode root) {
        Optional<Node> v = root.get("version");
        if (v.isEmpty()) {
            error(root, "missing 'version' (the current schema version is " + Migrations.CURRENT + ")");
            return Optional.empty();
        }
        Object value = v.get() instanceof Node.Scalar s ? s.value().orElse("") : "";
        long version = value instanceof Long l ? l : value instanceof String str && str.matches("\\d{1,9}") ? Long.parseLong(str) : -1;
        if (!Migrations.supported(version)) {
            error(v.get(), "unsupported version '" + (v.get() instanceof Node.Scalar s ? s.text() : v.get().kindName())
                    + "': this ORION reads versions 1 to " + Migrations.CURRENT);
            return Optional.empty();
        }
        if (version < Migrations.CURRENT) {
            warn(v.get(), "version " + version + " is old; read by migrating to version " + Migrations.CURRENT);
        }
        return Optional.of(Migrations.toCurrent(root, version));
    }

    private Optional<Workflow> document(Node.MapNode root, String text, Optional<Path> folder) {
        root.entries().keySet().stream().filter(k -> !TOP_KEYS.contains(k))
                .forEach(k -> error(root.keyNode(k), "unknown key '" + k + "' (known: " + sorted(TOP_KEYS) + ")"));
        String name = root.get("name").flatMap(this::string).orElse("");
        if (root.get("name").isEmpty()) {
            error(root, "missing 'name'");
        } else if (name.isBlank()) {
            error(root.get("name").get(), "'name' must be a non-empty string");
        }
        String description = root.get("description").flatMap(this::string).orElse("");
        List<String> tags = root.get("tags").map(this::tags).orElse(List.of());
        root.get("inputs").ifPresent(this::inputs);
        List<Node.MapNode> steps = stepList(root);
        for (Node.MapNode step : steps) {
            header(step);
        }
        Map<String, StepDef> defs = new LinkedHashMap<>();
        for (Map.Entry<String, Node.MapNode> e : stepNodes.entrySet()) {
            StepType type = stepTypes.get(e.getKey());
            if (type != null) {
                defs.put(e.getKey(), body(e.getKey(), type, e.getValue()));
            }
        }
        Map<String, Node> outputs = outputs(root);
        StepGraph graph = new StepGraph(defs, this::error, this::warn);
        graph.cycles();
        graph.reachability(outputs);
        inputs.values().stream().filter(i -> !usedInputs.contains(i.name()))
                .forEach(i -> warn(i.node(), "input '" + i.name() + "' is not used by any step or output"));
        if (problems.stream().anyMatch(Problem::isError)) {
            return Optional.empty();
        }
        return Optional.of(new Workflow(name, description, tags, file, folder, text, inputs, defs, outputs));
    }

    private List<String> tags(Node node) {
        List<String> tags = new ArrayList<>();
        if (node instanceof Node.ListNode l) {
            l.items().forEach(i -> string(i).ifPresentOrElse(tags::add, () -> error(i, "a tag must be a string, got a " + i.kindName())));
        } else {
            error(node, "'tags' must be a list of strings, got a " + node.kindName());
        }
        return tags;
    }

    private void inputs(Node node) {
        if (!(node instanceof Node.MapNode map)) {
            error(node, "'inputs' must be a mapping of input names to types, got a " + node.kindName());
            return;
        }
        map.entries().forEach((name, spec) -> {
            Node keyNode = map.keyNode(name);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                error(keyNode, "input name '" + name + "' must be letters, digits and underscores");
                return;
            }
            Node typeNode = spec;
            Optional<Node> defaultNode = Optional.empty();
            String description = "";
            if (spec instanceof Node.MapNode m) {
                m.entries().keySet().stream().filter(k -> !INPUT_KEYS.contains(k))
                        .forEach(k -> error(m.keyNode(k), "input '" + name + "': unknown key '" + k + "' (known: " + sorted(INPUT_KEYS) + ")"));
                typeNode = m.get("type").orElse(null);
                defaultNode = m.get("default");
                description = m.get("description").flatMap(this::string).orElse("");
                if (typeNode == null) {
                    error(keyNode, "input '" + name + "': missing 'type'");
                    return;
                }
            }
            Optional<ValueType> type = string(typeNode).flatMap(ValueType::parse);
            if (type.isEmpty()) {
                error(typeNode, "input '" + name + "': unknown type " + text(typeNode) + " (known: string, number, integer, "
                        + "boolean, structure, result, object, any, list<T>)");
                return;
            }
            Optional<Object> def = defaultNode.map(Values::literal);
            if (def.isPresent() && !type.get().matches(def.get())) {
                error(defaultNode.get(), "input '" + name + "': default " + text(defaultNode.get()) + " is not a " + type.get());
            }
            inputs.put(name, new InputDef(name, type.get(), def, description, keyNode));
        });
    }

    private List<Node.MapNode> stepList(Node.MapNode root) {
        Optional<Node> steps = root.get("steps");
        if (steps.isEmpty()) {
            error(root, "missing 'steps'");
            return List.of();
        }
        if (!(steps.get() instanceof Node.ListNode list) || list.items().isEmpty()) {
            error(steps.get(), "'steps' must be a non-empty list of steps");
            return List.of();
        }
        List<Node.MapNode> out = new ArrayList<>();
        for (Node item : list.items()) {
            if (item instanceof Node.MapNode m) {
                out.add(m);
            } else {
                error(item, "a step must be a mapping with id and type, got a " + item.kindName());
            }
        }
        return out;
    }

    /**
     * Registers a step under its id; a step without a valid, unique id is still checked, under a key that no
     * reference can name ({@code @line}), so that its other problems are reported too.
     */
    private void header(Node.MapNode step) {
        step.entries().keySet().stream().filter(k -> !STEP_KEYS.contains(k))
                .forEach(k -> error(step.keyNode(k), "unknown step key '" + k + "' (known: " + sorted(STEP_KEYS) + ")"));
        Optional<String> written = step.get("id").flatMap(this::string);
        Optional<String> id = written;
        if (written.isEmpty()) {
            error(step, "a step needs an 'id'");
        } else if (!written.get().matches("[A-Za-z_][A-Za-z0-9_-]*")) {
            error(step.get("id").get(), "step id '" + written.get() + "' must be letters, digits, '_' and '-'");
            id = Optional.empty();
        } else if (stepNodes.containsKey(written.get())) {
            error(step.get("id").get(), "duplicate step id '" + written.get() + "' (first defined at line "
                    + stepNodes.get(written.get()).line() + ")");
            id = Optional.empty();
        }
        if (id.isEmpty()) {
            id = Optional.of("@" + step.line());
        }
        stepNodes.put(id.get(), step);
        Optional<String> typeName = step.get("type").flatMap(this::string);
        if (typeName.isEmpty()) {
            error(step, label(id.get()) + ": missing 'type'");
        } else if (!types.containsKey(typeName.get())) {
            error(step.get("type").get(), label(id.get()) + ": unknown step type '" + typeName.get() + "'"
                    + Suggestions.didYouMean(typeName.get(), types.keySet()));
        } else {
            stepTypes.put(id.get(), types.get(typeName.get()));
        }
    }

    private StepDef body(String id, StepType type, Node.MapNode step) {
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
                error(withNode, label(id) + ": 'with' must be a mapping of input names to values, got a " + withNode.kindName());
            }
        }
        Map<String, Param> params = new LinkedHashMap<>();
        type.parameters().forEach(p -> params.put(p.name(), p));
        Map<String, Object> literals = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : with.entrySet()) {
            Param p = params.get(e.getKey());
            Node keyNode = ((Node.MapNode) withNode).keyNode(e.getKey());
            if (p == null) {
                error(keyNode, label(id) + ": unknown input '" + e.getKey() + "' of " + type.name()
                        + Suggestions.didYouMean(e.getKey(), params.keySet()) + " (inputs: " + String.join(", ", params.keySet()) + ")");
                continue;
            }
            Optional<ValueType> actual = typeOf(e.getValue(), scope);
            actual.ifPresent(a -> {
                if (!p.type().accepts(a)) {
                    error(e.getValue(), label(id) + ": input '" + p.name() + "' expects " + p.type() + ", got " + a + describe(e.getValue()));
                }
            });
            if (Values.isLiteral(e.getValue())) {
                Object literal = Values.literal(e.getValue());
                literals.put(p.name(), literal);
                if (!p.choices().isEmpty() && literal instanceof String s && !p.choices().contains(s)) {
                    error(e.getValue(), label(id) + ": input '" + p.name() + "' must be one of " + p.choices() + ", got '" + s + "'");
                }
            }
        }
        params.values().stream().filter(p -> p.required() && !with.containsKey(p.name()))
                .forEach(p -> error(withNode == step ? step : withNode, label(id) + ": missing required input '" + p.name() + "' ("
                        + p.type() + ") of " + type.name()));
        params.values().stream().filter(p -> !literals.containsKey(p.name()) && !with.containsKey(p.name()))
                .forEach(p -> p.defaultValue().ifPresent(d -> literals.put(p.name(), d)));
        for (String message : type.check(literals)) {
            int colon = message.indexOf(':');
            String param = colon > 0 ? message.substring(0, colon) : "";
            Node at = with.containsKey(param) ? with.get(param) : withNode;
            error(at, label(id) + ": " + message);
        }
        Optional<Node> when = step.get("when");
        when.ifPresent(w -> typeOf(w, scope).ifPresent(t -> {
            if (!ValueType.BOOLEAN.accepts(t)) {
                error(w, label(id) + ": 'when' must be a boolean, got " + t + describe(w));
            }
        }));
        int retries = step.get("retries").map(r -> retries(id, r)).orElse(0);
        StepDef.FailurePolicy policy = step.get("on_failure").map(f -> policy(id, f)).orElse(StepDef.FailurePolicy.STOP);
        OptionalInt items = forEach.map(this::staticSize).orElse(OptionalInt.empty());
        return new StepDef(id, type, with, forEach, when, retries, policy, scope.needs, items, step);
    }

    private Optional<ValueType> fanOut(String id, Node forEach, Set<String> needs) {
        Optional<ValueType> listType = typeOf(forEach, new Scope(id, Optional.empty(), needs));
        if (listType.isEmpty()) {
            return Optional.of(ValueType.ANY);
        }
        if (!listType.get().isList() && listType.get().kind() != ValueType.Kind.ANY) {
            error(forEach, label(id) + ": 'for_each' needs a list, got " + listType.get() + describe(forEach));
            return Optional.of(ValueType.ANY);
        }
        OptionalInt size = staticSize(forEach);
        if (size.isPresent() && size.getAsInt() > maxFanOut) {
            error(forEach, label(id) + ": fan-out over " + size.getAsInt() + " items exceeds the limit of " + maxFanOut);
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
        if (r.kind() == Reference.Kind.INPUT && inputs.containsKey(r.name())) {
            return inputs.get(r.name()).defaultValue().filter(v -> v instanceof List<?>).map(v -> OptionalInt.of(((List<?>) v).size()))
                    .orElse(OptionalInt.empty());
        }
        if (r.kind() == Reference.Kind.STEP && stepTypes.containsKey(r.step()) && stepNodes.get(r.step()).entries().containsKey("for_each")) {
            // a fanned-out step's outputs have one entry per item
            return depth > stepNodes.size() ? OptionalInt.empty() : staticSize(stepNodes.get(r.step()).get("for_each").get(), depth + 1);
        }
        if (r.kind() == Reference.Kind.STEP && stepTypes.containsKey(r.step())) {
            Map<String, Object> literals = new LinkedHashMap<>();
            stepNodes.get(r.step()).get("with").filter(w -> w instanceof Node.MapNode).map(w -> (Node.MapNode) w)
                    .ifPresent(w -> w.entries().forEach((k, v) -> {
                        if (Values.isLiteral(v)) {
                            literals.put(k, Values.literal(v));
                        }
                    }));
            stepTypes.get(r.step()).parameters().forEach(p -> p.defaultValue().ifPresent(d -> literals.putIfAbsent(p.name(), d)));
            return stepTypes.get(r.step()).listSize(literals);
        }
        return OptionalInt.empty();
    }

    private int retries(String id, Node node) {
        Object v = node instanceof Node.Scalar s ? s.value().orElse(null) : null;
        if (v instanceof Long n && n >= 0 && n <= 10) {
            return n.intValue();
        }
        error(node, label(id) + ": 'retries' must be a whole number from 0 to 10, got " + text(node));
        return 0;
    }

    private StepDef.FailurePolicy policy(String id, Node node) {
        Optional<String> s = string(node);
        if (s.isPresent() && (s.get().equals("stop") || s.get().equals("continue"))) {
            return StepDef.FailurePolicy.valueOf(s.get().toUpperCase(java.util.Locale.ROOT));
        }
        error(node, label(id) + ": 'on_failure' must be 'stop' or 'continue', got " + text(node));
        return StepDef.FailurePolicy.STOP;
    }

    private Map<String, Node> outputs(Node.MapNode root) {
        Map<String, Node> outputs = new LinkedHashMap<>();
        Optional<Node> node = root.get("outputs");
        if (node.isEmpty()) {
            return outputs;
        }
        if (!(node.get() instanceof Node.MapNode map)) {
            error(node.get(), "'outputs' must be a mapping of names to references, got a " + node.get().kindName());
            return outputs;
        }
        Scope scope = new Scope("", Optional.empty(), new LinkedHashSet<>());
        map.entries().forEach((k, v) -> {
            typeOf(v, scope);
            outputs.put(k, v);
        });
        return outputs;
    }

    /** The type of a value node, after checking its references; empty when a reference is broken. */
    private Optional<ValueType> typeOf(Node node, Scope scope) {
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
                report(at, where + ": malformed reference '" + r.text() + "' (use ${inputs.NAME}, ${steps.ID.outputs.NAME} or ${item})");
                return Optional.empty();
            }
            case ITEM -> {
                if (scope.item.isEmpty()) {
                    report(at, where + ": ${item} is only defined in a step with 'for_each'");
                }
                return scope.item;
            }
            case INPUT -> {
                InputDef in = inputs.get(r.name());
                if (in == null) {
                    report(at, where + ": unknown workflow input '" + r.name() + "'" + Suggestions.didYouMean(r.name(), inputs.keySet()));
                    return Optional.empty();
                }
                usedInputs.add(r.name());
                return Optional.of(in.type());
            }
            default -> {
                if (!stepNodes.containsKey(r.step())) {
                    report(at, where + ": reference to unknown step '" + r.step() + "'" + Suggestions.didYouMean(r.step(), stepNodes.keySet().stream().filter(k -> !k.startsWith("@")).toList()));
                    return Optional.empty();
                }
                scope.needs.add(r.step());
                StepType type = stepTypes.get(r.step());
                if (type == null) {
                    return Optional.empty();
                }
                ValueType out = type.outputs().get(r.name());
                if (out == null) {
                    report(at, where + ": step '" + r.step() + "' (" + type.name() + ") has no output '" + r.name() + "' (outputs: "
                            + String.join(", ", type.outputs().keySet()) + ")");
                    return Optional.empty();
                }
                return Optional.of(stepNodes.get(r.step()).entries().containsKey("for_each") ? ValueType.listOf(out) : out);
            }
        }
    }

    private ImportResult result(Optional<Workflow> workflow) {
        problems.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        ImportResult.Status status = workflow.isEmpty() ? ImportResult.Status.FAILED
                : problems.isEmpty() ? ImportResult.Status.COMPLETED : ImportResult.Status.COMPLETED_WITH_WARNINGS;
        return new ImportResult(status, workflow, problems);
    }

    private Optional<String> string(Node node) {
        return node instanceof Node.Scalar s && s.value().orElse(null) instanceof String str ? Optional.of(str) : Optional.empty();
    }

    private static String text(Node node) {
        return node instanceof Node.Scalar s ? "'" + s.text() + "'" : "a " + node.kindName();
    }

    private static String describe(Node node) {
        if (node instanceof Node.Scalar s && s.value().orElse(null) instanceof String str) {
            return Reference.whole(str).map(r -> " from " + r.text()).orElse(" ('" + str + "')");
        }
        return node instanceof Node.Scalar s ? " (" + s.text() + ")" : "";
    }

    private static String sorted(Set<String> keys) {
        return String.join(", ", new java.util.TreeSet<>(keys));
    }

    static String label(String id) {
        return id.startsWith("@") ? "the step at line " + id.substring(1) : "step '" + id + "'";
    }

    private void report(Node at, String message) {
        if (at != null) {
            error(at, message);
        }
    }

    private void error(Node at, String message) {
        problems.add(new Problem(Problem.Severity.ERROR, file, at.line(), at.column(), message));
    }

    private void warn(Node at, String message) {
        problems.add(new Problem(Problem.Severity.WARNING, file, at.line(), at.column(), message));
    }

    /** What a value may refer to: the step it belongs to, the type of {@code ${item}}, and the steps it needs. */
    private record Scope(String step, Optional<ValueType> item, Set<String> needs) {
    }
}
