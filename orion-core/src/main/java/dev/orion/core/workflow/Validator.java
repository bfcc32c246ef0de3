package dev.orion.core.workflow;

import static dev.orion.core.workflow.ValidationContext.sorted;

import dev.orion.core.workflow.ReferenceChecks.Scope;
import dev.orion.core.workflow.internal.Node;
import dev.orion.core.workflow.internal.NodeReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one workflow document and collects every problem (it never stops at the first), then builds the
 * {@link Workflow} if there was no error. The checks by concern: {@link StructureChecks} (structure and keys),
 * {@link StepChecks} (each step against its type), {@link ReferenceChecks} (references and types), {@link StepGraph}
 * (cycles and reachability); they share a {@link ValidationContext}.
 */
final class Validator {

    private static final Set<String> TOP_KEYS = Set.of("version", "name", "description", "tags", "inputs", "steps", "outputs");

    private final ValidationContext c;
    private final StructureChecks structure;
    private final ReferenceChecks refs;
    private final StepChecks stepChecks;

    Validator(Map<String, StepType> types, int maxFanOut, String file) {
        this.c = new ValidationContext(types, maxFanOut, file);
        this.structure = new StructureChecks(c);
        this.refs = new ReferenceChecks(c);
        this.stepChecks = new StepChecks(c, refs);
    }

    ImportResult validate(String text, Optional<Path> folder) {
        NodeReader.Result read = NodeReader.read(text, c.file);
        read.problems().forEach(p -> c.problems.add(new Problem(Problem.Severity.ERROR, c.file, p.line(), p.column(), p.message())));
        if (read.root().isEmpty()) {
            return c.result(Optional.empty());
        }
        if (!(read.root().get() instanceof Node.MapNode root)) {
            c.error(read.root().get(), "a workflow must be a mapping with version, name and steps, got a " + read.root().get().kindName());
            return c.result(Optional.empty());
        }
        Optional<Node.MapNode> current = version(root);
        if (current.isEmpty()) {
            return c.result(Optional.empty());
        }
        return c.result(document(current.get(), text, folder));
    }

    private Optional<Node.MapNode> version(Node.MapNode root) {
        Optional<Node> v = root.get("version");
        if (v.isEmpty()) {
            c.error(root, "missing 'version' (the current schema version is " + Migrations.CURRENT + ")");
            return Optional.empty();
        }
        Object value = v.get() instanceof Node.Scalar s ? s.value().orElse("") : "";
        long version = value instanceof Long l ? l : value instanceof String str && str.matches("\\d{1,9}") ? Long.parseLong(str) : -1;
        if (!Migrations.supported(version)) {
            c.error(v.get(), "unsupported version '" + (v.get() instanceof Node.Scalar s ? s.text() : v.get().kindName())
                    + "': this ORION reads versions 1 to " + Migrations.CURRENT);
            return Optional.empty();
        }
        if (version < Migrations.CURRENT) {
            c.warn(v.get(), "version " + version + " is old; read by migrating to version " + Migrations.CURRENT);
        }
        return Optional.of(Migrations.toCurrent(root, version));
    }

    private Optional<Workflow> document(Node.MapNode root, String text, Optional<Path> folder) {
        root.entries().keySet().stream().filter(k -> !TOP_KEYS.contains(k))
                .forEach(k -> c.error(root.keyNode(k), "unknown key '" + k + "' (known: " + sorted(TOP_KEYS) + ")"));
        String name = root.get("name").flatMap(c::string).orElse("");
        if (root.get("name").isEmpty()) {
            c.error(root, "missing 'name'");
        } else if (name.isBlank()) {
            c.error(root.get("name").get(), "'name' must be a non-empty string");
        }
        String description = root.get("description").flatMap(c::string).orElse("");
        List<String> tags = root.get("tags").map(structure::tags).orElse(List.of());
        root.get("inputs").ifPresent(structure::inputs);
        List<Node.MapNode> steps = structure.stepList(root);
        for (Node.MapNode step : steps) {
            structure.header(step);
        }
        Map<String, StepDef> defs = new LinkedHashMap<>();
        for (Map.Entry<String, Node.MapNode> e : c.stepNodes.entrySet()) {
            StepType type = c.stepTypes.get(e.getKey());
            if (type != null) {
                defs.put(e.getKey(), stepChecks.body(e.getKey(), type, e.getValue()));
            }
        }
        Map<String, Node> outputs = outputs(root);
        StepGraph graph = new StepGraph(defs, c::error, c::warn);
        graph.cycles();
        graph.reachability(outputs);
        c.inputs.values().stream().filter(i -> !c.usedInputs.contains(i.name()))
                .forEach(i -> c.warn(i.node(), "input '" + i.name() + "' is not used by any step or output"));
        if (c.problems.stream().anyMatch(Problem::isError)) {
            return Optional.empty();
        }
        return Optional.of(new Workflow(name, description, tags, c.file, folder, text, c.inputs, defs, outputs));
    }

    private Map<String, Node> outputs(Node.MapNode root) {
        Map<String, Node> outputs = new LinkedHashMap<>();
        Optional<Node> node = root.get("outputs");
        if (node.isEmpty()) {
            return outputs;
        }
        if (!(node.get() instanceof Node.MapNode map)) {
            c.error(node.get(), "'outputs' must be a mapping of names to references, got a " + node.get().kindName());
            return outputs;
        }
        Scope scope = new Scope("", Optional.empty(), new LinkedHashSet<>());
        map.entries().forEach((k, v) -> {
            refs.typeOf(v, scope);
            outputs.put(k, v);
        });
        return outputs;
    }
}
