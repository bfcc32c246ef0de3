package dev.orion.store.jdbc;

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
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The cross-tenant view. Each call reads and writes its own audit event in one admin transaction
 * ({@code app.admin = 'on'} lets the read-only admin policies see all tenants on PostgreSQL).
 */
final class JdbcAdminStores implements AdminStores {

    private final Tx tx;
    private final Principal actor;
    private final Clock clock;

    JdbcAdminStores(Tx tx, Principal actor, Clock clock) {
        this.tx = tx;
        this.actor = actor;
        this.clock = clock;
    }

    @Override
    public Principal actor() {
        return actor;
    }

    private <T> T audited(String action, Optional<TenantId> tenant, Map<String, String> details, SqlWork<T> work) {
        Objects.requireNonNull(tenant, "tenant");
        return tx.asAdmin("admin " + action, c -> {
            JdbcAudit.write(c, TenantId.ADMIN, actor, clock.instant(), action, "admin-report",
                    tenant.map(TenantId::value).orElse("*"), details);
            return work.run(c);
        });
    }

    @Override
    public List<TenantId> tenants() {
        return audited("list-tenants", Optional.empty(), Map.of(), c -> Queries.list(c,
                "SELECT tenant_id FROM audit_events UNION SELECT tenant_id FROM usage_records ORDER BY 1", List.of(),
                rs -> TenantId.of(rs.getString(1))));
    }

    private static Where where(Optional<TenantId> tenant, AuditFilter filter) {
        return JdbcAudit.where(Where.any().eq("tenant_id", tenant.map(TenantId::value)), filter);
    }

    @Override
    public Page<AuditEvent> auditEvents(Optional<TenantId> tenant, AuditFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        return audited("query-audit", tenant, AdminAuditDetails.of(filter),
                c -> Queries.page(c, JdbcAuditStore.SELECT, where(tenant, filter), "seq", page, JdbcAudit::map));
    }

    @Override
    public AuditStats auditStats(Optional<TenantId> tenant, AuditFilter filter) {
        AuditStatsBuilder b = new AuditStatsBuilder();
        streamAudit("audit-stats", tenant, filter, b::add);
        return b.build();
    }

    @Override
    public void forEachAuditEvent(Optional<TenantId> tenant, AuditFilter filter, Consumer<AuditEvent> sink) {
        Objects.requireNonNull(sink, "sink");
        streamAudit("export-audit", tenant, filter, sink);
    }

    private void streamAudit(String action, Optional<TenantId> tenant, AuditFilter filter, Consumer<AuditEvent> sink) {
        Objects.requireNonNull(filter, "filter");
        Where w = where(tenant, filter);
        // the admin event is written first, in the same transaction, so an export of the admin trail includes it
        audited(action, tenant, AdminAuditDetails.of(filter), c -> {
            Queries.stream(c, JdbcAuditStore.SELECT, w, "seq", JdbcAudit::map, sink);
            return null;
        });
    }

    @Override
    public List<UsageAggregate> usage(Optional<TenantId> tenant, UsageFilter filter, UsageGranularity granularity) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(granularity, "granularity");
        Where w = JdbcUsageStore.where(Where.any().eq("tenant_id", tenant.map(TenantId::value)), filter);
        return audited("usage-report", tenant, Map.of("granularity", granularity.name()), c -> JdbcUsageStore.daily(c, w, granularity));
    }
}
