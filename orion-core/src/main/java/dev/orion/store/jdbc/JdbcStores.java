package dev.orion.store.jdbc;

import dev.orion.store.AdminStores;
import dev.orion.store.ApiKeyCheck;
import dev.orion.store.OrionStores;
import dev.orion.store.RateDecision;
import dev.orion.store.StoreException;
import dev.orion.store.TenantStores;
import dev.orion.store.internal.ApiKeyChecks;
import dev.orion.store.internal.ApiKeyFormat;
import dev.orion.store.internal.Checks;
import dev.orion.tenant.ApiKey;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores on a JDBC {@link DataSource} (H2 or PostgreSQL). {@link #open} migrates the schema with
 * Flyway (history table {@code orion_schema_history}, so it coexists with the host's own migrations):
 * the common scripts everywhere, plus row-level security on PostgreSQL, and the Java migrations
 * (the 3.1 backfill of derived structure columns).
 *
 * <p>On PostgreSQL connect as ordinary roles, not a superuser or a {@code BYPASSRLS} role: superusers
 * bypass row-level security. For row-level security to hold against raw SQL on the application's own
 * pool, open the stores with two roles ({@link #open(DataSource, DataSource, Clock, Optional)}): an owner
 * role that migrates the schema and serves the admin view, and a runtime role that does not own the
 * tables and serves the tenant views.
 */
public final class JdbcStores implements OrionStores {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStores.class);

    private final Tx tx;
    private final Tx adminTx;
    private final Clock clock;
    private final AutoCloseable owned;
    private final PgVector pgvector;

    private JdbcStores(Tx tx, Tx adminTx, Clock clock, AutoCloseable owned, PgVector pgvector) {
        this.tx = tx;
        this.pgvector = pgvector;
        this.adminTx = adminTx;
        this.clock = clock;
        this.owned = owned;
    }

    /**
     * Migrates the database behind {@code dataSource} and returns stores on it, with one role for
     * everything (H2, or PostgreSQL where the runtime role owning the tables is acceptable).
     *
     * @param dataSource the database (pooled; ORION takes one connection per store call)
     * @param clock      the clock that stamps records
     * @param owned      closed by {@link #close()} (the pool, if ORION created it), or empty
     * @return the stores
     */
    public static JdbcStores open(DataSource dataSource, Clock clock, Optional<AutoCloseable> owned) {
        return open(dataSource, dataSource, clock, owned);
    }

    /**
     * Migrates the database as {@code owner} and returns stores whose tenant views and API-key checks
     * run as {@code runtime} and whose admin view runs as {@code owner}.
     *
     * @param runtime the runtime role's data source (pooled); on PostgreSQL it must not own the tables
     * @param owner   the owner role's data source: migrations and admin reports
     * @param clock   the clock that stamps records
     * @param owned   closed by {@link #close()} (the pools, if ORION created them), or empty
     * @return the stores
     */
    public static JdbcStores open(DataSource runtime, DataSource owner, Clock clock, Optional<AutoCloseable> owned) {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(clock, "clock");
        Dialect dialect;
        try (Connection c = owner.getConnection()) {
            dialect = Dialect.fromProductName(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new StoreException("cannot connect to the ORION database: " + e.getMessage(), e);
        }
        try {
            Flyway.configure(JdbcStores.class.getClassLoader()).dataSource(owner)
                    .locations(dialect.migrationLocations()).javaMigrations(new StructureColumnsBackfill())
                    .table("orion_schema_history")
                    .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        } catch (RuntimeException e) {
            throw new StoreException("migrating the ORION schema failed: " + e.getMessage(), e);
        }
        if (dialect == Dialect.POSTGRESQL && runtimeOwnsTables(runtime)) {
            LOG.warn("the ORION runtime role owns the tables: row-level security does not hold against raw SQL on its"
                    + " connections (it may alter the tables); use a separate owner role, see docs/persistence.md");
        }
        LOG.debug("ORION stores ready on {}", dialect);
        return new JdbcStores(new Tx(runtime, dialect), new Tx(owner, dialect), clock, owned.orElse(() -> { }),
                PgVector.detect(dialect, owner));
    }

    private static boolean runtimeOwnsTables(DataSource runtime) {
        try (Connection c = runtime.getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT pg_has_role(current_user, relowner, 'MEMBER') FROM pg_class"
                     + " WHERE oid = 'jobs'::regclass")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            throw new StoreException("cannot connect to the ORION database as the runtime role: " + e.getMessage(), e);
        }
    }

    /** @return whether vector searches go through pgvector's HNSW indexes (the extension was installed when the stores opened) */
    public boolean hasPgVector() {
        return pgvector.available();
    }

    /** @return whether the database is PostgreSQL (with row-level security) rather than H2 */
    public boolean isPostgres() {
        return tx.dialect() == Dialect.POSTGRESQL;
    }

    @Override
    public TenantStores tenant(TenantId tenant, Principal actor) {
        Checks.ordinaryTenant(tenant, actor);
        return new JdbcTenantStores(new View(tx, tenant, actor, clock), pgvector);
    }

    @Override
    public AdminStores admin(Principal actor) {
        return new JdbcAdminStores(adminTx, Objects.requireNonNull(actor, "actor"), clock);
    }

    @Override
    public ApiKeyCheck authenticate(String presentedKey, String requiredScope) {
        Objects.requireNonNull(requiredScope, "requiredScope");
        Optional<ApiKeyFormat.Parsed> parsed = ApiKeyChecks.tenantKey(presentedKey);
        if (parsed.isEmpty()) {
            return new ApiKeyCheck.Rejected(ApiKeyCheck.Reason.INVALID, Duration.ZERO);
        }
        TenantId tenant = parsed.get().tenant();
        String id = parsed.get().id();
        return tx.inTenant(tenant, "authenticate API key", c -> {
            // no row lock: a check only reads the key; the rate-limit bucket is the one row it locks
            Optional<Object[]> row = Queries.one(c, JdbcApiKeyStore.SELECT + " WHERE tenant_id = ? AND id = ?",
                    rs -> new Object[] {JdbcApiKeyStore.map(rs), rs.getString("secret_hash")}, tenant.value(), id);
            Instant now = clock.instant();
            if (row.isEmpty()) {
                // attempts on tenants without keys write nothing, so made-up tenant names cannot grow the tables
                boolean tenantHasKeys = Queries.one(c, "SELECT 1 FROM api_keys WHERE tenant_id = ? LIMIT 1", rs -> true,
                        tenant.value()).isPresent();
                return tenantHasKeys ? failed(c, tenant, ApiKeyChecks.UNKNOWN_KEY, id, ApiKeyCheck.Reason.INVALID, now)
                        : new ApiKeyCheck.Rejected(ApiKeyCheck.Reason.INVALID, Duration.ZERO);
            }
            if (!ApiKeyFormat.matches((String) row.get()[1], parsed.get().text())) {
                return failed(c, tenant, id, id, ApiKeyCheck.Reason.INVALID, now);
            }
            ApiKey key = (ApiKey) row.get()[0];
            Optional<ApiKeyCheck.Reason> refusal = ApiKeyChecks.refusal(key, requiredScope, now);
            if (refusal.isPresent()) {
                return failed(c, tenant, id, id, refusal.get(), now);
            }
            if (key.rateLimit().isPresent()) {
                RateDecision d = JdbcRateLimiterStore.acquire(c, tenant, ApiKeyChecks.bucket(id), key.rateLimit().get(), 1, now);
                if (!d.allowed()) {
                    return new ApiKeyCheck.Rejected(ApiKeyCheck.Reason.RATE_LIMITED, d.retryAfter());
                }
            }
            if (ApiKeyChecks.recordUse(key, now)) {
                Queries.update(c, "UPDATE api_keys SET last_used_at = ? WHERE tenant_id = ? AND id = ?"
                                + " AND (last_used_at IS NULL OR last_used_at <= ?)", now, tenant.value(), id,
                        now.minus(ApiKeyChecks.LAST_USED_RESOLUTION));
                key = ApiKeyChecks.usedAt(key, now);
            }
            return new ApiKeyCheck.Accepted(key);
        });
    }

    /** Counts a failed attempt against its bucket; audits it while the bucket has room. */
    private static ApiKeyCheck failed(Connection c, TenantId tenant, String bucketKey, String presentedId,
                                      ApiKeyCheck.Reason reason, Instant now) throws SQLException {
        RateDecision d = JdbcRateLimiterStore.acquire(c, tenant, ApiKeyChecks.failureBucket(bucketKey), ApiKeyChecks.FAILURE_LIMIT, 1, now);
        if (!d.allowed()) {
            return new ApiKeyCheck.Rejected(ApiKeyCheck.Reason.RATE_LIMITED, d.retryAfter());
        }
        JdbcAudit.write(c, tenant, ApiKeyChecks.AUTHENTICATION, now, ApiKeyChecks.FAILED, "api-key", presentedId,
                ApiKeyChecks.failureDetails(reason));
        return new ApiKeyCheck.Rejected(reason, Duration.ZERO);
    }

    @Override
    public void close() {
        try {
            owned.close();
        } catch (Exception e) {
            throw new StoreException("closing the ORION database failed: " + e.getMessage(), e);
        }
    }
}
