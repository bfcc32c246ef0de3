package dev.orion.store;

/** Whether a stored workflow template version may run ({@link WorkflowTemplateRecord#state()}). */
public enum WorkflowTemplateState {
    /** Saved by a person (or the shipped library), or a draft a person approved: it may run. */
    APPROVED,
    /** A draft written by a model ({@link WorkflowTemplateStore#saveDraft}): it does not run until a person approves it. */
    AWAITING_APPROVAL,
    /** A draft a person rejected: it never runs. */
    REJECTED
}
