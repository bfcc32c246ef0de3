package dev.orion.store;

import java.util.Objects;
import java.util.Optional;

/**
 * A workflow run to record in a tenant's {@link WorkflowRunStore} as it starts.
 *
 * @param runId       the run's id (1-200 characters); starting an id again resumes that run
 * @param workflow    the workflow's name (1-200 characters)
 * @param contentHash the SHA-256 (hex) of the workflow's text
 * @param template    the stored template version it came from, if its text is one
 * @param inputsJson  the run's inputs as a JSON object (structures summarised by formula, size and volume)
 */
public record NewWorkflowRun(String runId, String workflow, String contentHash, Optional<WorkflowTemplateVersion> template,
                             String inputsJson) {

    /** The longest workflow name. */
    public static final int MAX_WORKFLOW_LENGTH = 200;

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if the run id, workflow or hash is blank or too long, or the inputs are not a JSON object
     */
    public NewWorkflowRun {
        StoreArguments.text("runId", runId, WorkflowTemplateStore.MAX_RUN_ID_LENGTH);
        StoreArguments.text("workflow", workflow, MAX_WORKFLOW_LENGTH);
        StoreArguments.text("contentHash", contentHash, 64);
        Objects.requireNonNull(template, "template");
        WorkflowStepRecord.requireJsonObject("inputsJson", inputsJson);
    }
}
