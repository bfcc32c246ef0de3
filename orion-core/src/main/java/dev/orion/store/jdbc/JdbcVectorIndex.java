package dev.orion.store.jdbc;

import dev.orion.store.StoreArguments;
import dev.orion.store.VectorEntry;
import dev.orion.store.VectorIndex;
import dev.orion.store.VectorMatch;
import dev.orion.store.VectorMetric;
import dev.orion.store.internal.VectorSearch;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Vector collections in table {@code vector_entries}. Searches: pgvector's HNSW index when
 * {@link PgVector} found the extension; otherwise exact, in SQL on PostgreSQL (the sums over
 * {@code unnest} of the two arrays) and in Java over the streamed rows on H2, which has no way to
 * compute over arrays in SQL.
 */
final class JdbcVectorIndex implements VectorIndex {

    private final View v;
    private final PgVector pgvector;

    JdbcVectorIndex(View v, PgVector pgvector) {
        this.v = v;
        this.pgvector = pgvector;
    }

    private OptionalInt dimension(Connection c, String collection) throws SQLException {
        Optional<Integer> d = Queries.one(c, "SELECT dims FROM vector_entries WHERE tenant_id = ? AND collection = ? LIMIT 1",
                rs -> rs.getInt(1), v.t(), collection);
        return d.map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    @Override
    public void upsert(String collection, List<VectorEntry> entries) {
        VectorSearch.collection(collection);
        int dims = VectorSearch.checkBatch(collection, entries, OptionalInt.empty());
        if (entries.isEmpty()) {
            return;
        }
        pgvector.indexed(dims);
        Instant now = v.now();
        v.tx("upsert vectors", c -> {
            if (v.tx().dialect() == Dialect.POSTGRESQL) {
                // two first batches of different dimensions must not both create the collection
                Queries.one(c, "SELECT pg_advisory_xact_lock(hashtext(?))", rs -> true, v.t() + "/" + collection);
            }
            VectorSearch.checkBatch(collection, entries, dimension(c, collection));
            try (PreparedStatement del = c.prepareStatement("DELETE FROM vector_entries WHERE tenant_id = ? AND collection = ? AND id = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO vector_entries (tenant_id, collection, id, dims, vec, metadata,"
                         + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (VectorEntry e : entries) {
                    Columns.bindAll(del, v.t(), collection, e.id());
                    del.addBatch();
                    Columns.bindAll(ins, v.t(), collection, e.id(), e.dimension());
                    ins.setArray(5, array(c, e.vector()));
                    Columns.bind(ins, 6, JsonColumns.write(e.metadata()));
                    Columns.bind(ins, 7, now);
                    ins.addBatch();
                }
                del.executeBatch();
                ins.executeBatch();
            }
            return null;
        });
    }

    private static Array array(Connection c, float[] vector) throws SQLException {
        Float[] boxed = new Float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            boxed[i] = vector[i];
        }
        return c.createArrayOf("real", boxed);
    }

    private static float[] floats(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        Object[] values = (Object[]) a.getArray();
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).floatValue();
        }
        a.free();
        return out;
    }

    @Override
    public Optional<VectorEntry> get(String collection, String id) {
        VectorSearch.collection(collection);
        StoreArguments.text("id", id, 200);
        return v.tx("read vector", c -> Queries.one(c, "SELECT id, vec, metadata FROM vector_entries"
                        + " WHERE tenant_id = ? AND collection = ? AND id = ?",
                rs -> new VectorEntry(rs.getString("id"), floats(rs, "vec"), JsonColumns.stringMap(rs.getString("metadata"))),
                v.t(), collection, id));
    }

    @Override
    public boolean remove(String collection, String id) {
        VectorSearch.collection(collection);
        StoreArguments.text("id", id, 200);
        return v.tx("remove vector", c -> Queries.update(c, "DELETE FROM vector_entries WHERE tenant_id = ? AND collection = ? AND id = ?",
                v.t(), collection, id) > 0);
    }

    @Override
    public long size(String collection) {
        VectorSearch.collection(collection);
        return v.tx("count vectors", c -> count(c, collection));
    }

    private long count(Connection c, String collection) throws SQLException {
        return Queries.one(c, "SELECT COUNT(*) FROM vector_entries WHERE tenant_id = ? AND collection = ?",
                rs -> rs.getLong(1), v.t(), collection).orElse(0L);
    }

    @Override
    public OptionalInt dimension(String collection) {
        VectorSearch.collection(collection);
        return v.tx("read vector dimension", c -> dimension(c, collection));
    }

    @Override
    public List<VectorMatch> nearest(String collection, float[] query, int k, VectorMetric metric) {
        VectorSearch.collection(collection);
        return v.tx("search vectors", c -> {
            OptionalInt dims = dimension(c, collection);
            float[] q = VectorSearch.checkQuery(collection, query, k, metric, dims);
            if (dims.isEmpty()) {
                return List.of();
            }
            if (v.tx().dialect() == Dialect.H2) {
                return scan(c, collection, q, k, metric);
            }
            if (pgvector.available() && dims.getAsInt() <= PgVector.MAX_INDEXED_DIMENSION) {
                List<VectorMatch> found = hnsw(c, collection, q, k, metric);
                // the index may stop short (another tenant's rows crowd the candidate list): then answer exactly
                if (found.size() == k || found.size() == count(c, collection)) {
                    return found;
                }
            }
            return exactSql(c, collection, q, k, metric);
        });
    }

    /** H2: stream the collection and keep the best k in Java. */
    private List<VectorMatch> scan(Connection c, String collection, float[] q, int k, VectorMetric metric) throws SQLException {
        VectorSearch search = new VectorSearch(q, k, metric);
        try (PreparedStatement ps = c.prepareStatement("SELECT id, vec, metadata FROM vector_entries WHERE tenant_id = ? AND collection = ?"
                + " AND dims = " + q.length)) {
            ps.setFetchSize(Queries.STREAM_FETCH_SIZE);
            Columns.bindAll(ps, v.t(), collection);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    search.offer(rs.getString("id"), floats(rs, "vec"), JsonColumns.stringMap(rs.getString("metadata")));
                }
            }
        }
        return search.result();
    }

    /** PostgreSQL without an index: the distance computed in SQL over the two arrays, sorted and cut there. */
    private List<VectorMatch> exactSql(Connection c, String collection, float[] q, int k, VectorMetric metric) throws SQLException {
        String distance = metric == VectorMetric.COSINE
                ? "GREATEST(0, 1 - LEAST(1, GREATEST(-1, SUM(a::float8 * b) / (SQRT(SUM(a::float8 * a)) * SQRT(SUM(b::float8 * b))))))"
                : "SQRT(SUM((a::float8 - b) * (a::float8 - b)))";
        String sql = "SELECT id, metadata, d FROM (SELECT id, metadata, (SELECT " + distance + " FROM unnest(vec, ?::real[]) AS u(a, b)) AS d"
                + " FROM vector_entries WHERE tenant_id = ? AND collection = ? AND dims = " + q.length + ") x ORDER BY d, id LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, array(c, q));
            Columns.bind(ps, 2, v.t());
            Columns.bind(ps, 3, collection);
            Columns.bind(ps, 4, k);
            return matches(ps);
        }
    }

    /** PostgreSQL with pgvector: the per-dimension HNSW index, scanned iteratively so the tenant filter cannot starve it. */
    private List<VectorMatch> hnsw(Connection c, String collection, float[] q, int k, VectorMetric metric) throws SQLException {
        int dims = q.length;
        try (PreparedStatement set = c.prepareStatement("SELECT set_config('hnsw.ef_search', ?, true),"
                + " set_config('hnsw.iterative_scan', 'strict_order', true)")) {
            set.setString(1, Integer.toString(Math.max(40, k)));
            set.execute();
        }
        String op = metric == VectorMetric.COSINE ? "<=>" : "<->";
        String expr = "vec::vector(" + dims + ") " + op + " ?::vector(" + dims + ")";
        String sql = "SELECT id, metadata, " + expr + " AS d FROM vector_entries WHERE tenant_id = ? AND collection = ? AND dims = " + dims
                + " ORDER BY " + expr + " LIMIT ?";
        String literal = literal(q);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Columns.bindAll(ps, literal, v.t(), collection, literal, k);
            List<VectorMatch> found = new ArrayList<>(matches(ps));
            found.sort(VectorSearch.NEAREST_FIRST);
            return List.copyOf(found);
        }
    }

    private static String literal(float[] q) {
        StringBuilder b = new StringBuilder(q.length * 10).append('[');
        for (int i = 0; i < q.length; i++) {
            b.append(i == 0 ? "" : ",").append(q[i]);
        }
        return b.append(']').toString();
    }

    private static List<VectorMatch> matches(PreparedStatement ps) throws SQLException {
        List<VectorMatch> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new VectorMatch(rs.getString("id"), Math.max(0, rs.getDouble("d")), JsonColumns.stringMap(rs.getString("metadata"))));
            }
        }
        return out;
    }

    @Override
    public long dropCollection(String collection) {
        VectorSearch.collection(collection);
        return v.tx("drop vector collection", c -> {
            long n = Queries.update(c, "DELETE FROM vector_entries WHERE tenant_id = ? AND collection = ?", v.t(), collection);
            v.audit(c, v.now(), "delete", "vector-collection", collection, Map.of("removed", Long.toString(n)));
            return n;
        });
    }
}
