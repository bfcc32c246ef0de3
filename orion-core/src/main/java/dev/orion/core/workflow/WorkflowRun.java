package dev.orion.core.workflow;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The outcome of a workflow run: its outputs, every step's result, and the cost per step and in total.
 *
 * @param runId    the run's id (give it again to resume the run)
 * @param workflow the workflow's name
 * @param status   how the run ended
 * @param outputs  the workflow's outputs, those that could be computed
 * @param steps    every step's result, in file order
 */
public record WorkflowRun(String runId, String workflow, Status status, Map<String, Object> outputs, Map<String, StepResult> steps) {

    /** How a run ended. */
    public enum Status {
        /** Every step succeeded or was skipped by its condition. */
        SUCCEEDED,
        /** A step failed; with {@code on_failure: continue} the others ran, and their results are kept. */
        FAILED,
        /** It was cancelled. */
        CANCELLED
    }

    /** Validates and copies. */
    public WorkflowRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(status, "status");
        outputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        steps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    }

    /** @return the dollars of all LLM calls of the run */
    public BigDecimal llmUsd() {
        return steps.values().stream().map(StepResult::llmUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * @return the core-hours of all jobs the run computed, summed in step id order so that the digits do not depend on
     *         which step finished first
     */
    public double coreHours() {
        return new TreeMap<>(steps).values().stream().mapToDouble(StepResult::coreHours).sum();
    }

    /** @return the number of jobs the run ran or reused */
    public int jobCount() {
        return steps.values().stream().mapToInt(s -> s.jobs().size()).sum();
    }
}
