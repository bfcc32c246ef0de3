package dev.orion.core.workflow;

import dev.orion.core.workflow.internal.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** The checks of the step graph as a whole: cycles, steps that can never run, steps nothing reads. */
final class StepGraph {

    private final Map<String, StepDef> defs;
    private final BiConsumer<Node, String> error;
    private final BiConsumer<Node, String> warn;

    StepGraph(Map<String, StepDef> defs, BiConsumer<Node, String> error, BiConsumer<Node, String> warn) {
        this.defs = defs;
        this.error = error;
        this.warn = warn;
    }

    void cycles() {
        Map<String, Integer> state = new LinkedHashMap<>();
        Set<String> reported = new HashSet<>();
        for (String id : defs.keySet()) {
            List<String> path = new ArrayList<>();
            visit(id, state, path, reported);
        }
    }

    private void visit(String id, Map<String, Integer> state, List<String> path, Set<String> reported) {
        Integer s = state.get(id);
        if (s != null && s == 2) {
            return;
        }
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            String first = cycle.stream().limit(cycle.size() - 1).min(Comparator.comparingInt(c -> defs.get(c).node().line())).orElseThrow();
            if (reported.add(new java.util.TreeSet<>(cycle).toString())) {
                int start = cycle.indexOf(first);
                List<String> ordered = new ArrayList<>(cycle.subList(start, cycle.size() - 1));
                ordered.addAll(cycle.subList(0, start));
                ordered.add(first);
                error.accept(defs.get(first).node(), "cycle between steps: " + String.join(" -> ", ordered));
            }
            return;
        }
        state.put(id, 1);
        path.add(id);
        for (String need : defs.get(id).needs()) {
            if (defs.containsKey(need)) {
                visit(need, state, path, reported);
            }
        }
        path.remove(path.size() - 1);
        state.put(id, 2);
    }

    void reachability(Map<String, Node> outputs) {
        Set<String> never = new LinkedHashSet<>();
        defs.values().stream().filter(d -> d.when().filter(w -> Values.isLiteral(w) && Boolean.FALSE.equals(Values.literal(w))).isPresent())
                .forEach(d -> {
                    warn.accept(d.when().get(), "step '" + d.id() + "' never runs: its condition is always false");
                    never.add(d.id());
                });
        boolean grown = true;
        while (grown) {
            grown = false;
            for (StepDef d : defs.values()) {
                if (!never.contains(d.id()) && d.needs().stream().anyMatch(never::contains)) {
                    String blocker = d.needs().stream().filter(never::contains).findFirst().orElseThrow();
                    error.accept(d.node(), "step '" + d.id() + "' is unreachable: it needs step '" + blocker + "', which never runs");
                    never.add(d.id());
                    grown = true;
                }
            }
        }
        if (outputs.isEmpty()) {
            return;
        }
        Set<String> read = new HashSet<>();
        defs.values().forEach(d -> read.addAll(d.needs()));
        outputs.values().forEach(o -> collectSteps(o, read));
        defs.values().stream().filter(d -> !read.contains(d.id()) && !never.contains(d.id()))
                .forEach(d -> warn.accept(d.node(), ValidationContext.label(d.id()) + " is unused: no step and no workflow output reads its outputs"));
    }

    private static void collectSteps(Node node, Set<String> into) {
        Values.strings(node).forEach(s -> Reference.findAll(s).stream().filter(r -> r.kind() == Reference.Kind.STEP)
                .forEach(r -> into.add(r.step())));
    }
}
