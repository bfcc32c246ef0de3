package dev.orion.store;

import java.util.Optional;

/**
 * Stores jobs of one tenant. Mutations are audited with resource type {@code "job"}.
 */
public interface JobStore {

    /**
     * @param job what to store
     * @return the stored job, in {@link JobStatus#SUBMITTED}
     */
    JobRecord create(NewJob job);

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
