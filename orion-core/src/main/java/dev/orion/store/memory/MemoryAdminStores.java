package dev.orion.store.memory;

import dev.orion.store.AdminStores;
import dev.orion.store.AuditEvent;
import dev.orion.store.AuditFilter;
import dev.orion.store.AuditStats;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.UsageAggregate;
import dev.orion.store.UsageFilter;
import dev.orion.store.UsageGranularity;
import dev.orion.store.internal.AdminAuditDetails;
import dev.orion.store.internal.AuditStatsBuilder;
import dev.orion.store.internal.UsageAggregator;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

final class MemoryAdminStores implements AdminStores {

    private final MemoryStores stores;
    private final Principal actor;

    MemoryAdminStores(MemoryStores stores, Principal actor) {
        this.stores = stores;
        this.actor = actor;
    }

    @Override
    public Principal actor() {
        return actor;
    }

    private void audit(String action, Optional<TenantId> tenant, Map<String, String> details) {
        MemoryTenant admin = stores.data(TenantId.ADMIN);
        synchronized (admin) {
            admin.audit(actor, action, "admin-report", tenant.map(TenantId::value).orElse("*"), details);
        }
    }

    private List<MemoryTenant> selected(Optional<TenantId> tenant) {
        List<MemoryTenant> out = new ArrayList<>();
        for (MemoryTenant t : stores.allTenants()) {
            if (tenant.map(t.tenant::equals).orElse(true)) {
                out.add(t);
            }
        }
        return out;
    }

    @Override
    public List<TenantId> tenants() {
        audit("list-tenants", Optional.empty(), Map.of());
        TreeSet<TenantId> ids = new TreeSet<>();
        for (MemoryTenant t : stores.allTenants()) {
            synchronized (t) {
                if (!t.audit.isEmpty() || !t.usage.isEmpty()) {
                    ids.add(t.tenant);
                }
            }
        }
        return List.copyOf(ids);
    }

    private List<Seq<AuditEvent>> events(Optional<TenantId> tenant, AuditFilter filter) {
        List<Seq<AuditEvent>> all = new ArrayList<>();
        for (MemoryTenant t : selected(tenant)) {
            synchronized (t) {
                // sequence numbers are per tenant; interleave by time then tenant for a global order
                for (Seq<AuditEvent> s : t.audit) {
                    if (filter.matches(s.value())) {
                        all.add(s);
                    }
                }
            }
        }
        all.sort(java.util.Comparator.comparing((Seq<AuditEvent> s) -> s.value().time())
                .thenComparing(s -> s.value().tenant()).thenComparingLong(Seq::seq));
        List<Seq<AuditEvent>> renumbered = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            renumbered.add(new Seq<>(i + 1, all.get(i).value()));
        }
        return renumbered;
    }

    @Override
    public Page<AuditEvent> auditEvents(Optional<TenantId> tenant, AuditFilter filter, PageRequest page) {
        audit("query-audit", tenant, AdminAuditDetails.of(filter));
        return MemoryPages.page(events(tenant, filter), e -> true, page);
    }

    @Override
    public AuditStats auditStats(Optional<TenantId> tenant, AuditFilter filter) {
        audit("audit-stats", tenant, AdminAuditDetails.of(filter));
        AuditStatsBuilder b = new AuditStatsBuilder();
        events(tenant, filter).forEach(s -> b.add(s.value()));
        return b.build();
    }

    @Override
    public void forEachAuditEvent(Optional<TenantId> tenant, AuditFilter filter, Consumer<AuditEvent> sink) {
        audit("export-audit", tenant, AdminAuditDetails.of(filter));
        events(tenant, filter).forEach(s -> sink.accept(s.value()));
    }

    @Override
    public List<UsageAggregate> usage(Optional<TenantId> tenant, UsageFilter filter, UsageGranularity granularity) {
        audit("usage-report", tenant, Map.of("granularity", granularity.name()));
        UsageAggregator agg = new UsageAggregator(granularity);
        for (MemoryTenant t : selected(tenant)) {
            synchronized (t) {
                t.usage.stream().map(Seq::value).filter(filter::matches).forEach(r -> agg.add(t.tenant, r));
            }
        }
        return agg.result();
    }
}
