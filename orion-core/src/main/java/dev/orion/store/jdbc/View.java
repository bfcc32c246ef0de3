package dev.orion.store.jdbc;

import dev.orion.store.AuditEvent;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** What every tenant-bound JDBC store holds: the transaction runner, the tenant, the actor, the clock. */
record View(Tx tx, TenantId tenant, Principal actor, Clock clock) {

    Instant now() {
        return clock.instant();
    }

    String t() {
        return tenant.value();
    }

    <T> T tx(String what, SqlWork<T> work) {
        return tx.inTenant(tenant, what, work);
    }

    AuditEvent audit(Connection c, Instant now, String action, String type, String id, Map<String, String> details)
            throws SQLException {
        return JdbcAudit.write(c, tenant, actor, now, action, type, id, details);
    }
}
