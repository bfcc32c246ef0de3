package dev.orion.store;

import java.util.Objects;
import java.util.Optional;

/**
 * A state change of a job, applied only if the job is still in {@code from} (compare-and-set), so
 * two workers cannot both move the same job.
 *
 * @param from       the state the caller believes the job is in
 * @param to         the new state
 * @param externalId the executor's id to record, if any
 * @param resultJson the result to record, if any
 * @param error      the failure message to record, if any
 */
public record JobTransition(JobStatus from, JobStatus to, Optional<String> externalId,
                            Optional<String> resultJson, Optional<String> error) {

    /** Validates that the move is allowed. */
    public JobTransition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.canMoveTo(to)) {
            throw new IllegalArgumentException("job cannot move from " + from + " to " + to);
        }
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(resultJson, "resultJson");
        Objects.requireNonNull(error, "error");
    }

    /** @param from current  @param to next  @return a plain transition */
    public static JobTransition of(JobStatus from, JobStatus to) {
        return new JobTransition(from, to, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** @param from current  @param resultJson result  @return a move to SUCCEEDED */
    public static JobTransition succeeded(JobStatus from, String resultJson) {
        return new JobTransition(from, JobStatus.SUCCEEDED, Optional.empty(), Optional.of(resultJson), Optional.empty());
    }

    /** @param from current  @param error message  @return a move to FAILED */
    public static JobTransition failed(JobStatus from, String error) {
        return new JobTransition(from, JobStatus.FAILED, Optional.empty(), Optional.empty(), Optional.of(error));
    }

    /** @param id the executor's id  @return a copy recording it */
    public JobTransition withExternalId(String id) {
        return new JobTransition(from, to, Optional.of(id), resultJson, error);
    }
}
