package dev.orion.core.workflow;

import dev.orion.core.workflow.internal.Node;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated workflow: a graph of steps, read from a YAML or JSON file by a {@link WorkflowLoader}. Only
 * the loader makes one, and only when the file has no errors, so a {@code Workflow} in hand can be planned
 * ({@link WorkflowPlan#of}) and run ({@link WorkflowRunner}).
 */
public final class Workflow {

    /**
     * A workflow input.
     *
     * @param name         its name ({@code ${inputs.NAME}})
     * @param type         its type
     * @param defaultValue its default; an input without one must be given to run
     * @param description  what it is
     */
    public record Input(String name, ValueType type, Optional<Object> defaultValue, String description) {
    }

    /**
     * A step, as the plan and the listeners see it.
     *
     * @param id      its id
     * @param type    its type's name
     * @param needs   the ids of the steps whose outputs it reads
     * @param fansOut whether it runs once per item of a list
     */
    public record Step(String id, String type, List<String> needs, boolean fansOut) {
    }

    private final String name;
    private final String description;
    private final List<String> tags;
    private final String fileName;
    private final Optional<Path> folder;
    private final String text;
    private final Map<String, InputDef> inputs;
    private final Map<String, StepDef> steps;
    private final Map<String, Node> outputs;

    Workflow(String name, String description, List<String> tags, String fileName, Optional<Path> folder, String text,
             Map<String, InputDef> inputs, Map<String, StepDef> steps, Map<String, Node> outputs) {
        this.name = name;
        this.description = description;
        this.tags = List.copyOf(tags);
        this.fileName = fileName;
        this.folder = folder;
        this.text = text;
        this.inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        this.steps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(steps));
        this.outputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    /** @return the workflow's name */
    public String name() {
        return name;
    }

    /** @return its description, empty string if none */
    public String description() {
        return description;
    }

    /** @return its tags (for search), in file order */
    public List<String> tags() {
        return tags;
    }

    /** @return the file name it was loaded from (used in problems) */
    public String fileName() {
        return fileName;
    }

    /** @return the text it was loaded from */
    public String text() {
        return text;
    }

    /** @return the SHA-256 of the text, hex: the identity of this version of the workflow */
    public String contentHash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** @return the inputs in file order */
    public List<Input> inputs() {
        return inputs.values().stream().map(i -> new Input(i.name(), i.type(), i.defaultValue(), i.description())).toList();
    }

    /** @return the steps in file order */
    public List<Step> steps() {
        return steps.values().stream().map(s -> new Step(s.id(), s.type().name(),
                s.needs().stream().sorted().toList(), s.fansOut())).toList();
    }

    /** @return the names of the workflow's outputs in file order */
    public List<String> outputNames() {
        return List.copyOf(outputs.keySet());
    }

    Map<String, InputDef> inputDefs() {
        return inputs;
    }

    Map<String, StepDef> stepDefs() {
        return steps;
    }

    Map<String, Node> outputNodes() {
        return outputs;
    }

    Optional<Path> folder() {
        return folder;
    }

    @Override
    public String toString() {
        return "Workflow[" + name + ", " + steps.size() + " steps, " + fileName + "]";
    }
}
