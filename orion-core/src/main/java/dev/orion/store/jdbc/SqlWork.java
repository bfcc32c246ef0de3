package dev.orion.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of JDBC work run inside one transaction. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection c) throws SQLException;
}
