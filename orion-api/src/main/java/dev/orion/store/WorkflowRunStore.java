package dev.orion.store;

import java.util.List;
import java.util.Optional;

/**
 * A tenant's workflow runs and the results of their steps: the workflow runner writes a run as it goes (started,
 * each step as it starts, spends and ends, finished), and a run resumed after a crash continues its record under the
 * same id. Applications read it: list runs by workflow and state, get one with its steps. Starts, resumes and ends are
 * audited with resource type {@code "workflow-run"}.
 */
public interface WorkflowRunStore {

    /**
     * Records that a run starts. A new run id is stored {@link WorkflowRunState#RUNNING} with {@code starts} 1; an id
     * stored before is resumed: RUNNING again, its end cleared, {@code starts} one more, its steps and costs kept, its
     * inputs and content hash replaced, its outputs cleared.
     *
     * @param run the run
     * @return the stored run
     * @throws ConflictException if the id belongs to a run of another workflow
     */
    WorkflowRunRecord start(NewWorkflowRun run);

    /**
     * Records a step's (or an item's) result, replacing what was recorded for the same step and item, and updates the
     * run's costs (the sums over its whole-step records).
     *
     * @param runId the run
     * @param step  the step's result
     * @throws NotFoundException if the run is not stored
     */
    void saveStep(String runId, WorkflowStepRecord step);

    /**
     * Records that a run ended.
     *
     * @param runId       the run
     * @param state       how it ended, not {@link WorkflowRunState#RUNNING}
     * @param outputsJson the workflow's outputs that could be computed, a JSON object
     * @return the stored run
     * @throws NotFoundException        if the run is not stored
     * @throws IllegalArgumentException if the state is RUNNING or the outputs are not a JSON object
     */
    WorkflowRunRecord finish(String runId, WorkflowRunState state, String outputsJson);

    /** @param runId a run's id  @return the run, if this tenant has it */
    Optional<WorkflowRunRecord> find(String runId);

    /**
     * @param runId a run's id
     * @return its step records, whole steps and items, in the order they were first recorded (empty if unknown)
     */
    List<WorkflowStepRecord> steps(String runId);

    /**
     * @param filter which runs
     * @param page   the page; oldest first unless {@link PageRequest#newestFirst()}
     * @return the matching runs
     */
    Page<WorkflowRunRecord> query(WorkflowRunFilter filter, PageRequest page);
}
