package dev.orion.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * Something happened to a job: it was submitted, queued on an executor, started, succeeded,
 * failed, was cancelled, retried, reused a stored result or was recovered after a restart.
 *
 * @param tenant  the tenant
 * @param jobId   the job
 * @param type    what happened
 * @param message details (executor id, error, ...)
 * @param at      when
 */
public record JobEvent(String tenant, String jobId, Type type, String message, Instant at) {

    /** Kinds of job events. */
    public enum Type {
        /** Stored. */
        SUBMITTED,
        /** Handed to an executor. */
        QUEUED,
        /** Running. */
        STARTED,
        /** Finished with a result. */
        SUCCEEDED,
        /** Finished without a result. */
        FAILED,
        /** Cancelled. */
        CANCELLED,
        /** A failed attempt is being retried. */
        RETRIED,
        /** An identical calculation's stored result was returned. */
        REUSED,
        /** Found unfinished after a restart and re-attached, failed or requeued. */
        RECOVERED
    }

    /** Validates. */
    public JobEvent {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }
}
