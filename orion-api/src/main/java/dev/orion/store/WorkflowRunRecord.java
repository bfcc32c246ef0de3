package dev.orion.store;

import dev.orion.tenant.Principal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored workflow run, as {@link WorkflowRunStore} keeps it: what ran, with which inputs, its state and what it
 * cost so far. The costs are the sums over its steps ({@link WorkflowStepRecord}), across every time it was started.
 *
 * @param runId       the run's id
 * @param workflow    the workflow's name
 * @param contentHash the SHA-256 (hex) of the workflow's text
 * @param template    the stored template version it came from, if any
 * @param inputsJson  its inputs, a JSON object
 * @param outputsJson the workflow's outputs as a JSON object, {@code {}} until it ends
 * @param state       its state
 * @param startedBy   who started it first
 * @param startedAt   when it was first started
 * @param finishedAt  when it last ended, empty while running
 * @param starts      how many times it was started: 1, plus one per resume
 * @param llmUsd      the dollars of its LLM calls
 * @param coreHours   the core-hours of the jobs it computed
 */
public record WorkflowRunRecord(String runId, String workflow, String contentHash, Optional<WorkflowTemplateVersion> template,
                                String inputsJson, String outputsJson, WorkflowRunState state, Principal startedBy, Instant startedAt,
                                Optional<Instant> finishedAt, int starts, BigDecimal llmUsd, double coreHours) {

    /** Validates and normalises the dollars (trailing zeros stripped, so equal sums are equal records). */
    public WorkflowRunRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(inputsJson, "inputsJson");
        Objects.requireNonNull(outputsJson, "outputsJson");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedBy, "startedBy");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (starts < 1) {
            throw new IllegalArgumentException("starts must be at least 1, was " + starts);
        }
        llmUsd = WorkflowStepRecord.normalised("llmUsd", llmUsd);
        if (!(coreHours >= 0) || Double.isInfinite(coreHours)) {
            throw new IllegalArgumentException("coreHours must be a finite number >= 0, was " + coreHours);
        }
    }
}
