package dev.orion.core.workflow;

import dev.orion.engine.CalculationResult;
import dev.orion.engine.JobRequest;
import dev.orion.llm.TenantChat;
import dev.orion.structure.Structure;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a running step sees: its resolved inputs (defaults applied, references replaced by values) and
 * the services of the run. Given to {@link StepType#execute}.
 */
public interface StepContext {

    /** @return the run's id (LLM calls and jobs are recorded under it) */
    String runId();

    /** @return the step's id */
    String stepId();

    /** @return the item's index in a fan-out, 0 for a step that does not fan out */
    int itemIndex();

    /** @return every resolved input by name (absent optional inputs without default are missing) */
    Map<String, Object> inputs();

    /** @param name an input  @return its value, if given or defaulted */
    Optional<Object> input(String name);

    /** @param name a structure input  @return it  @throws IllegalArgumentException if absent or not a structure */
    Structure structure(String name);

    /** @param name a number input  @return it  @throws IllegalArgumentException if absent or not a number */
    double number(String name);

    /** @param name a string input  @return it  @throws IllegalArgumentException if absent or not a string */
    String string(String name);

    /** @param name a list input  @return it  @throws IllegalArgumentException if absent or not a list */
    List<Object> list(String name);

    /** @param name a mapping input  @return it  @throws IllegalArgumentException if absent or not a mapping */
    Map<String, Object> object(String name);

    /**
     * @param relative a path as written in the workflow
     * @return it resolved against the workflow file's folder (absolute paths are kept)
     */
    Path resolve(String relative);

    /**
     * Runs a calculation as a job of the tenant's job service, with an idempotency key made of the run,
     * the step, the item, the attempt and the call's number within them (a step may run several calculations, each
     * its own job, in a fixed order): running the same run again (after a crash) finds the job instead of
     * submitting it twice, and an identical calculation that already succeeded is reused by content hash.
     *
     * @param request the job
     * @return its result
     * @throws Exception if the job fails, is cancelled, or the run is cancelled while waiting
     */
    CalculationResult calculate(JobRequest request) throws Exception;

    /**
     * @return the tenant's chat model bound to this run and step (calls are recorded with the run id and the feature
     *         {@code workflow:STEP}; their prices are added to the step's cost)
     * @throws IllegalStateException if ORION has no chat model
     */
    TenantChat llm();
}
