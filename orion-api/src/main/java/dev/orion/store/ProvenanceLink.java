package dev.orion.store;

import java.time.Instant;
import java.util.Objects;

/**
 * States that {@code subject} relates to {@code object}, e.g. structure S {@code computed-by} job J,
 * or observation O {@code derived-from} job J.
 *
 * @param id        the id assigned by the store
 * @param subject   the dependent resource
 * @param relation  the relation, e.g. {@code "derived-from"}
 * @param object    the resource it depends on
 * @param createdAt when recorded
 */
public record ProvenanceLink(String id, ResourceRef subject, String relation, ResourceRef object, Instant createdAt) {

    /** Validates. */
    public ProvenanceLink {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        StoreArguments.text("relation", relation, 100);
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
