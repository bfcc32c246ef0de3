package dev.orion.store.jdbc;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Binds and reads column values the same way on H2 and PostgreSQL. Times travel as UTC
 * {@link OffsetDateTime} and come back as {@link Instant}s (H2 keeps the offset, PostgreSQL
 * normalises to UTC; instants compare equal either way).
 */
final class Columns {

    private Columns() {
    }

    static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            bind(ps, i + 1, params.get(i));
        }
    }

    static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        Object v = value instanceof Optional<?> o ? o.orElse(null) : value;
        if (v == null) {
            ps.setNull(index, Types.NULL);
        } else if (v instanceof Instant t) {
            ps.setObject(index, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        } else if (v instanceof java.time.LocalDate d) {
            ps.setObject(index, d);
        } else if (v instanceof Enum<?> e) {
            ps.setString(index, e.name());
        } else if (v instanceof BigDecimal d) {
            ps.setBigDecimal(index, d);
        } else if (v instanceof String s) {
            ps.setString(index, s);
        } else if (v instanceof Long l) {
            ps.setLong(index, l);
        } else if (v instanceof Integer n) {
            ps.setInt(index, n);
        } else if (v instanceof Double d) {
            ps.setDouble(index, d);
        } else if (v instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else {
            ps.setString(index, v.toString());
        }
    }

    static void bindAll(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            bind(ps, i + 1, values[i]);
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(instant(rs, column));
    }

    static Optional<String> optionalString(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    static BigDecimal money(ResultSet rs, String column) throws SQLException {
        BigDecimal d = rs.getBigDecimal(column);
        return d == null ? BigDecimal.ZERO : d.stripTrailingZeros();
    }
}
