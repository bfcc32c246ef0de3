package dev.orion.store.internal;

import dev.orion.store.ConflictException;
import dev.orion.store.NewWorkflowRun;
import dev.orion.store.StoreArguments;
import dev.orion.store.WorkflowRunRecord;
import dev.orion.store.WorkflowRunState;
import dev.orion.store.WorkflowStepRecord;
import dev.orion.store.WorkflowTemplateStore;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/** The rules both workflow-run stores share: what a resume may change, how a run's costs add up, what is audited. */
public final class RunRules {

    /** The audit resource type of workflow runs. */
    public static final String TYPE = "workflow-run";

    private RunRules() {
    }

    /**
     * @param runId the run id argument
     * @return it
     * @throws IllegalArgumentException if blank or too long
     */
    public static String runId(String runId) {
        return StoreArguments.text("runId", runId, WorkflowTemplateStore.MAX_RUN_ID_LENGTH);
    }

    /**
     * @param stored the stored run of the same id
     * @param run    the run being started
     * @throws ConflictException if the stored run is of another workflow
     */
    public static void checkResume(WorkflowRunRecord stored, NewWorkflowRun run) {
        if (!stored.workflow().equals(run.workflow())) {
            throw new ConflictException("run " + run.runId() + " is a run of workflow '" + stored.workflow() + "', not '"
                    + run.workflow() + "'");
        }
    }

    /**
     * @param state the end state argument
     * @return it
     * @throws IllegalArgumentException if it is RUNNING
     */
    public static WorkflowRunState endState(WorkflowRunState state) {
        if (Objects.requireNonNull(state, "state") == WorkflowRunState.RUNNING) {
            throw new IllegalArgumentException("state must be how the run ended, got RUNNING");
        }
        return state;
    }

    /**
     * @param outputsJson the outputs argument of a run's end
     * @throws IllegalArgumentException if it is not a JSON object
     */
    public static void outputs(String outputsJson) {
        java.util.Objects.requireNonNull(outputsJson, "outputsJson");
        String t = outputsJson.strip();
        if (!t.startsWith("{") || !t.endsWith("}")) {
            throw new IllegalArgumentException("outputsJson must be a JSON object, got '" + (t.length() > 60 ? t.substring(0, 60) + "..." : t) + "'");
        }
    }

    /**
     * @param run   the stored run
     * @param steps all of its step records
     * @return the run with its costs summed over its whole-step records
     */
    public static WorkflowRunRecord withCosts(WorkflowRunRecord run, Collection<WorkflowStepRecord> steps) {
        BigDecimal usd = steps.stream().filter(WorkflowStepRecord::isWholeStep).map(WorkflowStepRecord::llmUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        // in key order: the same records give the same digits whatever order the store returned them in
        double hours = steps.stream().filter(WorkflowStepRecord::isWholeStep).sorted(Comparator.comparing(RunRules::key))
                .mapToDouble(WorkflowStepRecord::coreHours).sum();
        return new WorkflowRunRecord(run.runId(), run.workflow(), run.contentHash(), run.template(), run.inputsJson(), run.outputsJson(), run.state(),
                run.startedBy(), run.startedAt(), run.finishedAt(), run.starts(), usd, hours);
    }

    /** @param run a run that starts or resumes  @return the details of the audit event */
    public static Map<String, String> startDetails(NewWorkflowRun run) {
        return run.template().map(t -> Map.of("workflow", run.workflow(), "hash", run.contentHash(), "template", t.id()))
                .orElse(Map.of("workflow", run.workflow(), "hash", run.contentHash()));
    }

    /** @param run a finished run  @return the details of its end's audit event */
    public static Map<String, String> finishDetails(WorkflowRunRecord run) {
        return Map.of("workflow", run.workflow(), "state", run.state().name(), "llm_usd", run.llmUsd().toPlainString(),
                "core_hours", Double.toString(run.coreHours()));
    }

    /** @param step a step record  @return its key among its run's records: the step id and the item (-1 for the whole step) */
    public static String key(WorkflowStepRecord step) {
        return step.stepId() + "#" + step.item().orElse(-1);
    }
}
