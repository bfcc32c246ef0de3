package dev.orion.store;

import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One audited action: who did what to which resource of which tenant, and when.
 *
 * @param id           the id assigned by the store
 * @param tenant       the tenant whose data changed ({@link TenantId#ADMIN} for admin-view access)
 * @param actor        who acted
 * @param action       the verb, e.g. {@code "create"}, {@code "transition"}, {@code "revoke"}
 * @param resourceType the kind of resource, e.g. {@code "job"}
 * @param resourceId   the resource's id
 * @param time         when
 * @param details      what changed (never secrets)
 */
public record AuditEvent(String id, TenantId tenant, Principal actor, String action, String resourceType,
                         String resourceId, Instant time, Map<String, String> details) {

    /** Validates and copies. */
    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(time, "time");
        details = Map.copyOf(details);
    }

    /** The CSV header matching {@link #toCsvRow()}. */
    public static final String CSV_HEADER = "id,time,tenant,actor,action,resource_type,resource_id,details";

    /** @return this event as one CSV line; details as {@code k=v;k=v} in key order */
    public String toCsvRow() {
        StringBuilder d = new StringBuilder();
        new java.util.TreeMap<>(details).forEach((k, v) -> d.append(d.length() == 0 ? "" : ";").append(k).append('=').append(v));
        return String.join(",", Csv.field(id), time.toString(), tenant.value(), Csv.field(actor.toString()),
                Csv.field(action), Csv.field(resourceType), Csv.field(resourceId), Csv.field(d.toString()));
    }

    /** @return this event as one JSON object */
    public String toJson() {
        StringBuilder b = new StringBuilder(128).append('{');
        Json.field(b, "id", id).append(',');
        Json.field(b, "time", time.toString()).append(',');
        Json.field(b, "tenant", tenant.value()).append(',');
        Json.field(b, "actor", actor.toString()).append(',');
        Json.field(b, "action", action).append(',');
        Json.field(b, "resourceType", resourceType).append(',');
        Json.field(b, "resourceId", resourceId).append(",\"details\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(details).entrySet()) {
            if (!first) {
                b.append(',');
            }
            Json.field(b, e.getKey(), e.getValue());
            first = false;
        }
        return b.append("}}").toString();
    }
}
