package dev.orion.core.workflow;

import dev.orion.store.NotFoundException;
import dev.orion.store.WorkflowTemplateRecord;
import dev.orion.store.WorkflowTemplateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Reads workflow files (YAML or JSON) and validates them completely before anything runs: every problem
 * is reported at once with file, line and column, and the result says completed, completed with warnings
 * or failed. Build once and share; it is immutable and thread-safe.
 *
 * <pre>{@code
 * WorkflowLoader loader = WorkflowLoader.standard();
 * ImportResult r = loader.load(Path.of("eos.yaml"));
 * r.problems().forEach(p -> log.warn("{}", p));   // eos.yaml:12:7: step 'fit': unknown input ...
 * Workflow wf = r.orThrow();
 * }</pre>
 */
public final class WorkflowLoader {

    /** The default largest fan-out (items of one {@code for_each}). */
    public static final int DEFAULT_MAX_FAN_OUT = 1000;

    private final Map<String, StepType> types;
    private final int maxFanOut;

    private WorkflowLoader(Builder b) {
        this.types = Collections.unmodifiableMap(new LinkedHashMap<>(b.types));
        this.maxFanOut = b.maxFanOut;
    }

    /** @return a loader with the built-in step types and those found by {@link ServiceLoader} */
    public static WorkflowLoader standard() {
        return builder().build();
    }

    /** @return a builder starting from the built-in and service-loaded step types */
    public static Builder builder() {
        return new Builder();
    }

    /** @return every step type this loader knows, by name */
    public Map<String, StepType> stepTypes() {
        return types;
    }

    /** @return the largest fan-out it accepts */
    public int maxFanOut() {
        return maxFanOut;
    }

    /**
     * @param file a {@code .yaml}, {@code .yml} or {@code .json} workflow file; relative paths inside it are
     *             resolved against its folder
     * @return the result (a file that cannot be read is a failed result naming it, not an exception)
     */
    public ImportResult load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return new ImportResult(ImportResult.Status.FAILED, Optional.empty(), java.util.List.of(new Problem(Problem.Severity.ERROR,
                    file.toString(), 1, 1, "cannot read the file: " + e.getMessage())));
        }
        Path folder = file.toAbsolutePath().getParent();
        return new Validator(types, maxFanOut, file.toString()).validate(text, Optional.ofNullable(folder));
    }

    /**
     * @param text     the document
     * @param fileName a name for messages; ending in {@code .json} selects the JSON parser
     * @return the result
     */
    public ImportResult parse(String text, String fileName) {
        return new Validator(types, maxFanOut, fileName).validate(text, Optional.empty());
    }

    /**
     * Loads the version of a stored template that may run: its latest approved version. A model's draft runs only once a
     * person has approved it ({@link WorkflowTemplateStore#approve}).
     *
     * @param store the tenant's template store
     * @param name  the template's name
     * @return the result, named {@code name@version.yaml} (or {@code .json}) in messages
     * @throws NotFoundException if the template has no approved version (none stored, or only drafts)
     */
    public ImportResult loadTemplate(WorkflowTemplateStore store, String name) {
        WorkflowTemplateRecord t = store.runnable(name).orElseThrow(() -> new NotFoundException("approved workflow-template", name));
        return parse(t.content(), t.id() + (t.content().strip().startsWith("{") ? ".json" : ".yaml"));
    }

    /** Configures a {@link WorkflowLoader}. */
    public static final class Builder {
        private final Map<String, StepType> types = new LinkedHashMap<>();
        private int maxFanOut = DEFAULT_MAX_FAN_OUT;

        private Builder() {
            BuiltinSteps.all().forEach(this::stepType);
            ServiceLoader.load(StepType.class).forEach(this::stepType);
        }

        /**
         * @param type a step type (a later one with the same name replaces an earlier one)
         * @return this builder
         */
        public Builder stepType(StepType type) {
            if (type.name() == null || !type.name().matches("[a-z][a-z0-9_.-]*")) {
                throw new IllegalArgumentException("step type name must be lower case letters, digits, '.', '_' and '-', got '"
                        + type.name() + "'");
            }
            types.put(type.name(), type);
            return this;
        }

        /**
         * @param max the largest number of items one {@code for_each} may have (checked before running when the
         *            text fixes the number, and again when the step runs)
         * @return this builder
         */
        public Builder maxFanOut(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxFanOut must be >= 1, got " + max);
            }
            this.maxFanOut = max;
            return this;
        }

        /** @return the loader */
        public WorkflowLoader build() {
            return new WorkflowLoader(this);
        }
    }
}
