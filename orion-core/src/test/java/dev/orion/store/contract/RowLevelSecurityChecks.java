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

/** PostgreSQL only: raw SQL by the runtime role and a reader role is confined by the row-level-security policies, which neither can switch off nor widen with a setting. */
public abstract class RowLevelSecurityChecks extends ContractSupport {

    private static final List<String> TABLES = List.of("structures", "structure_tags", "structure_elements", "jobs", "audit_events", "work_items",
            "llm_calls", "usage_records", "api_keys", "surrogate_models", "response_cache",
            "workflow_templates", "workflow_runs", "workflow_run_steps");

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
        b.models().register("m", ModelStoreContract.state(0.5, 3));
        b.responseCache().put("k", "v", clock().instant().plusSeconds(60));
        b.workflowTemplates().save(dev.orion.store.NewWorkflowTemplate.of("w", "schema: 1\nname: w\n"));
        b.workflowRuns().start(WorkflowRunStoreContract.run("run-1", "w"));
        b.workflowRuns().saveStep("run-1", WorkflowRunStoreContract.step("s", dev.orion.store.WorkflowStepState.SUCCEEDED, "0", 0));
        DataSource reader = backend().readerSql().orElseThrow();
        DataSource app = backend().rawSql().orElseThrow();
        for (String table : TABLES) {
            assertThat(count(reader, null, table)).as("reader without app.tenant_id on " + table).isZero();
            assertThat(count(app, null, table)).as("runtime role without app.tenant_id on " + table).isZero();
        }
        assertThat(count(reader, a.tenant().value(), "structures")).isEqualTo(1);
        assertThat(count(reader, a.tenant().value(), "structure_tags")).isEqualTo(1);
        assertThat(count(reader, a.tenant().value(), "work_items")).isZero();
        assertThat(count(reader, b.tenant().value(), "work_items")).isEqualTo(1);
        assertThat(count(reader, a.tenant().value(), "surrogate_models")).isZero();
        assertThat(count(reader, b.tenant().value(), "surrogate_models")).isEqualTo(1);
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

    private static List<String> orionTables(DataSource ds) throws SQLException {
        List<String> tables = new java.util.ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                     + " AND tablename <> 'orion_schema_history' ORDER BY tablename")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static void inRolledBackTransaction(DataSource ds, String tenant, SqlCheck check) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement set = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                set.setString(1, tenant);
                set.execute();
                check.run(c);
            } finally {
                c.rollback();
            }
        }
    }

    /** A check on a connection inside a transaction that is rolled back. */
    private interface SqlCheck {
        void run(Connection c) throws SQLException;
    }

    @Test
    void theRuntimeRoleCannotTurnItselfIntoAnAdminByASetting() throws SQLException {
        TenantStores a = newTenant();
        TenantStores b = newTenant();
        b.structures().save(NewStructure.of("secret", TestStructures.cu()));
        b.usage().record(dev.orion.store.UsageRecord.llm(java.util.Optional.empty(), "f", 1, 1, java.math.BigDecimal.ONE, clock().instant()));
        inRolledBackTransaction(backend().rawSql().orElseThrow(), a.tenant().value(), c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT set_config('app.admin', 'on', true)");
                for (String table : List.of("audit_events", "usage_records", "structures")) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = '" + b.tenant().value() + "'")) {
                        rs.next();
                        assertThat(rs.getLong(1)).as("rows of another tenant in " + table + " with app.admin on").isZero();
                    }
                }
            }
        });
        assertThat(backend().stores().admin(dev.orion.tenant.Principal.user("ops"))
                .auditEvents(java.util.Optional.of(b.tenant()), dev.orion.store.AuditFilter.all(), dev.orion.store.PageRequest.first(5))
                .items()).as("the admin view still reads across tenants").isNotEmpty();
    }

    @Test
    void theRuntimeRoleCannotSwitchRowLevelSecurityOffOnAnyTable() throws SQLException {
        TenantStores a = newTenant();
        List<String> tables = orionTables(backend().rawSql().orElseThrow());
        assertThat(tables).contains("structures", "jobs", "api_keys", "work_items", "rate_buckets", "audit_events");
        for (String table : tables) {
            for (String attack : List.of("ALTER TABLE " + table + " NO FORCE ROW LEVEL SECURITY",
                    "ALTER TABLE " + table + " DISABLE ROW LEVEL SECURITY", "TRUNCATE " + table,
                    "CREATE POLICY open_door ON " + table + " USING (true)")) {
                inRolledBackTransaction(backend().rawSql().orElseThrow(), a.tenant().value(), c -> {
                    try (Statement s = c.createStatement()) {
                        assertThatThrownBy(() -> s.execute(attack)).as(attack).isInstanceOf(SQLException.class)
                                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("must be owner", "permission denied"));
                    }
                });
            }
        }
        try (Connection c = backend().rawSql().orElseThrow().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace"
                     + " AND relname <> 'orion_schema_history' AND NOT (relrowsecurity AND relforcerowsecurity)")) {
            assertThat(rs.next()).as("every ORION table has forced row-level security").isFalse();
        }
    }
}
