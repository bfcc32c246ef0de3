package dev.orion.core.workflow;

import dev.orion.store.WorkflowTemplateRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A workflow written by a model from a request in words, valid but not yet approved: it is stored in the tenant's
 * template store as a version awaiting approval ({@link #template()}); a person reads {@link #text()} (and the
 * {@link #warnings()}) and approves or rejects it there ({@code workflowTemplates().approve(name, version)}) before it
 * can run from the store.
 *
 * @param draftId  the id its LLM calls are recorded under (the call log's run id)
 * @param request  what was asked
 * @param text     the workflow file the model wrote, the last (valid) version
 * @param workflow the validated workflow
 * @param attempts how many versions the model wrote (1 when the first was valid)
 * @param warnings the validator's warnings on the final text
 * @param costUsd  the dollars of all its LLM calls
 * @param template the stored template version, {@link dev.orion.store.WorkflowTemplateState#AWAITING_APPROVAL} when saved
 */
public record WorkflowDraft(String draftId, String request, String text, Workflow workflow, int attempts, List<Problem> warnings,
                            BigDecimal costUsd, WorkflowTemplateRecord template) {

    /** Validates and copies. */
    public WorkflowDraft {
        Objects.requireNonNull(draftId, "draftId");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(workflow, "workflow");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(costUsd, "costUsd");
        Objects.requireNonNull(template, "template");
    }
}
