package dev.orion.store;

/**
 * Names one stored version of a workflow template: which template a run ran ({@link WorkflowRunRecord#template()}).
 *
 * @param name    the template's name
 * @param version its version (1 or more)
 */
public record WorkflowTemplateVersion(String name, int version) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if the name is blank or too long, or the version is below 1
     */
    public WorkflowTemplateVersion {
        StoreArguments.text("name", name, NewWorkflowTemplate.MAX_NAME_LENGTH);
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
    }

    /** @return {@code name@version}, as {@link WorkflowTemplateRecord#id()} */
    public String id() {
        return name + "@" + version;
    }
}
