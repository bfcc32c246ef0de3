package dev.orion.store.internal;

import dev.orion.store.AuditEvent;
import dev.orion.store.AuditStats;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/** Counts audit events by action, resource type and UTC day. */
public final class AuditStatsBuilder {

    private long total;
    private final Map<String, Long> byAction = new TreeMap<>();
    private final Map<String, Long> byType = new TreeMap<>();
    private final Map<LocalDate, Long> byDay = new TreeMap<>();

    /** @param e an event to count */
    public void add(AuditEvent e) {
        total++;
        byAction.merge(e.action(), 1L, Long::sum);
        byType.merge(e.resourceType(), 1L, Long::sum);
        byDay.merge(LocalDate.ofInstant(e.time(), ZoneOffset.UTC), 1L, Long::sum);
    }

    /** @return the counts */
    public AuditStats build() {
        return AuditStats.of(total, byAction, byType, byDay);
    }
}
