package dev.orion.store;

import java.util.Optional;

/**
 * Stores jobs of one tenant. Mutations are audited with resource type {@code "job"}.
 */
public interface JobStore {

    /**
     * Stores a job, unless the tenant already has a job with the same idempotency key: then nothing is
     * stored or audited and the existing job is returned. This is atomic: concurrent calls with one key
     * (from any number of threads or JVMs sharing the database) store exactly one job.
     *
     * @param job what to store
     * @return the job holding the key, and whether this call created it (always true without a key)
     */
    JobCreation createIfAbsent(NewJob job);

    /**
     * Like {@link #createIfAbsent}, for callers that need not know whether the job is new.
     *
     * @param job what to store
     * @return the stored job, in {@link JobStatus#SUBMITTED}, or the tenant's existing job with the
     *         same idempotency key (in whatever state it is now)
     */
    default JobRecord create(NewJob job) {
        return createIfAbsent(job).job();
    }

    /**
     * @param idempotencyKey a key given to {@link NewJob#withIdempotencyKey}
     * @return this tenant's job created with that key, if any
     */
    Optional<JobRecord> findByIdempotencyKey(String idempotencyKey);

    /**
     * @param id the id
     * @return the job, empty if this tenant has none with that id
     */
    Optional<JobRecord> find(String id);

    /**
     * Moves a job to a new state if it is still in {@code transition.from()}.
     *
     * @param id         the job
     * @param transition the move
     * @return the updated job
     * @throws NotFoundException if there is no such job
     * @throws ConflictException if the job is no longer in {@code transition.from()}
     */
    JobRecord transition(String id, JobTransition transition);

    /**
     * @param filter the filter
     * @param page   the page
     * @return matching jobs
     */
    Page<JobRecord> query(JobFilter filter, PageRequest page);

    /**
     * @param filter the filter
     * @return how many jobs match
     */
    long count(JobFilter filter);
}
