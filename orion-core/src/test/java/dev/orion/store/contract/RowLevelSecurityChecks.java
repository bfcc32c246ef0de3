package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.store.NewStructure;
import dev.orion.store.NewWorkItem;
import dev.orion.store.TenantStores;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** PostgreSQL only: raw SQL by non-superuser roles is confined by the row-level-security policies. */
public abstract class RowLevelSecurityChecks extends ContractSupport {

    private static final List<String> TABLES = List.of("structures", "structure_tags", "structure_elements", "jobs", "audit_events", "work_items",
            "llm_calls", "usage_records", "api_keys");

    private static long count(DataSource ds, String tenantSetting, String table) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                if (tenantSetting != null) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                        ps.setString(1, tenantSetting);
                        ps.execute();
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    return rs.getLong(1);
                } finally {
                    c.rollback();
                }
            }
        }
    }

    @Test
    void rawSqlWithoutTenantSeesNoRowsAndWithATenantSeesOnlyItsOwn() throws SQLException {
        TenantStores a = newTenant();
        TenantStores b = newTenant();
        a.structures().save(NewStructure.of("x", TestStructures.cu()).withTags(java.util.Set.of("t")));
        b.structures().save(NewStructure.of("y", TestStructures.fe()));
        b.workQueue().enqueue(NewWorkItem.of("q", "p"));
        DataSource reader = backend().readerSql().orElseThrow();
        DataSource app = backend().rawSql().orElseThrow();
        for (String table : TABLES) {
            assertThat(count(reader, null, table)).as("reader without app.tenant_id on " + table).isZero();
            assertThat(count(app, null, table)).as("owner role without app.tenant_id on " + table).isZero();
        }
        assertThat(count(reader, a.tenant().value(), "structures")).isEqualTo(1);
        assertThat(count(reader, a.tenant().value(), "structure_tags")).isEqualTo(1);
        assertThat(count(reader, a.tenant().value(), "work_items")).isZero();
        assertThat(count(reader, b.tenant().value(), "work_items")).isEqualTo(1);
        assertThat(count(reader, a.tenant().value(), "audit_events")).isEqualTo(1);
    }

    @Test
    void writesForAnotherTenantAreRejectedByThePolicy() throws SQLException {
        TenantStores a = newTenant();
        try (Connection c = backend().rawSql().orElseThrow().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement set = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                set.setString(1, a.tenant().value());
                set.execute();
            }
            try (Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("INSERT INTO rate_buckets (tenant_id, bucket, tokens, updated_at)"
                        + " VALUES ('someone-else', 'b', 1, CURRENT_TIMESTAMP)")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("row-level security");
            } finally {
                c.rollback();
            }
        }
    }
}
