package dev.orion.store;

import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The cross-tenant view for operators: audit and usage reports over all tenants or one. Every
 * method call writes an audit event under {@link TenantId#ADMIN} naming {@link #actor()}, so the use
 * of this view is itself on record.
 */
public interface AdminStores {

    /** @return who acts through this view */
    Principal actor();

    /** @return the tenants that have any audit events or usage, in id order */
    List<TenantId> tenants();

    /**
     * @param tenant one tenant, or empty for all
     * @param filter the filter
     * @param page   the page
     * @return matching audit events
     */
    Page<AuditEvent> auditEvents(Optional<TenantId> tenant, AuditFilter filter, PageRequest page);

    /**
     * @param tenant one tenant, or empty for all
     * @param filter the filter
     * @return counts by action, resource type and day
     */
    AuditStats auditStats(Optional<TenantId> tenant, AuditFilter filter);

    /**
     * Streams matching audit events, oldest first, without holding them all in memory.
     *
     * @param tenant one tenant, or empty for all
     * @param filter the filter
     * @param sink   receives each event
     */
    void forEachAuditEvent(Optional<TenantId> tenant, AuditFilter filter, Consumer<AuditEvent> sink);

    /**
     * @param tenant      one tenant, or empty for all
     * @param filter      the filter
     * @param granularity day or month
     * @return aggregated usage per tenant, period, project, kind and feature
     */
    List<UsageAggregate> usage(Optional<TenantId> tenant, UsageFilter filter, UsageGranularity granularity);
}
