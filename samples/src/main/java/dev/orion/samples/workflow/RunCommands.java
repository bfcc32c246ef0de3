package dev.orion.samples.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orion.core.Orion;
import dev.orion.core.Stores;
import dev.orion.store.PageRequest;
import dev.orion.store.WorkflowRunFilter;
import dev.orion.store.WorkflowRunRecord;
import dev.orion.store.WorkflowRunState;
import dev.orion.store.WorkflowRunStore;
import dev.orion.store.WorkflowStepRecord;
import dev.orion.store.WorkflowTemplateVersion;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run-store commands of {@code scripts/workflow}, on the embedded store of {@code --store DIR} (default
 * {@code orion-data}, tenant {@code cli}, the one {@code run} uses):
 *
 * <pre>
 * runs [--workflow NAME] [--state STATE] [--limit N]   stored runs, newest first: id, workflow, state, starts, cost
 * show RUN                                            one run as JSON: inputs, outputs, state, every step and item, cost
 * </pre>
 */
final class RunCommands {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunCommands() {
    }

    static int run(String[] args, PrintStream out, PrintStream err, String usage) throws Exception {
        Path store = Path.of("orion-data");
        WorkflowRunFilter filter = WorkflowRunFilter.all();
        int limit = 50;
        List<String> positional = new ArrayList<>();
        try {
            for (int i = 1; i < args.length; i++) {
                boolean hasValue = i + 1 < args.length;
                String a = args[i];
                if (a.equals("--store") && hasValue) {
                    store = Path.of(args[++i]);
                } else if (a.equals("--workflow") && hasValue) {
                    filter = filter.withWorkflow(args[++i]);
                } else if (a.equals("--state") && hasValue) {
                    filter = filter.withState(WorkflowRunState.valueOf(args[++i].toUpperCase(Locale.ROOT)));
                } else if (a.equals("--limit") && hasValue) {
                    limit = Integer.parseInt(args[++i]);
                    if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
                        throw new IllegalArgumentException("--limit must be 1-" + PageRequest.MAX_LIMIT + ", got " + limit);
                    }
                } else if (!a.startsWith("--")) {
                    positional.add(a);
                } else {
                    err.println(usage);
                    return 2;
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("bad argument: " + e.getMessage() + "; states are " + List.of(WorkflowRunState.values()).toString()
                    .toLowerCase(Locale.ROOT));
            return 2;
        }
        boolean show = args[0].equals("show");
        if (positional.size() != (show ? 1 : 0)) {
            err.println(usage);
            return 2;
        }
        try (Orion orion = Orion.builder().store(Stores.embedded(store)).build()) {
            WorkflowRunStore runs = orion.tenant(TemplateCommands.TENANT).workflowRuns();
            if (!show) {
                for (WorkflowRunRecord r : runs.query(filter, PageRequest.first(limit).newestFirst()).items()) {
                    out.println(r.runId() + "\t" + r.workflow() + r.template().map(t -> " (" + t.id() + ")").orElse("") + "\t"
                            + r.state().name().toLowerCase(Locale.ROOT) + "\t" + r.startedAt() + "\t" + r.starts() + " start(s)\t$"
                            + r.llmUsd().toPlainString() + "\t" + String.format(Locale.ROOT, "%.4f core-h", r.coreHours()));
                }
                return 0;
            }
            var found = runs.find(positional.get(0));
            if (found.isEmpty()) {
                err.println("no run '" + positional.get(0) + "' in the store; see: workflow runs");
                return 2;
            }
            out.println(write(report(found.get(), runs.steps(found.get().runId()))));
            return 0;
        }
    }

    /**
     * @param run   a stored run
     * @param steps its step records
     * @return the run as the JSON report {@code show} prints and {@code run --out} writes
     */
    static Map<String, Object> report(WorkflowRunRecord run, List<WorkflowStepRecord> steps) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("run_id", run.runId());
        report.put("workflow", run.workflow());
        run.template().map(WorkflowTemplateVersion::id).ifPresent(t -> report.put("template", t));
        report.put("status", run.state().name().toLowerCase(Locale.ROOT));
        report.put("started_at", run.startedAt().toString());
        run.finishedAt().ifPresent(t -> report.put("finished_at", t.toString()));
        report.put("starts", run.starts());
        report.put("inputs", tree(run.inputsJson()));
        report.put("outputs", tree(run.outputsJson()));
        Map<String, Map<String, Object>> byStep = new LinkedHashMap<>();
        for (WorkflowStepRecord s : steps) {
            if (s.isWholeStep()) {
                byStep.computeIfAbsent(s.stepId(), k -> new LinkedHashMap<>()).putAll(step(s));
            }
        }
        for (WorkflowStepRecord s : steps) {
            if (!s.isWholeStep()) {
                @SuppressWarnings("unchecked")
                List<Object> items = (List<Object>) byStep.computeIfAbsent(s.stepId(), k -> new LinkedHashMap<>())
                        .computeIfAbsent("items", k -> new ArrayList<>());
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("item", s.item().getAsInt());
                item.putAll(step(s));
                items.add(item);
            }
        }
        report.put("steps", byStep);
        report.put("core_hours", run.coreHours());
        report.put("llm_usd", run.llmUsd());
        return report;
    }

    private static Map<String, Object> step(WorkflowStepRecord s) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("status", s.state().name().toLowerCase(Locale.ROOT));
        s.error().ifPresent(e -> step.put("error", e));
        step.put("attempts", s.attempts());
        step.put("jobs", s.jobIds());
        step.put("outputs", summary(tree(s.outputsJson())));
        step.put("core_hours", s.coreHours());
        step.put("llm_usd", s.llmUsd());
        return step;
    }

    /**
     * The stored outputs of a step without what only a resumed run needs: the restorable mark and the structures'
     * whole documents (their summaries stay).
     */
    private static JsonNode summary(JsonNode outputs) {
        if (outputs instanceof ObjectNode o) {
            o.remove("$restorable");
            o.remove("$structure");
            o.forEach(RunCommands::summary);
        } else if (outputs.isArray()) {
            outputs.forEach(RunCommands::summary);
        }
        return outputs;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the store holds JSON that does not parse: " + e.getOriginalMessage(), e);
        }
    }

    static String write(Object value) throws JsonProcessingException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }
}
