package dev.orion.store;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Counts of audit events.
 *
 * @param total          all matching events
 * @param byAction       per action, in key order
 * @param byResourceType per resource type, in key order
 * @param byDay          per UTC day, in order
 */
public record AuditStats(long total, SortedMap<String, Long> byAction, SortedMap<String, Long> byResourceType,
                         SortedMap<LocalDate, Long> byDay) {

    /** Copies the maps. */
    public AuditStats {
        byAction = Collections.unmodifiableSortedMap(new TreeMap<>(byAction));
        byResourceType = Collections.unmodifiableSortedMap(new TreeMap<>(byResourceType));
        byDay = Collections.unmodifiableSortedMap(new TreeMap<>(byDay));
    }

    /**
     * @param total          total
     * @param byAction       per action
     * @param byResourceType per resource type
     * @param byDay          per day
     * @return the stats
     */
    public static AuditStats of(long total, Map<String, Long> byAction, Map<String, Long> byResourceType,
                                Map<LocalDate, Long> byDay) {
        return new AuditStats(total, new TreeMap<>(byAction), new TreeMap<>(byResourceType), new TreeMap<>(byDay));
    }
}
