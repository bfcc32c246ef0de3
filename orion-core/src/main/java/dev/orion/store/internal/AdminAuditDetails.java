package dev.orion.store.internal;

import dev.orion.store.AuditFilter;
import java.util.Map;
import java.util.TreeMap;

/** What an admin-view audit event records about the filter used, so reviewers see what was looked at. */
public final class AdminAuditDetails {

    private AdminAuditDetails() {
    }

    /** @param f the filter @return its non-empty fields as details */
    public static Map<String, String> of(AuditFilter f) {
        Map<String, String> d = new TreeMap<>();
        f.from().ifPresent(v -> d.put("from", v.toString()));
        f.to().ifPresent(v -> d.put("to", v.toString()));
        f.actor().ifPresent(v -> d.put("actor", v.toString()));
        f.action().ifPresent(v -> d.put("action", v));
        f.resourceType().ifPresent(v -> d.put("resourceType", v));
        f.resourceId().ifPresent(v -> d.put("resourceId", v));
        return d;
    }
}
