package dev.orion.store.contract;

import dev.orion.store.OrionStores;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One store implementation under test: the stores, their clock, and (for JDBC) a data source that
 * bypasses the stores for raw-SQL checks.
 *
 * @param name       memory, h2 or postgres
 * @param stores     the stores
 * @param clock      the clock the stores use
 * @param rawSql     a data source as the stores' own role, empty for memory
 * @param readerSql  on PostgreSQL, a data source as a second non-superuser role with SELECT grants
 * @param another    on PostgreSQL, opens a second, independent stores instance (own pool) on the same
 *                   database and clock, standing in for another JVM
 */
public record Backend(String name, OrionStores stores, MutableClock clock, Optional<DataSource> rawSql,
                      Optional<DataSource> readerSql, Optional<java.util.function.Supplier<OrionStores>> another) {
}
