package dev.orion.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant's workflow templates with their versioned history. Each saved version's text is immutable; saving a
 * template whose text is unchanged from its latest version returns that version, so loading a library at every start
 * is idempotent. A draft written by a model is saved {@link WorkflowTemplateState#AWAITING_APPROVAL} and does not run
 * until a person approves it. Also counts the runs of each template and their success. Every new version, approval,
 * rejection and recorded run is audited with resource type {@code "workflow-template"}.
 */
public interface WorkflowTemplateStore {

    /** The longest run id. */
    int MAX_RUN_ID_LENGTH = 200;

    /**
     * Saves a template, approved: a new version if its text differs from the latest version of its name (or the name is
     * new, or the latest version is a draft not approved), otherwise the latest version as it is (its description and
     * tags unchanged).
     *
     * @param template the template
     * @return the stored version
     */
    WorkflowTemplateRecord save(NewWorkflowTemplate template);

    /**
     * Saves a model's draft as a version {@link WorkflowTemplateState#AWAITING_APPROVAL}: a new version unless the
     * latest version has the same text and is not rejected (then that version as it is).
     *
     * @param template the draft
     * @return the stored version
     */
    WorkflowTemplateRecord saveDraft(NewWorkflowTemplate template);

    /**
     * Approves a draft: it may run from now on. The store's actor is recorded as the reviewer, with the time.
     *
     * @param name    the template's name
     * @param version the draft's version
     * @return the approved version
     * @throws NotFoundException if the version is not stored
     * @throws ConflictException if it is not awaiting approval
     */
    WorkflowTemplateRecord approve(String name, int version);

    /**
     * Rejects a draft: it never runs. The store's actor is recorded as the reviewer, with the time; the reason goes to
     * the audit log.
     *
     * @param name    the template's name
     * @param version the draft's version
     * @param reason  why (at most 2,000 characters; may be empty)
     * @return the rejected version
     * @throws NotFoundException if the version is not stored
     * @throws ConflictException if it is not awaiting approval
     */
    WorkflowTemplateRecord reject(String name, int version, String reason);

    /** @return every version awaiting approval, oldest first */
    List<WorkflowTemplateRecord> awaitingApproval();

    /** @param name a template's name  @return its latest approved version, the one to run, if any */
    Optional<WorkflowTemplateRecord> runnable(String name);

    /** @param name a template's name  @return its latest version in any state, if any */
    Optional<WorkflowTemplateRecord> latest(String name);

    /** @param name a template's name  @param version a version  @return that version, if stored */
    Optional<WorkflowTemplateRecord> version(String name, int version);

    /** @param name a template's name  @return every version of it, oldest first (empty if unknown) */
    List<WorkflowTemplateRecord> history(String name);

    /**
     * Searches the latest version of each template.
     *
     * @param text words that must all occur (ignoring case) in the name, description or content; blank matches all
     * @param tags tags that must all be on the template; empty matches all
     * @return the matches, by name
     */
    List<WorkflowTemplateRecord> search(String text, Set<String> tags);

    /** @return the latest version of every template, by name */
    default List<WorkflowTemplateRecord> list() {
        return search("", Set.of());
    }

    /**
     * @param contentHash the SHA-256 (hex) of a workflow's text
     * @return the newest stored version with that text, if any
     */
    Optional<WorkflowTemplateRecord> findByContentHash(String contentHash);

    /**
     * @param name        a template's name
     * @param fromVersion the older version
     * @param toVersion   the newer version
     * @return the line differences between them
     * @throws NotFoundException if either version is not stored
     */
    WorkflowTemplateDiff diff(String name, int fromVersion, int toVersion);

    /**
     * Records the outcome of one run of a template version. Recording the same run id again (a run resumed after a
     * failure or a crash) replaces its outcome, so each run counts once, with its last outcome.
     *
     * @param template  the version that ran
     * @param runId     the run's id (1-200 characters)
     * @param succeeded whether the run succeeded
     * @throws NotFoundException if the version is not stored
     */
    void recordRun(WorkflowTemplateRecord template, String runId, boolean succeeded);

    /** @param name a template's name  @return its runs and successes over all versions (zero if never run) */
    WorkflowTemplateUsage usage(String name);
}
