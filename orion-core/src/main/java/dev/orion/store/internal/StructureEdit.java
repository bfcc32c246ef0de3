package dev.orion.store.internal;

import dev.orion.store.StoreArguments;
import dev.orion.store.StructureRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One change to a stored structure's metadata, tags or properties, with the audit action and details
 * it is recorded under, so that every store applies and audits {@code putProperties}, {@code putMetadata}
 * and {@code retag} alike. The arguments are checked when the edit is made, before any store is touched.
 *
 * @param action  the audit action ({@code update} or {@code retag})
 * @param details the audit details
 * @param edit    the change to the record's metadata, tags and properties
 */
public record StructureEdit(String action, Map<String, String> details, UnaryOperator<StructureRecord> edit) {

    /** @param properties properties to add or overwrite @return the edit */
    public static StructureEdit putProperties(Map<String, Double> properties) {
        Map<String, Double> checked = StoreArguments.properties(properties);
        return new StructureEdit("update", Map.of("properties", Checks.joined(checked.keySet())), r -> {
            Map<String, Double> p = new HashMap<>(r.properties());
            p.putAll(checked);
            return with(r, r.metadata(), r.tags(), p);
        });
    }

    /** @param metadata metadata to add or overwrite @return the edit */
    public static StructureEdit putMetadata(Map<String, String> metadata) {
        Map<String, String> checked = StoreArguments.metadata(metadata);
        return new StructureEdit("update", Map.of("metadata", Checks.joined(checked.keySet())), r -> {
            Map<String, String> m = new HashMap<>(r.metadata());
            m.putAll(checked);
            return with(r, m, r.tags(), r.properties());
        });
    }

    /** @param add tags to add @param remove tags to remove (before adding) @return the edit */
    public static StructureEdit retag(Set<String> add, Set<String> remove) {
        Set<String> a = StoreArguments.tags(add);
        Set<String> rm = StoreArguments.tags(remove);
        return new StructureEdit("retag", Map.of("add", Checks.joined(a), "remove", Checks.joined(rm)), r -> {
            Set<String> tags = new HashSet<>(r.tags());
            tags.removeAll(rm);
            tags.addAll(a);
            return with(r, r.metadata(), tags, r.properties());
        });
    }

    /**
     * @param r   the stored record
     * @param now the time of the change
     * @return the changed record, stamped {@code now} with the next version
     */
    public StructureRecord applyTo(StructureRecord r, Instant now) {
        StructureRecord n = edit.apply(r);
        return new StructureRecord(r.id(), r.project(), r.name(), r.structure(), r.spaceGroup(), n.metadata(),
                n.tags(), n.properties(), r.createdAt(), now, r.version() + 1);
    }

    private static StructureRecord with(StructureRecord r, Map<String, String> m, Set<String> tags, Map<String, Double> p) {
        return new StructureRecord(r.id(), r.project(), r.name(), r.structure(), r.spaceGroup(), m, tags, p,
                r.createdAt(), r.updatedAt(), r.version());
    }
}
