package dev.orion.spring.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import dev.orion.core.Stores;
import dev.orion.spring.autoconfigure.OrionProperties.StoreType;
import dev.orion.store.OrionStores;
import dev.orion.store.StoreException;
import dev.orion.store.jdbc.JdbcStores;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the stores that {@code orion.store.*} and the application's {@code DataSource} ask for. */
final class StoreFactory {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFactory.class);

    private StoreFactory() {
    }

    /**
     * @param store      the store properties
     * @param dataSource the application's unique {@code DataSource} bean, if it has one
     * @return the stores
     * @throws OrionConfigurationException naming the property that cannot be used
     */
    static OrionStores open(OrionProperties.Store store, Optional<DataSource> dataSource) {
        StoreType type = store.type() != null ? store.type() : dataSource.isPresent() ? StoreType.POSTGRES : StoreType.EMBEDDED;
        LOG.debug("ORION store: {}", type);
        return switch (type) {
            case MEMORY -> Stores.inMemory();
            case EMBEDDED -> PropertyChecks.apply("orion.store.folder", () -> Stores.embedded(store.folder()));
            case POSTGRES -> postgres(store, dataSource.orElseThrow(() -> new OrionConfigurationException("orion.store.type",
                    "postgres needs the application's DataSource: set spring.datasource.url (with spring-jdbc on the"
                            + " class path) or define a DataSource bean")));
        };
    }

    private static OrionStores postgres(OrionProperties.Store store, DataSource runtime) {
        String why = store.type() == null ? "not set, and the application has a DataSource bean, so ORION uses it"
                : "postgres";
        try {
            if (store.owner().url() == null) {
                return Stores.postgres(runtime);
            }
            return twoRoles(runtime, store.owner());
        } catch (StoreException e) {
            throw new OrionConfigurationException("orion.store.type", why + ", and PostgreSQL through that DataSource failed: "
                    + e.getMessage() + ". Set orion.store.type=embedded to keep ORION's data in its own H2 file", e);
        }
    }

    private static OrionStores twoRoles(DataSource runtime, OrionProperties.Owner owner) {
        if (!owner.url().startsWith("jdbc:postgresql:")) {
            throw new OrionConfigurationException("orion.store.owner.url", "must start with jdbc:postgresql:, was '"
                    + owner.url().replaceAll("password=[^&]*", "password=***") + "'");
        }
        if (owner.username() == null || owner.username().isBlank()) {
            throw new OrionConfigurationException("orion.store.owner.username", "must be set with orion.store.owner.url");
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(owner.url());
        pool.setUsername(owner.username());
        pool.setPassword(owner.password());
        pool.setMaximumPoolSize(2);
        pool.setPoolName("orion-owner");
        try {
            JdbcStores stores = JdbcStores.open(runtime, pool, Clock.systemUTC(), Optional.of(pool));
            if (!stores.isPostgres()) {
                stores.close();
                throw new StoreException("the DataSource is not PostgreSQL");
            }
            return stores;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }
}
