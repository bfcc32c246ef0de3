package dev.orion.core.workflow;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one step of a run ended, with its outputs and what it cost.
 *
 * @param stepId     the step
 * @param status     how it ended
 * @param outputs    its outputs by name (lists for a fan-out), empty unless it succeeded
 * @param error      why it failed or was skipped
 * @param attempts   how many times it ran (more than one after retries)
 * @param jobs       the ids of the jobs it ran or reused
 * @param reusedJobs how many of those were computed before, by another run (reuse by content hash), and cost
 *                   this run nothing
 * @param coreHours  the core-hours of the jobs this run computed: wall time x tasks x CPUs per task
 * @param llmUsd     the dollars of its LLM calls, summed from the call records
 */
public record StepResult(String stepId, Status status, Map<String, Object> outputs, Optional<String> error, int attempts,
                         List<String> jobs, int reusedJobs, double coreHours, BigDecimal llmUsd) {

    /** How a step ended. */
    public enum Status {
        /** It ran and gave its outputs. */
        SUCCEEDED,
        /** It failed after its retries. */
        FAILED,
        /** It did not run: its condition was false, or a step it needs did not succeed. */
        SKIPPED,
        /** The run was cancelled before or while it ran. */
        CANCELLED
    }

    /** Validates and copies. */
    public StepResult {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(status, "status");
        outputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        Objects.requireNonNull(error, "error");
        jobs = List.copyOf(jobs);
        Objects.requireNonNull(llmUsd, "llmUsd");
    }
}
