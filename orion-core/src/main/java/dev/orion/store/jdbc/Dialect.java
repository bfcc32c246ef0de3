package dev.orion.store.jdbc;

import dev.orion.store.StoreException;
import java.util.Locale;

/** The two databases ORION's JDBC stores run on; chosen from the driver's product name. */
enum Dialect {
    H2,
    POSTGRESQL;

    static Dialect fromProductName(String productName) {
        String p = productName.toLowerCase(Locale.ROOT);
        if (p.contains("postgres")) {
            return POSTGRESQL;
        }
        if (p.contains("h2")) {
            return H2;
        }
        throw new StoreException("unsupported database '" + productName + "': ORION's JDBC stores support H2 and PostgreSQL");
    }

    /** @return the Flyway locations: the common scripts plus this database's own folder, if any */
    String[] migrationLocations() {
        return this == POSTGRESQL
                ? new String[] {"classpath:db/orion/common", "classpath:db/orion/postgresql"}
                : new String[] {"classpath:db/orion/common"};
    }
}
