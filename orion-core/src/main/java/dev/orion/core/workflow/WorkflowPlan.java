package dev.orion.core.workflow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dry run of a workflow: the order its steps run in, grouped into stages whose steps can run in parallel,
 * with the number of calculation jobs each will submit (when the file fixes it). Nothing runs to make it.
 *
 * @param workflow the workflow's name
 * @param stages   the stages in order; the steps of one stage need only steps of earlier stages
 * @param jobs     the estimated jobs per step id (fan-outs whose size is only known at run time count one item)
 * @param fanOut   the items per fanned-out step id, when known before running
 */
public record WorkflowPlan(String workflow, List<List<String>> stages, Map<String, Integer> jobs, Map<String, Integer> fanOut) {

    /** Copies. */
    public WorkflowPlan {
        stages = stages.stream().map(List::copyOf).toList();
        jobs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(jobs));
        fanOut = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fanOut));
    }

    /**
     * @param workflow a validated workflow
     * @return its plan
     */
    public static WorkflowPlan of(Workflow workflow) {
        Map<String, StepDef> steps = workflow.stepDefs();
        List<List<String>> stages = new ArrayList<>();
        Set<String> done = new HashSet<>();
        while (done.size() < steps.size()) {
            List<String> stage = steps.values().stream().filter(s -> !done.contains(s.id()) && done.containsAll(s.needs()))
                    .map(StepDef::id).toList();
            stages.add(stage);
            done.addAll(stage);
        }
        Map<String, Integer> jobs = new LinkedHashMap<>();
        Map<String, Integer> fanOut = new LinkedHashMap<>();
        for (StepDef s : steps.values()) {
            Map<String, Object> literals = new LinkedHashMap<>();
            s.with().forEach((k, v) -> {
                if (Values.isLiteral(v)) {
                    literals.put(k, Values.literal(v));
                }
            });
            s.type().parameters().forEach(p -> p.defaultValue().ifPresent(d -> literals.putIfAbsent(p.name(), d)));
            int items = 1;
            if (s.items().isPresent()) {
                items = s.items().getAsInt();
                fanOut.put(s.id(), items);
            }
            jobs.put(s.id(), s.type().estimatedJobs(literals) * items);
        }
        return new WorkflowPlan(workflow.name(), stages, jobs, fanOut);
    }

    /** @return the estimated jobs of the whole workflow */
    public int totalJobs() {
        return jobs.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** @return the plan as text, one line per stage: {@code stage 2: relax (12 jobs), fit} */
    public String render() {
        StringBuilder out = new StringBuilder("plan of ").append(workflow).append(": ").append(stages.size()).append(" stages, ")
                .append(totalJobs()).append(" jobs\n");
        for (int i = 0; i < stages.size(); i++) {
            out.append("stage ").append(i + 1).append(": ");
            List<String> parts = new ArrayList<>();
            for (String id : stages.get(i)) {
                StringBuilder p = new StringBuilder(id);
                if (fanOut.containsKey(id)) {
                    p.append(" x").append(fanOut.get(id));
                }
                if (jobs.get(id) > 0) {
                    p.append(" (").append(jobs.get(id)).append(jobs.get(id) == 1 ? " job)" : " jobs)");
                }
                parts.add(p.toString());
            }
            out.append(String.join(", ", parts)).append('\n');
        }
        return out.toString();
    }
}
