package dev.orion.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.core.Stores;
import dev.orion.io.json.StructureJson;
import dev.orion.store.contract.Backends;
import dev.orion.store.contract.MutableClock;
import dev.orion.store.contract.TestStructures;
import dev.orion.structure.Element;
import dev.orion.structure.Molecule;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * A database written when structures were opaque JSON (schema V2) opens with today's stores, on H2
 * and on PostgreSQL with row-level security: rows holding a structure document gain their derived
 * columns and come back as {@code Structure}s; rows holding anything else are kept unchanged and
 * skipped by queries; nothing is deleted.
 */
class StructureSchemaUpgradeTest {

    private static final String MOLECULE = StructureJson.toJson(Molecule.builder()
            .add(Element.O, 0, 0, 0).add(Element.H, 0.96, 0, 0).add(Element.H, -0.24, 0.93, 0).build());

    @Test
    void anH2DatabaseOfSchemaTwoKeepsEveryStructureRow() throws SQLException {
        String name = "structure-upgrade-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        JdbcDataSource raw = new JdbcDataSource();
        raw.setURL("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        raw.setUser("orion");
        raw.setPassword("");
        writeSchemaTwoRows(raw, false, "classpath:db/orion/common");
        try (var stores = Stores.h2InMemory(name, new MutableClock(Backends.T0))) {
            checkUpgraded(stores, raw, false);
        }
    }

    @Test
    void aPostgresDatabaseOfSchemaTwoKeepsEveryStructureRowUnderRowLevelSecurity() throws SQLException {
        DataSource app = Backends.newPostgresDatabase("structure_upgrade_" + System.nanoTime());
        writeSchemaTwoRows(app, true, "classpath:db/orion/common", "classpath:db/orion/postgresql");
        try (var stores = Stores.postgres(app, new MutableClock(Backends.T0))) {
            checkUpgraded(stores, app, true);
        }
    }

    private static void writeSchemaTwoRows(DataSource ds, boolean postgres, String... locations) throws SQLException {
        Flyway.configure(StructureSchemaUpgradeTest.class.getClassLoader()).dataSource(ds).locations(locations)
                .table("orion_schema_history").baselineOnMigrate(true).baselineVersion("0").target("2").load().migrate();
        insertOld(ds, postgres, "acme", "old-nacl", "NaCl", 8, StructureJson.toJson(TestStructures.nacl()), "[\"ionic\"]");
        insertOld(ds, postgres, "acme", "old-sample", "NaCl", 8, "{\"spacegroup\":225}", "[]");
        insertOld(ds, postgres, "globex", "old-water", "H2O", 3, MOLECULE, "[]");
        insertOld(ds, postgres, "globex", "old-big", "Cu", 864, StructureJson.toJson(TestStructures.cu().supercell(6, 6, 6)), "[]");
        insertOld(ds, postgres, "globex", "old-garbage", "??", 0, "not json at all", "[]");
    }

    private static void insertOld(DataSource ds, boolean postgres, String tenant, String id, String formula, int nsites,
            String body, String tags) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            setTenant(c, postgres, tenant);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO structures (tenant_id, id, name, formula, nsites, body,"
                    + " metadata, tags, properties, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, '{\"source\":\"v2\"}',"
                    + " ?, '{}', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', 2)")) {
                ps.setString(1, tenant);
                ps.setString(2, id);
                ps.setString(3, "name of " + id);
                ps.setString(4, formula);
                ps.setInt(5, nsites);
                ps.setString(6, body);
                ps.setString(7, tags);
                ps.executeUpdate();
            }
            if (tags.contains("ionic")) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO structure_tags (tenant_id, structure_id, tag) VALUES (?, ?, 'ionic')")) {
                    ps.setString(1, tenant);
                    ps.setString(2, id);
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
    }

    private static void setTenant(Connection c, boolean postgres, String tenant) throws SQLException {
        if (postgres) {
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                ps.setString(1, tenant);
                ps.execute();
            }
        }
    }

    private static void checkUpgraded(OrionStores stores, DataSource raw, boolean postgres) throws SQLException {
        StructureStore acme = stores.tenant(TenantId.of("acme"), Principal.user("alice")).structures();
        StructureStore globex = stores.tenant(TenantId.of("globex"), Principal.user("bob")).structures();

        StructureRecord nacl = acme.find("old-nacl").orElseThrow();
        assertThat(nacl.structure()).isEqualTo(TestStructures.nacl());
        assertThat(nacl.spaceGroup()).hasValue(225);
        assertThat(nacl.tags()).containsExactly("ionic");
        assertThat(nacl.metadata()).isEqualTo(Map.of("source", "v2"));
        assertThat(nacl.version()).isEqualTo(2);
        assertThat(acme.count(StructureFilter.all())).isEqualTo(1);
        assertThat(acme.count(StructureFilter.all().withElements("Na", "Cl").withSpaceGroup(225).withTag("ionic"))).isEqualTo(1);
        assertThat(acme.count(StructureFilter.all().withReducedFormula("NaCl").withSiteCount(8, 8))).isEqualTo(1);
        assertThatThrownBy(() -> acme.find("old-sample")).isInstanceOf(StoreException.class)
                .hasMessageContaining("'old-sample'").hasMessageContaining("not a structure document");
        assertThatThrownBy(() -> acme.retag("old-sample", Set.of("x"), Set.of())).isInstanceOf(StoreException.class)
                .hasMessageContaining("'old-sample'");

        StructureRecord big = globex.find("old-big").orElseThrow();
        assertThat(big.nsites()).isEqualTo(864);
        assertThat(big.spaceGroup()).isEmpty();
        assertThat(globex.query(StructureFilter.all().withOnlyElements("Cu"), PageRequest.first(10)).items())
                .extracting(StructureRecord::id).containsExactly("old-big");
        assertThatThrownBy(() -> globex.find("old-water")).isInstanceOf(StoreException.class).hasMessageContaining("'old-water'");
        assertThat(globex.count(StructureFilter.all())).isEqualTo(1);

        assertThat(rawRows(raw, postgres, "acme")).containsExactly(
                "old-nacl|NaCl|8|NaCl|8", "old-sample|NaCl|8|null|null");
        assertThat(rawRows(raw, postgres, "globex")).containsExactly(
                "old-water|H2O|3|null|null", "old-big|Cu|864|Cu|864", "old-garbage|??|0|null|null");
        assertThat(rawBody(raw, postgres, "acme", "old-sample")).isEqualTo("{\"spacegroup\":225}");
        assertThat(rawBody(raw, postgres, "globex", "old-water")).isEqualTo(MOLECULE);

        assertThat(acme.delete("old-sample")).isTrue();
        String fresh = acme.save("new Cu", TestStructures.cu()).id();
        assertThat(acme.query(StructureFilter.all(), PageRequest.first(10)).items()).extracting(StructureRecord::id)
                .containsExactly("old-nacl", fresh);
    }

    private static List<String> rawRows(DataSource ds, boolean postgres, String tenant) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            setTenant(c, postgres, tenant);
            try (PreparedStatement ps = c.prepareStatement("SELECT id, legacy_formula, legacy_nsites, reduced_formula, site_count"
                    + " FROM structures WHERE tenant_id = ? ORDER BY seq")) {
                ps.setString(1, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                                + "|" + rs.getString(5));
                    }
                }
            } finally {
                c.rollback();
            }
        }
        return rows;
    }

    private static String rawBody(DataSource ds, boolean postgres, String tenant, String id) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            setTenant(c, postgres, tenant);
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM structures WHERE tenant_id = ? AND id = ?")) {
                ps.setString(1, tenant);
                ps.setString(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            } finally {
                c.rollback();
            }
        }
    }
}
