package dev.orion.core.workflow;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A kind of workflow step: what it takes, what it gives and how it runs. ORION ships the built-in
 * types (structure sources and generators, transforms, calculations, fits, expressions, conditions, LLM
 * calls, campaigns, elastic constants by strained cells, finite-element calculations); applications add their own by implementing this interface and either listing the class in
 * {@code META-INF/services/dev.orion.core.workflow.StepType} (found with {@link java.util.ServiceLoader})
 * or passing it to {@link WorkflowLoader.Builder#stepType}.
 *
 * <pre>{@code
 * public final class DensityStep implements StepType {
 *     public String name() { return "my.density"; }
 *     public String description() { return "density of a structure in g/cm3"; }
 *     public List<Param> parameters() { return List.of(Param.required("structure", ValueType.STRUCTURE, "the structure")); }
 *     public Map<String, ValueType> outputs() { return Map.of("density", ValueType.NUMBER); }
 *     public Map<String, Object> execute(StepContext c) { return Map.of("density", c.structure("structure").density()); }
 * }
 * }</pre>
 *
 * <p>Implementations must be stateless and thread-safe: one instance runs many steps at once.
 */
public interface StepType {

    /** @return the name written as a step's {@code type}, e.g. {@code "calculation"}; dotted names group types */
    String name();

    /** @return one line saying what the step does */
    String description();

    /** @return the inputs the step takes */
    List<Param> parameters();

    /** @return the outputs it gives, by name */
    Map<String, ValueType> outputs();

    /**
     * @param literals the step's inputs that are written as literal values (not references)
     * @return how many calculation jobs one run of the step submits, for the dry-run plan
     */
    default int estimatedJobs(Map<String, Object> literals) {
        return 0;
    }

    /**
     * @param literals the step's inputs that are written as literal values
     * @return the length of the step's list outputs when the literals fix it (a strain series of
     *         {@code count} structures), so that a fan-out over them is checked against the limit before running
     */
    default OptionalInt listSize(Map<String, Object> literals) {
        return OptionalInt.empty();
    }

    /**
     * @param literals the step's inputs that are written as literal values
     * @return problems with them that the types cannot express (an unparsable expression, a negative count),
     *         each naming the input as {@code "input: message"}; empty if none
     */
    default List<String> check(Map<String, Object> literals) {
        return List.of();
    }

    /**
     * Runs the step once (once per item of a fan-out).
     *
     * @param context the resolved inputs and the services of the run
     * @return every output named by {@link #outputs()}
     * @throws Exception if the step fails; the step's failure policy decides what happens next
     */
    Map<String, Object> execute(StepContext context) throws Exception;
}
