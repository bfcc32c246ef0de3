package dev.orion.core.workflow;

import dev.orion.core.workflow.internal.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the checks of one workflow document share: the step types known, the problems found so far (every one, never
 * only the first), and what has been read (the inputs, the steps by id and their types, the inputs used); with the
 * wording of messages.
 */
final class ValidationContext {

    final Map<String, StepType> types;
    final int maxFanOut;
    final String file;
    final List<Problem> problems = new ArrayList<>();
    final Map<String, InputDef> inputs = new LinkedHashMap<>();
    final Map<String, Node.MapNode> stepNodes = new LinkedHashMap<>();
    final Map<String, StepType> stepTypes = new LinkedHashMap<>();
    final Set<String> usedInputs = new HashSet<>();

    ValidationContext(Map<String, StepType> types, int maxFanOut, String file) {
        this.types = types;
        this.maxFanOut = maxFanOut;
        this.file = file;
    }

    ImportResult result(Optional<Workflow> workflow) {
        problems.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        ImportResult.Status status = workflow.isEmpty() ? ImportResult.Status.FAILED
                : problems.isEmpty() ? ImportResult.Status.COMPLETED : ImportResult.Status.COMPLETED_WITH_WARNINGS;
        return new ImportResult(status, workflow, problems);
    }

    Optional<String> string(Node node) {
        return node instanceof Node.Scalar s && s.value().orElse(null) instanceof String str ? Optional.of(str) : Optional.empty();
    }

    static String text(Node node) {
        return node instanceof Node.Scalar s ? "'" + s.text() + "'" : "a " + node.kindName();
    }

    static String describe(Node node) {
        if (node instanceof Node.Scalar s && s.value().orElse(null) instanceof String str) {
            return Reference.whole(str).map(r -> " from " + r.text()).orElse(" ('" + str + "')");
        }
        return node instanceof Node.Scalar s ? " (" + s.text() + ")" : "";
    }

    static String sorted(Set<String> keys) {
        return String.join(", ", new java.util.TreeSet<>(keys));
    }

    static String label(String id) {
        return id.startsWith("@") ? "the step at line " + id.substring(1) : "step '" + id + "'";
    }

    void report(Node at, String message) {
        if (at != null) {
            error(at, message);
        }
    }

    void error(Node at, String message) {
        problems.add(new Problem(Problem.Severity.ERROR, file, at.line(), at.column(), message));
    }

    void warn(Node at, String message) {
        problems.add(new Problem(Problem.Severity.WARNING, file, at.line(), at.column(), message));
    }
}
