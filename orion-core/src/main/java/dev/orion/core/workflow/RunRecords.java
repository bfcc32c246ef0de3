package dev.orion.core.workflow;

import dev.orion.core.OrionTenant;
import dev.orion.store.NewWorkflowRun;
import dev.orion.store.ResourceRef;
import dev.orion.store.WorkflowRunState;
import dev.orion.store.WorkflowStepRecord;
import dev.orion.store.WorkflowStepState;
import dev.orion.store.WorkflowTemplateVersion;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Stores what a run did: the run and each step's (and fan-out item's) result and cost in the tenant's
 * {@link dev.orion.store.WorkflowRunStore}, each step's end in the audit log, and a provenance link from each job to
 * the run, so that "which run computed this" has an answer. A finished run of a workflow whose text is one of the
 * tenant's stored templates counts towards that template's usage. On a resumed run it also says what the earlier starts
 * of the run spent on each step ({@link #carried}), so that the run's cost counts every LLM call made under its id.
 */
final class RunRecords {

    static final String RUN = "workflow-run";

    private final OrionTenant tenant;
    private final Workflow workflow;
    private final String runId;
    private final Map<String, WorkflowStepRecord> earlier = new HashMap<>();

    private RunRecords(OrionTenant tenant, Workflow workflow, String runId) {
        this.tenant = tenant;
        this.workflow = workflow;
        this.runId = runId;
    }

    /** Records that the run starts (or resumes: then what it recorded before is read back). */
    static RunRecords started(OrionTenant tenant, Workflow workflow, String runId, Map<String, Object> inputs) {
        RunRecords r = new RunRecords(tenant, workflow, runId);
        Optional<WorkflowTemplateVersion> template = tenant.workflowTemplates().findByContentHash(workflow.contentHash())
                .map(t -> new WorkflowTemplateVersion(t.name(), t.version()));
        tenant.workflowRuns().start(new NewWorkflowRun(runId, workflow.name(), workflow.contentHash(), template, RunJson.object(inputs)));
        for (WorkflowStepRecord s : tenant.workflowRuns().steps(runId)) {
            r.earlier.put(key(s.stepId(), s.item()), s);
        }
        return r;
    }

    private static String key(String stepId, OptionalInt item) {
        return stepId + "#" + item.orElse(-1);
    }

    /** @return the dollars the earlier starts of the run spent on the step */
    BigDecimal carried(String stepId) {
        return Optional.ofNullable(earlier.get(key(stepId, OptionalInt.empty()))).map(WorkflowStepRecord::llmUsd).orElse(BigDecimal.ZERO);
    }

    /** @return the dollars the earlier starts of the run spent on each item of the step */
    Map<Integer, BigDecimal> carriedItems(String stepId) {
        Map<Integer, BigDecimal> out = new HashMap<>();
        earlier.values().stream().filter(s -> s.stepId().equals(stepId) && s.item().isPresent())
                .forEach(s -> out.put(s.item().getAsInt(), s.llmUsd()));
        return out;
    }

    /** Records a step (or an item) that is running, with what it spent so far. */
    void running(String stepId, OptionalInt item, List<String> jobs, int attempts, BigDecimal llmUsd, double coreHours) {
        tenant.workflowRuns().saveStep(runId, new WorkflowStepRecord(stepId, item, WorkflowStepState.RUNNING, "{}", jobs, attempts,
                Optional.empty(), llmUsd, coreHours));
    }

    /** Records how one item of a fan-out ended. */
    void item(String stepId, int item, WorkflowStepState state, Map<String, Object> outputs, List<String> jobs, int attempts,
              Optional<String> error, BigDecimal llmUsd, double coreHours) {
        tenant.workflowRuns().saveStep(runId, new WorkflowStepRecord(stepId, OptionalInt.of(item), state, RunJson.object(outputs), jobs,
                attempts, error, llmUsd, coreHours));
    }

    /** Records how a step ended: in the run store, the audit log and the provenance links of its jobs. */
    void step(StepResult r) {
        stored(r);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("step", r.stepId());
        details.put("status", r.status().name());
        details.put("attempts", Integer.toString(r.attempts()));
        details.put("jobs", String.join(",", r.jobs()));
        details.put("reused_jobs", Integer.toString(r.reusedJobs()));
        details.put("core_hours", Double.toString(r.coreHours()));
        details.put("llm_usd", r.llmUsd().toPlainString());
        r.error().ifPresent(e -> details.put("error", e.length() > 500 ? e.substring(0, 500) : e));
        tenant.audit().record("step", RUN, runId, details);
        ResourceRef run = ResourceRef.of(RUN, runId);
        for (String job : r.jobs()) {
            ResourceRef j = ResourceRef.of("job", job);
            if (tenant.provenance().linksFrom(j).stream().noneMatch(l -> l.object().equals(run))) {
                tenant.provenance().link(j, "computed-for", run);
            }
        }
    }

    /** Records a step's result in the run store only (a step the run never started). */
    void stored(StepResult r) {
        tenant.workflowRuns().saveStep(runId, new WorkflowStepRecord(r.stepId(), OptionalInt.empty(), WorkflowStepState.valueOf(r.status().name()),
                RunJson.object(r.outputs()), r.jobs(), r.attempts(), r.error(), r.llmUsd(), r.coreHours()));
    }

    void finished(WorkflowRun run) {
        tenant.workflowRuns().finish(runId, WorkflowRunState.valueOf(run.status().name()), RunJson.object(run.outputs()));
        if (run.status() != WorkflowRun.Status.CANCELLED) {
            tenant.workflowTemplates().findByContentHash(workflow.contentHash()).ifPresent(t ->
                    tenant.workflowTemplates().recordRun(t, run.runId(), run.status() == WorkflowRun.Status.SUCCEEDED));
        }
    }
}
