package dev.orion.store.jdbc;

import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.internal.Cursors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Runs the SELECT shapes the stores share: one row, a list, a keyset page, a count, a stream. */
final class Queries {

    /** Rows fetched per round trip when streaming exports. */
    static final int STREAM_FETCH_SIZE = 500;

    private Queries() {
    }

    static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Columns.bindAll(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
            }
        }
    }

    static <T> List<T> list(Connection c, String sql, List<?> params, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Columns.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    static <T> Page<T> page(Connection c, String selectFrom, Where where, String seqColumn, PageRequest page,
                            RowMapper<T> mapper) throws SQLException {
        String tail = where.page(seqColumn, page);
        String sql = selectFrom + " WHERE " + where.sql() + tail;
        List<T> items = new ArrayList<>();
        long lastSeq = 0;
        boolean more = false;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Columns.bind(ps, where.params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (items.size() == page.limit()) {
                        more = true;
                        break;
                    }
                    items.add(mapper.map(rs));
                    lastSeq = rs.getLong(seqColumn.contains(".") ? seqColumn.substring(seqColumn.indexOf('.') + 1) : seqColumn);
                }
            }
        }
        return new Page<>(items, more ? Optional.of(Cursors.encode(lastSeq)) : Optional.empty());
    }

    static long count(Connection c, String table, Where where) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + where.sql())) {
            Columns.bind(ps, where.params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Streams rows to the sink with a bounded fetch size, so exports never hold the whole result. */
    static <T> void stream(Connection c, String selectFrom, Where where, String seqColumn, RowMapper<T> mapper,
                           Consumer<T> sink) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(selectFrom + " WHERE " + where.sql() + " ORDER BY " + seqColumn)) {
            ps.setFetchSize(STREAM_FETCH_SIZE);
            Columns.bind(ps, where.params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(mapper.map(rs));
                }
            }
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Columns.bindAll(ps, params);
            return ps.executeUpdate();
        }
    }
}
