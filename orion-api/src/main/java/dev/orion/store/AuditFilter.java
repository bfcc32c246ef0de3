package dev.orion.store;

import dev.orion.tenant.Principal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Selects audit events; empty fields match everything. Times are half-open.
 *
 * @param from         at or after
 * @param to           before
 * @param actor        only this actor
 * @param action       only this action
 * @param resourceType only this resource type
 * @param resourceId   only this resource id
 */
public record AuditFilter(Optional<Instant> from, Optional<Instant> to, Optional<Principal> actor,
                          Optional<String> action, Optional<String> resourceType, Optional<String> resourceId) {

    /** Validates. */
    public AuditFilter {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(resourceId, "resourceId");
    }

    /** @return a filter matching every event */
    public static AuditFilter all() {
        return new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** @param start inclusive @param end exclusive @return narrowed filter */
    public AuditFilter between(Instant start, Instant end) {
        return new AuditFilter(Optional.of(start), Optional.of(end), actor, action, resourceType, resourceId);
    }

    /** @param v actor @return narrowed filter */
    public AuditFilter withActor(Principal v) {
        return new AuditFilter(from, to, Optional.of(v), action, resourceType, resourceId);
    }

    /** @param v action @return narrowed filter */
    public AuditFilter withAction(String v) {
        return new AuditFilter(from, to, actor, Optional.of(v), resourceType, resourceId);
    }

    /** @param v resource type @return narrowed filter */
    public AuditFilter withResourceType(String v) {
        return new AuditFilter(from, to, actor, action, Optional.of(v), resourceId);
    }

    /** @param type resource type @param id resource id @return narrowed filter */
    public AuditFilter withResource(String type, String id) {
        return new AuditFilter(from, to, actor, action, Optional.of(type), Optional.of(id));
    }

    /** @param e an event  @return whether this filter selects it */
    public boolean matches(AuditEvent e) {
        return (from.isEmpty() || !e.time().isBefore(from.get()))
                && (to.isEmpty() || e.time().isBefore(to.get()))
                && (actor.isEmpty() || actor.get().equals(e.actor()))
                && (action.isEmpty() || action.get().equals(e.action()))
                && (resourceType.isEmpty() || resourceType.get().equals(e.resourceType()))
                && (resourceId.isEmpty() || resourceId.get().equals(e.resourceId()));
    }
}
