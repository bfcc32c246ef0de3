package dev.orion.store.jdbc;

import dev.orion.store.AuditEvent;
import dev.orion.store.AuditFilter;
import dev.orion.store.internal.StoreIds;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/** Writes audit events inside the caller's transaction and maps them back. */
final class JdbcAudit {

    static final String COLUMNS = "tenant_id, id, seq, actor, action, resource_type, resource_id, occurred_at, details";
    private static final String INSERT = "INSERT INTO audit_events (tenant_id, id, actor, action, resource_type, "
            + "resource_id, occurred_at, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private JdbcAudit() {
    }

    /** Writes one event in the transaction of {@code c}; it commits or rolls back with the mutation. */
    static AuditEvent write(Connection c, TenantId tenant, Principal actor, Instant now, String action, String type,
                            String id, Map<String, String> details) throws SQLException {
        AuditEvent e = new AuditEvent(StoreIds.newId(), tenant, actor, action, type, id, now, details);
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            bind(ps, e);
            ps.executeUpdate();
        }
        return e;
    }

    static PreparedStatement prepareBatch(Connection c) throws SQLException {
        return c.prepareStatement(INSERT);
    }

    static void bind(PreparedStatement ps, AuditEvent e) throws SQLException {
        Columns.bindAll(ps, e.tenant().value(), e.id(), e.actor().toString(), e.action(), e.resourceType(),
                e.resourceId(), e.time(), JsonColumns.write(e.details()));
    }

    static AuditEvent map(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getString("id"), TenantId.of(rs.getString("tenant_id")), Principal.parse(rs.getString("actor")),
                rs.getString("action"), rs.getString("resource_type"), rs.getString("resource_id"),
                Columns.instant(rs, "occurred_at"), JsonColumns.stringMap(rs.getString("details")));
    }

    static Where where(Where w, AuditFilter f) {
        return w.atLeast("occurred_at", f.from()).before("occurred_at", f.to())
                .eq("actor", f.actor().map(Principal::toString)).eq("action", f.action())
                .eq("resource_type", f.resourceType()).eq("resource_id", f.resourceId());
    }
}
