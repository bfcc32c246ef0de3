/**
 * JDBC implementations of the store SPIs for H2 (embedded, MODE=PostgreSQL) and PostgreSQL, with
 * Flyway migrations and, on PostgreSQL, row-level security keyed on {@code app.tenant_id}:
 * {@link dev.orion.store.jdbc.JdbcStores}.
 */
package dev.orion.store.jdbc;
