package dev.orion.core;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.orion.store.OrionStores;
import dev.orion.store.StoreException;
import dev.orion.store.jdbc.JdbcStores;
import dev.orion.store.memory.MemoryStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Factories for ORION's stores:
 * <ul>
 *   <li>{@link #embedded(Path)}: an H2 database in one folder, created and migrated on first use
 *       (zero set-up, one JVM at a time);</li>
 *   <li>{@link #postgres(DataSource)} / {@link #postgres(String, String, String)}: PostgreSQL with
 *       row-level security, shared by any number of JVMs;</li>
 *   <li>{@link #inMemory()}: nothing persisted, for tests and notebooks.</li>
 * </ul>
 */
public final class Stores {

    private Stores() {
    }

    /**
     * Opens (creating if needed) the H2 database {@code folder/orion.mv.db} and migrates it.
     *
     * @param folder the folder holding the database files
     * @return the stores; close them to release the file
     * @throws IllegalArgumentException if the folder's absolute path contains {@code ;} or a control character
     */
    public static OrionStores embedded(Path folder) {
        Objects.requireNonNull(folder, "folder");
        String absolute = folder.toAbsolutePath().toString();
        // the path becomes part of the H2 URL, where ';' starts a setting (INIT=... runs SQL on open)
        if (absolute.chars().anyMatch(ch -> ch == ';' || Character.isISOControl(ch))) {
            throw new IllegalArgumentException("data folder must not contain ';' or control characters (it is part of"
                    + " the H2 URL), got " + absolute);
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreException("cannot create the ORION data folder " + folder + ": " + e.getMessage(), e);
        }
        String url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve("orion")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                // write each commit to the file at once: by default H2 delays writes by up to 500 ms, and a
                // JVM killed in that window loses committed jobs (found by the engines' crash test)
                + ";WRITE_DELAY=0";
        return pooled(url, "orion", "", 4, Clock.systemUTC());
    }

    /**
     * An H2 database in this JVM's memory, migrated like the embedded one (for tests that want the
     * JDBC code path without files).
     *
     * @param name  the database name (the same name in one JVM is the same database)
     * @param clock the clock that stamps records
     * @return the stores
     */
    public static OrionStores h2InMemory(String name, Clock clock) {
        String url = "jdbc:h2:mem:" + Objects.requireNonNull(name, "name")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        return pooled(url, "orion", "", 8, clock);
    }

    /**
     * Stores on an existing PostgreSQL data source (for example the host application's pool). The
     * schema is migrated on open. Connect as a role that is not a superuser, so row-level security applies.
     *
     * @param dataSource the PostgreSQL data source
     * @return the stores (closing them does not close {@code dataSource})
     */
    public static OrionStores postgres(DataSource dataSource) {
        return postgres(dataSource, Clock.systemUTC());
    }

    /**
     * @param dataSource the PostgreSQL data source
     * @param clock      the clock that stamps records
     * @return the stores (closing them does not close {@code dataSource})
     */
    public static OrionStores postgres(DataSource dataSource, Clock clock) {
        JdbcStores stores = JdbcStores.open(dataSource, clock, Optional.empty());
        if (!stores.isPostgres()) {
            throw new StoreException("Stores.postgres was given a data source that is not PostgreSQL");
        }
        return stores;
    }

    /**
     * Stores on PostgreSQL with separate roles, so that row-level security holds against raw SQL on the
     * runtime pool too: {@code owner} owns the tables, runs the migrations and serves the admin view;
     * {@code runtime} (which must not own the tables, nor be a member of the owner role) serves the tenant
     * views and API-key checks. The set-up SQL is in docs/persistence.md, "Database roles".
     *
     * @param runtime the runtime role's pool
     * @param owner   the owner role's data source
     * @param clock   the clock that stamps records
     * @return the stores (closing them closes neither data source)
     */
    public static JdbcStores postgres(DataSource runtime, DataSource owner, Clock clock) {
        JdbcStores stores = JdbcStores.open(runtime, owner, clock, Optional.empty());
        if (!stores.isPostgres()) {
            throw new StoreException("Stores.postgres was given a data source that is not PostgreSQL");
        }
        return stores;
    }

    /**
     * Opens a HikariCP pool on PostgreSQL and migrates the schema.
     *
     * @param jdbcUrl  e.g. {@code jdbc:postgresql://db:5432/orion}
     * @param user     the role (not a superuser)
     * @param password its password (never logged)
     * @return the stores; closing them closes the pool
     */
    public static OrionStores postgres(String jdbcUrl, String user, String password) {
        return postgres(jdbcUrl, user, password, Clock.systemUTC());
    }

    /**
     * @param jdbcUrl  the JDBC URL
     * @param user     the role
     * @param password its password
     * @param clock    the clock that stamps records
     * @return the stores; closing them closes the pool
     */
    public static OrionStores postgres(String jdbcUrl, String user, String password, Clock clock) {
        if (!Objects.requireNonNull(jdbcUrl, "jdbcUrl").startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:postgresql:, got '" + jdbcUrl.replaceAll("password=[^&]*", "password=***") + "'");
        }
        return pooled(jdbcUrl, user, password, 10, clock);
    }

    /** @return stores that keep everything in memory */
    public static OrionStores inMemory() {
        return new MemoryStores();
    }

    /** @param clock the clock that stamps records @return stores that keep everything in memory */
    public static OrionStores inMemory(Clock clock) {
        return new MemoryStores(clock);
    }

    private static JdbcStores pooled(String url, String user, String password, int poolSize, Clock clock) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(Objects.requireNonNull(user, "user"));
        config.setPassword(Objects.requireNonNull(password, "password"));
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("orion");
        if (url.startsWith("jdbc:postgresql:")) {
            // lets the driver turn batched INSERTs into multi-row statements (call-record ingest)
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the ORION database at " + url.replaceAll("password=[^&;]*", "password=***")
                    + ": " + e.getMessage(), e);
        }
        try {
            return JdbcStores.open(pool, clock, Optional.of(pool));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }
}
