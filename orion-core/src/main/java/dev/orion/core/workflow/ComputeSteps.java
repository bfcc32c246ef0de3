package dev.orion.core.workflow;

import static dev.orion.core.workflow.BuiltinStep.outputs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The {@code compute} step (a number from an expression) and the {@code condition} step (a boolean). */
final class ComputeSteps {

    private static final Param VARS = Param.optional("vars", ValueType.OBJECT, Map.of(), "the expression's variables: name: number");

    private ComputeSteps() {
    }

    static List<StepType> all() {
        return List.of(
                new BuiltinStep("compute", "a number from an arithmetic expression over named numbers",
                        List.of(Param.required("expression", ValueType.STRING, "e.g. 'e_vac - (n - 1) / n * e_bulk'"), VARS),
                        outputs("value", ValueType.NUMBER), c -> Map.of("value", finite(evaluate(c))))
                        .check(ComputeSteps::check),
                new BuiltinStep("condition", "true or false from a comparison, for the 'when' of later steps",
                        List.of(Param.required("expression", ValueType.STRING, "e.g. 'b0 > 100 && b0 < 200'"), VARS),
                        outputs("result", ValueType.BOOLEAN), c -> Map.of("result", evaluate(c) != 0))
                        .check(ComputeSteps::check));
    }

    private static double evaluate(StepContext c) {
        Map<String, Double> vars = new HashMap<>();
        c.object("vars").forEach((k, v) -> {
            if (v instanceof Number n) {
                vars.put(k, n.doubleValue());
            } else if (v instanceof Boolean b) {
                vars.put(k, b ? 1.0 : 0.0);
            } else {
                throw new IllegalArgumentException("variable '" + k + "' must be a number, got " + v);
            }
        });
        return Expression.evaluate(c.string("expression"), vars);
    }

    private static double finite(double v) {
        if (!Double.isFinite(v)) {
            throw new ArithmeticException("the expression gave " + v);
        }
        return v;
    }

    private static List<String> check(Map<String, Object> literals) {
        if (!(literals.get("expression") instanceof String e)) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        try {
            Set<String> used = Expression.variables(e);
            Set<String> given = literals.get("vars") instanceof Map<?, ?> m ? new TreeSet<>(m.keySet().stream().map(String::valueOf).toList())
                    : null;
            if (given != null) {
                used.stream().filter(v -> !given.contains(v)).forEach(v -> problems.add("expression: variable '" + v + "' is not in vars"));
            }
        } catch (IllegalArgumentException x) {
            problems.add("expression: " + x.getMessage());
        }
        return problems;
    }
}
