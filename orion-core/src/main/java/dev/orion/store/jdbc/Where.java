package dev.orion.store.jdbc;

import dev.orion.store.PageRequest;
import dev.orion.store.internal.Cursors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Builds a parameterised WHERE clause from typed filter fields; values are always bound, never
 * concatenated into the SQL.
 */
final class Where {

    private final StringBuilder sql = new StringBuilder();
    final List<Object> params = new ArrayList<>();

    static Where tenant(String tenantColumn, String tenant) {
        Where w = new Where();
        w.sql.append(tenantColumn).append(" = ?");
        w.params.add(tenant);
        return w;
    }

    static Where any() {
        Where w = new Where();
        w.sql.append("1 = 1");
        return w;
    }

    Where eq(String column, Optional<?> value) {
        value.ifPresent(v -> and(column + " = ?", v));
        return this;
    }

    Where atLeast(String column, Optional<?> value) {
        value.ifPresent(v -> and(column + " >= ?", v));
        return this;
    }

    Where before(String column, Optional<?> value) {
        value.ifPresent(v -> and(column + " < ?", v));
        return this;
    }

    Where in(String column, Collection<? extends Enum<?>> values) {
        if (!values.isEmpty()) {
            List<String> names = values.stream().map(v -> (Enum<?>) v).map(Enum::name).sorted().toList();
            sql.append(" AND ").append(column).append(" IN (")
                    .append(String.join(", ", java.util.Collections.nCopies(names.size(), "?"))).append(')');
            params.addAll(names);
        }
        return this;
    }

    Where and(String condition, Object... values) {
        sql.append(" AND ").append(condition);
        params.addAll(List.of(values));
        return this;
    }

    /** Adds the keyset condition and returns the ORDER BY / LIMIT tail (one extra row tells if a next page exists). */
    String page(String seqColumn, PageRequest page) {
        page.cursor().map(Cursors::decode).ifPresent(after -> and(seqColumn + (page.descending() ? " < ?" : " > ?"), after));
        return " ORDER BY " + seqColumn + (page.descending() ? " DESC" : " ASC") + " LIMIT " + (page.limit() + 1);
    }

    String sql() {
        return sql.toString();
    }
}
