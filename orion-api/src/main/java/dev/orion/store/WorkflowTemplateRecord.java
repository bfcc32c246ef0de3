package dev.orion.store;

import dev.orion.tenant.Principal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One version of a tenant's workflow template, as stored by {@link WorkflowTemplateStore}. Its text never changes;
 * a draft written by a model waits for a person's approval ({@link #state()}), who is then named with the time.
 *
 * @param name        the template's name
 * @param version     its version, 1 for the first save of the name, then 2, 3, ...
 * @param content     the workflow file's text
 * @param contentHash the SHA-256 of the text, hex
 * @param description what it computes (may be empty)
 * @param tags        its tags, sorted
 * @param createdBy   who saved this version
 * @param createdAt   when
 * @param state       whether it may run: approved, awaiting approval (a model's draft) or rejected
 * @param reviewedBy  who approved or rejected the draft, empty for a version saved approved or still awaiting approval
 * @param reviewedAt  when
 */
public record WorkflowTemplateRecord(String name, int version, String content, String contentHash, String description,
                                     Set<String> tags, Principal createdBy, Instant createdAt, WorkflowTemplateState state,
                                     Optional<Principal> reviewedBy, Optional<Instant> reviewedAt) {

    /** Validates and copies. */
    public WorkflowTemplateRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reviewedBy, "reviewedBy");
        Objects.requireNonNull(reviewedAt, "reviewedAt");
        if (reviewedBy.isPresent() != reviewedAt.isPresent()) {
            throw new IllegalArgumentException("reviewedBy and reviewedAt must be given together, got " + reviewedBy + " and " + reviewedAt);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        tags = StoreArguments.tags(tags);
    }

    /**
     * @param state      the new state
     * @param reviewedBy who decided
     * @param reviewedAt when
     * @return this version as reviewed
     */
    public WorkflowTemplateRecord reviewed(WorkflowTemplateState state, Principal reviewedBy, Instant reviewedAt) {
        return new WorkflowTemplateRecord(name, version, content, contentHash, description, tags, createdBy, createdAt, state,
                Optional.of(reviewedBy), Optional.of(reviewedAt));
    }

    /** @return whether it may run */
    public boolean runnable() {
        return state == WorkflowTemplateState.APPROVED;
    }

    /** @return {@code name@version}, the id used in audit events */
    public String id() {
        return name + "@" + version;
    }
}
