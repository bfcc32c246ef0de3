package dev.orion.store;

import java.util.Objects;

/**
 * The outcome of {@link JobStore#createIfAbsent}: the job that holds the idempotency key, and whether
 * this call stored it (a caller that did not create the job must not start it again).
 *
 * @param job     the new job, or the tenant's existing job with the same idempotency key
 * @param created true if this call stored {@code job}; false if it already existed
 */
public record JobCreation(JobRecord job, boolean created) {

    /** Validates. */
    public JobCreation {
        Objects.requireNonNull(job, "job");
    }
}
