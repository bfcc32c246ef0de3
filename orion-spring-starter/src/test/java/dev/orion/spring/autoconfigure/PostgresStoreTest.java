package dev.orion.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.core.Orion;
import dev.orion.store.OrionStores;
import dev.orion.store.jdbc.JdbcStores;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The store on PostgreSQL: the application's DataSource, alone or with an owner role; a DataSource that is not PostgreSQL. */
class PostgresStoreTest {

    private static EmbeddedPostgres pg;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        // the two roles of docs/persistence.md, "Database roles"
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE orion_owner LOGIN PASSWORD 'owner-pw' NOSUPERUSER NOBYPASSRLS");
            s.execute("CREATE ROLE orion_app LOGIN PASSWORD 'app-pw' NOSUPERUSER NOBYPASSRLS");
            s.execute("CREATE DATABASE orion OWNER orion_owner");
        }
        try (Connection c = dataSource("orion_owner", "owner-pw").getConnection(); Statement s = c.createStatement()) {
            s.execute("GRANT USAGE ON SCHEMA public TO orion_app");
            s.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO orion_app");
            s.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO orion_app");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    private static PGSimpleDataSource dataSource(String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {pg.getPort()});
        ds.setDatabaseName("orion");
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    private ApplicationContextRunner runner(DataSource dataSource) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(OrionAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("orion.store.folder=" + dir.resolve("data"), "orion.work-root=" + dir.resolve("work"));
    }

    @Test
    void aDataSourceBeanMakesThePostgresStore() {
        runner(pg.getPostgresDatabase()).run(context -> {
            assertThat(context).hasNotFailed();
            OrionStores stores = context.getBean(OrionStores.class);
            assertThat(stores).isInstanceOfSatisfying(JdbcStores.class, s -> assertThat(s.isPostgres()).isTrue());
            assertThat(context.getBean(Orion.class).tenant(TenantId.of("acme")).apiKeys().list()).isEmpty();
            assertThat(dir.resolve("data")).doesNotExist();
        });
    }

    @Test
    void anOwnerRoleMakesTheTwoRoleStore() {
        runner(dataSource("orion_app", "app-pw")).withPropertyValues(
                "orion.store.type=postgres",
                "orion.store.owner.url=jdbc:postgresql://localhost:" + pg.getPort() + "/orion",
                "orion.store.owner.username=orion_owner", "orion.store.owner.password=owner-pw").run(context -> {
                    assertThat(context).hasNotFailed();
                    Orion orion = context.getBean(Orion.class);
                    assertThat(orion.tenant(TenantId.of("acme")).apiKeys().list()).isEmpty();
                    assertThat(orion.admin(Principal.system("test")).tenants()).isNotNull();
                    assertThat(context.getBean(OrionProperties.class).store().owner().toString())
                            .doesNotContain("owner-pw");
                });
    }

    @Test
    void aBadOwnerRoleFailsStartUpNamingTheProperty() {
        runner(dataSource("orion_app", "app-pw")).withPropertyValues("orion.store.owner.url=jdbc:mysql://db/orion",
                "orion.store.owner.username=orion_owner").run(context ->
                StartupFailures.namesProperty(context, "orion.store.owner.url", "must start with jdbc:postgresql:"));
        runner(dataSource("orion_app", "app-pw")).withPropertyValues(
                "orion.store.owner.url=jdbc:postgresql://localhost:" + pg.getPort() + "/orion").run(context ->
                StartupFailures.namesProperty(context, "orion.store.owner.username", "must be set"));
    }

    @Test
    void aDataSourceThatIsNotPostgresFailsStartUpUnlessOrionKeepsItsOwnDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:app-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        runner(h2).run(context -> StartupFailures.namesProperty(context, "orion.store.type",
                "not set, and the application has a DataSource bean"));
        runner(h2).withPropertyValues("orion.store.type=embedded").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(dir.resolve("data/orion.mv.db")).exists();
        });
    }
}
