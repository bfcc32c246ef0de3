package dev.orion.spring.health;

import dev.orion.store.OrionStores;
import dev.orion.store.jdbc.JdbcStores;
import dev.orion.store.memory.MemoryStores;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Whether ORION's store answers: one indexed read in a tenant of its own ({@code orion-health}), through
 * the same tenant-bound path (and, on PostgreSQL, row-level security) as every application read.
 */
final class StoreHealthIndicator extends AbstractHealthIndicator {

    /** The tenant the probe reads in; it never has data. */
    static final TenantId PROBE_TENANT = TenantId.of("orion-health");
    private static final Principal PROBE_ACTOR = Principal.system("orion-health");

    private final OrionStores stores;

    StoreHealthIndicator(OrionStores stores) {
        super("ORION store health check failed");
        this.stores = stores;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        stores.tenant(PROBE_TENANT, PROBE_ACTOR).apiKeys().find("health-probe");
        builder.up().withDetail("type", type());
    }

    private String type() {
        if (stores instanceof JdbcStores jdbc) {
            return jdbc.isPostgres() ? "postgres" : "h2";
        }
        return stores instanceof MemoryStores ? "memory" : stores.getClass().getSimpleName();
    }
}
