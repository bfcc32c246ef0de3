package dev.orion.store;

import dev.orion.tenant.Principal;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One immutable version of a tenant's workflow template, as stored by {@link WorkflowTemplateStore}.
 *
 * @param name        the template's name
 * @param version     its version, 1 for the first save of the name, then 2, 3, ...
 * @param content     the workflow file's text
 * @param contentHash the SHA-256 of the text, hex
 * @param description what it computes (may be empty)
 * @param tags        its tags, sorted
 * @param createdBy   who saved this version
 * @param createdAt   when
 */
public record WorkflowTemplateRecord(String name, int version, String content, String contentHash, String description,
                                     Set<String> tags, Principal createdBy, Instant createdAt) {

    /** Validates and copies. */
    public WorkflowTemplateRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        tags = StoreArguments.tags(tags);
    }

    /** @return {@code name@version}, the id used in audit events */
    public String id() {
        return name + "@" + version;
    }
}
