package dev.orion.store.contract;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Hands out one physical connection again and again (closing it is a no-op). PGlite serves one
 * PostgreSQL session and multiplexes its socket connections onto it, so two JDBC connections with open
 * transactions wait on each other (Flyway's lock connection and its migration connection deadlock);
 * over one connection, the store's calls, which run one at a time in these tests, are served in turn.
 */
public final class SingleConnectionDataSource implements DataSource {

    private final Connection connection;

    /**
     * @param target where the one connection comes from
     * @throws SQLException if it cannot connect
     */
    public SingleConnectionDataSource(DataSource target) throws SQLException {
        Connection physical = target.getConnection();
        this.connection = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    if (method.getName().equals("isClosed")) {
                        return false;
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public synchronized Connection getConnection() {
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
