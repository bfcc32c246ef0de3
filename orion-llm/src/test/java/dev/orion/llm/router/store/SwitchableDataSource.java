package dev.orion.llm.router.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that can be switched off, standing in for a database that goes away: while it is down,
 * new connections are refused and every use of an open connection fails (as a broken socket would);
 * switched on again, it works as before.
 */
final class SwitchableDataSource implements DataSource {

    private static final Set<String> ALWAYS = Set.of("close", "isClosed", "unwrap", "isWrapperFor", "hashCode", "equals", "toString");

    private final DataSource target;
    private final AtomicBoolean down = new AtomicBoolean();

    SwitchableDataSource(DataSource target) {
        this.target = target;
    }

    void down(boolean isDown) {
        down.set(isDown);
    }

    private void check() throws SQLException {
        if (down.get()) {
            throw new SQLException("connection refused (the database is switched off)", "08001");
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        check();
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        check();
        return wrap(target.getConnection(user, password));
    }

    private Connection wrap(Connection c) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("isValid") && down.get()) {
                        return false;
                    }
                    if (!ALWAYS.contains(method.getName())) {
                        check();
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target.isWrapperFor(iface);
    }
}
