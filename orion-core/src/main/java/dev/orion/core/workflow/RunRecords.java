package dev.orion.core.workflow;

import dev.orion.core.OrionTenant;
import dev.orion.core.jobs.JobService;
import dev.orion.store.NewWorkflowRun;
import dev.orion.store.ResourceRef;
import dev.orion.store.WorkflowRunRecord;
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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores what a run did: the run and each step's (and fan-out item's) result and cost in the tenant's
 * {@link dev.orion.store.WorkflowRunStore}, each step's end in the audit log, and a provenance link from each job to
 * the run, so that "which run computed this" has an answer. A finished run of a workflow whose text is one of the
 * tenant's stored templates counts towards that template's usage. On a resumed run it also says what the earlier starts
 * of the run spent on each step ({@link #carried}), so that the run's cost counts every LLM call made under its id, and
 * gives back the outputs of the steps and items they finished ({@link #finished}), stored at full fidelity by
 * {@link StepOutputs}, so that the run does not compute them again.
 */
final class RunRecords {

    static final String RUN = "workflow-run";
    private static final Logger LOG = LoggerFactory.getLogger(RunRecords.class);

    private final OrionTenant tenant;
    private final Workflow workflow;
    private final String runId;
    private final Supplier<JobService> jobs;
    private final Map<String, WorkflowStepRecord> earlier = new HashMap<>();
    /** Whether the earlier starts ran the same workflow text on the same inputs, so that their outputs may be restored. */
    private boolean sameRun;

    private RunRecords(OrionTenant tenant, Workflow workflow, String runId, Supplier<JobService> jobs) {
        this.tenant = tenant;
        this.workflow = workflow;
        this.runId = runId;
        this.jobs = jobs;
    }

    /**
     * Records that the run starts (or resumes: then what it recorded before is read back).
     *
     * @param jobs the run's job service, asked for the results that step outputs refer to
     */
    static RunRecords started(OrionTenant tenant, Workflow workflow, String runId, Map<String, Object> inputs, Supplier<JobService> jobs) {
        RunRecords r = new RunRecords(tenant, workflow, runId, jobs);
        Optional<WorkflowTemplateVersion> template = tenant.workflowTemplates().findByContentHash(workflow.contentHash())
                .map(t -> new WorkflowTemplateVersion(t.name(), t.version()));
        String inputsJson = RunJson.object(inputs);
        Optional<WorkflowRunRecord> before = tenant.workflowRuns().find(runId);
        tenant.workflowRuns().start(new NewWorkflowRun(runId, workflow.name(), workflow.contentHash(), template, inputsJson));
        r.sameRun = before.filter(b -> b.contentHash().equals(workflow.contentHash()) && b.inputsJson().equals(inputsJson)).isPresent();
        if (before.isPresent() && !r.sameRun) {
            LOG.debug("run {} was started before with another workflow text or other inputs: every step runs again", runId);
        }
        for (WorkflowStepRecord s : tenant.workflowRuns().steps(runId)) {
            r.earlier.put(key(s.stepId(), s.item()), s);
        }
        return r;
    }

    /**
     * What an earlier start of the run recorded for a step (or an item) that it finished, with the outputs read back.
     *
     * @param record  the stored record
     * @param outputs its outputs, equal to what the step gave
     */
    record Finished(WorkflowStepRecord record, Map<String, Object> outputs) {
    }

    /**
     * @param stepId a step
     * @param item   empty for the step as a whole, or an item of it
     * @return what an earlier start of the same run recorded for it, if it succeeded and its outputs can be read back
     *         exactly (otherwise it runs again, and the reason is logged at DEBUG)
     */
    Optional<Finished> finished(String stepId, OptionalInt item) {
        WorkflowStepRecord s = earlier.get(key(stepId, item));
        if (!sameRun || s == null || s.state() != WorkflowStepState.SUCCEEDED) {
            return Optional.empty();
        }
        Optional<Map<String, Object>> outputs = StepOutputs.decode(s.outputsJson(), jobs);
        if (outputs.isEmpty()) {
            LOG.debug("step {}{} of run {} succeeded before but its outputs cannot be restored: it runs again", stepId,
                    item.isPresent() ? " item " + item.getAsInt() : "", runId);
        }
        return outputs.map(o -> new Finished(s, o));
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
        tenant.workflowRuns().saveStep(runId, new WorkflowStepRecord(stepId, OptionalInt.of(item), state, json(state, outputs, jobs),
                jobs, attempts, error, llmUsd, coreHours));
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
        WorkflowStepState state = WorkflowStepState.valueOf(r.status().name());
        tenant.workflowRuns().saveStep(runId, new WorkflowStepRecord(r.stepId(), OptionalInt.empty(), state, json(state, r.outputs(), r.jobs()),
                r.jobs(), r.attempts(), r.error(), r.llmUsd(), r.coreHours()));
    }

    /** Outputs of what succeeded are stored so that a resumed run can restore them; others have none. */
    private String json(WorkflowStepState state, Map<String, Object> outputs, List<String> jobIds) {
        return state == WorkflowStepState.SUCCEEDED ? StepOutputs.encode(outputs, jobIds, jobs) : RunJson.object(outputs);
    }

    void finished(WorkflowRun run) {
        tenant.workflowRuns().finish(runId, WorkflowRunState.valueOf(run.status().name()), RunJson.object(run.outputs()));
        if (run.status() != WorkflowRun.Status.CANCELLED) {
            tenant.workflowTemplates().findByContentHash(workflow.contentHash()).ifPresent(t ->
                    tenant.workflowTemplates().recordRun(t, run.runId(), run.status() == WorkflowRun.Status.SUCCEEDED));
        }
    }
}
