package dev.orion.store.internal;

import dev.orion.store.StoreArguments;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Argument checks that only store implementations need (an audit record, the admin tenant, a joined
 * list for audit details); the rules for texts, metadata, tags and properties are
 * {@link StoreArguments}'.
 */
public final class Checks {

    private Checks() {
    }

    /**
     * Checks the arguments of {@code AuditStore.record}.
     *
     * @param action       what was done
     * @param resourceType the kind of resource
     * @param resourceId   the resource
     * @param details      free-form details
     * @return a sorted copy of the details
     */
    public static Map<String, String> auditRecord(String action, String resourceType, String resourceId,
                                                  Map<String, String> details) {
        StoreArguments.text("action", action, 100);
        StoreArguments.text("resourceType", resourceType, 100);
        StoreArguments.text("resourceId", resourceId, 200);
        return StoreArguments.metadata(details);
    }

    /**
     * Checks the arguments of {@code Stores.tenant}: the admin tenant only keeps the admin audit trail.
     *
     * @param tenant the tenant asked for
     * @param actor  who acts
     * @return the tenant
     */
    public static TenantId ordinaryTenant(TenantId tenant, Principal actor) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        if (tenant.isAdmin()) {
            throw new IllegalArgumentException("tenant '" + tenant + "' is reserved for the admin audit trail");
        }
        return tenant;
    }

    /** @param values values @return them joined by commas, sorted */
    public static String joined(Iterable<String> values) {
        return String.join(",", new TreeSet<String>(toSet(values)));
    }

    private static Set<String> toSet(Iterable<String> values) {
        Set<String> s = new TreeSet<>();
        values.forEach(s::add);
        return s;
    }
}
