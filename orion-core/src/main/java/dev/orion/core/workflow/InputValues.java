package dev.orion.core.workflow;

import dev.orion.io.Structures;
import dev.orion.structure.Structure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds the values given for a run to the workflow's inputs: defaults fill the gaps, text (from a command
 * line) becomes the input's type, and every problem is reported at once, at the input's line in the file.
 */
final class InputValues {

    private InputValues() {
    }

    static Map<String, Object> bind(Workflow workflow, Map<String, ?> given) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, InputDef> defs = workflow.inputDefs();
        given.keySet().stream().filter(k -> !defs.containsKey(k)).sorted().forEach(k -> problems.add(problem(workflow, 1, 1,
                "unknown input '" + k + "'" + Suggestions.didYouMean(k, defs.keySet()) + " (inputs: " + String.join(", ", defs.keySet()) + ")")));
        for (InputDef d : defs.values()) {
            Object v = given.containsKey(d.name()) ? given.get(d.name()) : d.defaultValue().orElse(null);
            if (v == null) {
                problems.add(problem(workflow, d.node().line(), d.node().column(), "input '" + d.name() + "' (" + d.type()
                        + ") has no default and was not given"));
                continue;
            }
            try {
                out.put(d.name(), coerce(v, d.type(), workflow.folder()));
            } catch (RuntimeException e) {
                problems.add(problem(workflow, d.node().line(), d.node().column(), "input '" + d.name() + "': " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidWorkflowException(problems);
        }
        return out;
    }

    private static Problem problem(Workflow w, int line, int column, String message) {
        return new Problem(Problem.Severity.ERROR, w.fileName(), line, column, message);
    }

    private static Object coerce(Object v, ValueType type, Optional<Path> folder) {
        if (type.matches(v)) {
            return v;
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("expected " + type + ", got " + v);
        }
        String t = s.trim();
        switch (type.kind()) {
            case NUMBER, INTEGER -> {
                double d;
                try {
                    d = Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("expected " + type + ", got '" + s + "'", e);
                }
                if (!Double.isFinite(d) || (type.kind() == ValueType.Kind.INTEGER && d != Math.rint(d))) {
                    throw new IllegalArgumentException("expected " + type + ", got '" + s + "'");
                }
                return type.kind() == ValueType.Kind.INTEGER ? (Object) (long) d : (Object) d;
            }
            case BOOLEAN -> {
                if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(t);
                }
                throw new IllegalArgumentException("expected true or false, got '" + s + "'");
            }
            case STRUCTURE -> {
                Path p = Path.of(t);
                Structure st = Structures.read(p.isAbsolute() || folder.isEmpty() ? p : folder.get().resolve(p));
                return st;
            }
            case LIST -> {
                List<Object> items = new ArrayList<>();
                for (String part : t.isEmpty() ? new String[0] : t.split(",")) {
                    items.add(coerce(part.trim(), type.element().orElseThrow(), folder));
                }
                return List.copyOf(items);
            }
            default -> throw new IllegalArgumentException("expected " + type + ", got '" + s + "'");
        }
    }
}
