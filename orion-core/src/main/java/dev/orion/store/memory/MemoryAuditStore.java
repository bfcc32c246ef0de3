package dev.orion.store.memory;

import dev.orion.store.AuditEvent;
import dev.orion.store.AuditFilter;
import dev.orion.store.AuditStats;
import dev.orion.store.AuditStore;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.internal.AuditStatsBuilder;
import dev.orion.store.internal.Checks;
import dev.orion.tenant.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

final class MemoryAuditStore implements AuditStore {

    private final MemoryTenant t;
    private final Principal actor;

    MemoryAuditStore(MemoryTenant t, Principal actor) {
        this.t = t;
        this.actor = actor;
    }

    @Override
    public AuditEvent record(String action, String resourceType, String resourceId, Map<String, String> details) {
        Map<String, String> d = Checks.auditRecord(action, resourceType, resourceId, details);
        synchronized (t) {
            return t.audit(actor, action, resourceType, resourceId, d);
        }
    }

    @Override
    public Page<AuditEvent> query(AuditFilter filter, PageRequest page) {
        synchronized (t) {
            return MemoryPages.page(t.audit, filter::matches, page);
        }
    }

    @Override
    public long count(AuditFilter filter) {
        synchronized (t) {
            return t.audit.stream().filter(e -> filter.matches(e.value())).count();
        }
    }

    @Override
    public AuditStats stats(AuditFilter filter) {
        AuditStatsBuilder b = new AuditStatsBuilder();
        forEach(filter, b::add);
        return b.build();
    }

    @Override
    public void forEach(AuditFilter filter, Consumer<AuditEvent> sink) {
        List<AuditEvent> snapshot = new ArrayList<>();
        synchronized (t) {
            t.audit.stream().map(Seq::value).filter(filter::matches).forEach(snapshot::add);
        }
        snapshot.forEach(sink);
    }
}
