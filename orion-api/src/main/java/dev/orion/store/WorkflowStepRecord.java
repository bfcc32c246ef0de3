package dev.orion.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The stored result of one step of a workflow run, or of one item of a fan-out step, as {@link WorkflowRunStore}
 * keeps it. A step is recorded as {@link WorkflowStepState#RUNNING} when it starts and again each time its cost grows,
 * so what it spent survives a crash; a run resumed after the crash adds to it.
 *
 * @param stepId      the step's id (1-200 characters)
 * @param item        empty for the step as a whole; the item's index (0 or more) for one item of a fan-out
 * @param state       its state
 * @param outputsJson its outputs as a JSON object (structures summarised by formula, size and volume, with the whole structure
 *                    document when the runner wrote them for a resumed run to restore), {@code {}} unless it succeeded
 * @param jobIds      the jobs it ran or reused
 * @param attempts    how many times it ran (more than one after retries)
 * @param error       why it failed or was skipped
 * @param llmUsd      the dollars of its LLM calls, over every start of the run
 * @param coreHours   the core-hours of the jobs it computed
 */
public record WorkflowStepRecord(String stepId, OptionalInt item, WorkflowStepState state, String outputsJson, List<String> jobIds,
                                 int attempts, Optional<String> error, BigDecimal llmUsd, double coreHours) {

    /** The longest error kept; longer ones are cut. */
    public static final int MAX_ERROR_LENGTH = 4_000;

    /**
     * Validates, copies, cuts a long error and normalises the dollars.
     *
     * @throws IllegalArgumentException if the step id is blank or too long, the item or attempts negative, the outputs not a
     *                                  JSON object, the dollars or core-hours negative
     */
    public WorkflowStepRecord {
        StoreArguments.text("stepId", stepId, StoreArguments.MAX_KEY_LENGTH);
        Objects.requireNonNull(item, "item");
        if (item.isPresent() && item.getAsInt() < 0) {
            throw new IllegalArgumentException("item must be 0 or more, was " + item.getAsInt());
        }
        Objects.requireNonNull(state, "state");
        requireJsonObject("outputsJson", outputsJson);
        jobIds = List.copyOf(jobIds);
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be 0 or more, was " + attempts);
        }
        error = Objects.requireNonNull(error, "error").map(e -> e.length() > MAX_ERROR_LENGTH ? e.substring(0, MAX_ERROR_LENGTH) : e);
        llmUsd = normalised("llmUsd", llmUsd);
        if (!(coreHours >= 0) || Double.isInfinite(coreHours)) {
            throw new IllegalArgumentException("coreHours must be a finite number >= 0, was " + coreHours);
        }
    }

    /** @return whether this is the record of the step as a whole (not of one item) */
    public boolean isWholeStep() {
        return item.isEmpty();
    }

    /** Checks the shape only: the stores keep what the runner wrote, a JSON object. */
    static void requireJsonObject(String argument, String json) {
        Objects.requireNonNull(json, argument);
        String t = json.strip();
        if (!t.startsWith("{") || !t.endsWith("}")) {
            throw new IllegalArgumentException(argument + " must be a JSON object, got '" + StoreArguments.abbreviate(json) + "'");
        }
    }

    static BigDecimal normalised(String argument, BigDecimal usd) {
        Objects.requireNonNull(usd, argument);
        if (usd.signum() < 0) {
            throw new IllegalArgumentException(argument + " must be 0 or more, was " + usd.toPlainString());
        }
        return usd.signum() == 0 ? BigDecimal.ZERO : usd.stripTrailingZeros();
    }
}
