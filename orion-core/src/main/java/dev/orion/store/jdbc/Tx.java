package dev.orion.store.jdbc;

import dev.orion.store.StoreException;
import dev.orion.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs work in one transaction on a pooled connection. On PostgreSQL it first sets
 * {@code app.tenant_id} for this transaction only ({@code set_config(..., true)}), which the
 * row-level-security policies check; the setting vanishes at commit or rollback, so a pooled
 * connection never carries one tenant into another's transaction.
 */
final class Tx {

    private final DataSource dataSource;
    private final Dialect dialect;

    Tx(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    <T> T inTenant(TenantId tenant, String what, SqlWork<T> work) {
        return run(tenant, false, what, work);
    }

    <T> T asAdmin(String what, SqlWork<T> work) {
        return run(TenantId.ADMIN, true, what, work);
    }

    private <T> T run(TenantId tenant, boolean admin, String what, SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                if (dialect == Dialect.POSTGRESQL) {
                    try (PreparedStatement ps = c.prepareStatement(admin
                            ? "SELECT set_config('app.tenant_id', ?, true), set_config('app.admin', 'on', true)"
                            : "SELECT set_config('app.tenant_id', ?, true)")) {
                        ps.setString(1, tenant.value());
                        ps.execute();
                    }
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException(what + " failed for tenant '" + tenant + "': " + e.getMessage(), e);
        }
    }
}
