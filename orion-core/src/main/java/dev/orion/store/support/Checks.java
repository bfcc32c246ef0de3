package dev.orion.store.support;

import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Argument checks for store methods that take bare maps and sets (the records of the SPI check
 * their own fields); the rules match those of {@code NewStructure}.
 */
public final class Checks {

    private Checks() {
    }

    /** @param argument name @param value value @param max max length @return the value */
    public static String text(String argument, String value, int max) {
        Objects.requireNonNull(value, argument);
        if (value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(argument + " must be 1-" + max + " non-blank characters, got '"
                    + (value.length() > 60 ? value.substring(0, 57) + "..." : value) + "'");
        }
        return value;
    }

    /** @param properties computed properties @return a sorted copy, all finite */
    public static Map<String, Double> properties(Map<String, Double> properties) {
        Objects.requireNonNull(properties, "properties");
        Map<String, Double> copy = new TreeMap<>();
        properties.forEach((k, v) -> {
            text("property name", k, 200);
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("property '" + k + "' must be a finite number, got " + v);
            }
            copy.put(k, v);
        });
        return copy;
    }

    /** @param metadata metadata @return a sorted copy */
    public static Map<String, String> metadata(Map<String, String> metadata) {
        Objects.requireNonNull(metadata, "metadata");
        Map<String, String> copy = new TreeMap<>();
        metadata.forEach((k, v) -> copy.put(text("metadata key", k, 200), Objects.requireNonNull(v, "metadata value of " + k)));
        return copy;
    }

    /** @param tags tags @return a sorted copy */
    public static Set<String> tags(Set<String> tags) {
        Objects.requireNonNull(tags, "tags");
        Set<String> copy = new TreeSet<>();
        for (String tag : tags) {
            copy.add(text("tag", tag, 100));
        }
        return copy;
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
        text("action", action, 100);
        text("resourceType", resourceType, 100);
        text("resourceId", resourceId, 200);
        return metadata(details);
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
