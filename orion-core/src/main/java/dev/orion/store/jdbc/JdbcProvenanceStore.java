package dev.orion.store.jdbc;

import dev.orion.store.ProvenanceLink;
import dev.orion.store.ProvenanceStore;
import dev.orion.store.ResourceRef;
import dev.orion.store.StoreArguments;
import dev.orion.store.internal.StoreIds;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

final class JdbcProvenanceStore implements ProvenanceStore {

    private static final String COLUMNS = "id, seq, subject_type, subject_id, relation, object_type, object_id, created_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM provenance_links";
    private final View v;

    JdbcProvenanceStore(View v) {
        this.v = v;
    }

    private static ProvenanceLink map(ResultSet rs) throws SQLException {
        return new ProvenanceLink(rs.getString("id"), ResourceRef.of(rs.getString("subject_type"), rs.getString("subject_id")),
                rs.getString("relation"), ResourceRef.of(rs.getString("object_type"), rs.getString("object_id")),
                Columns.instant(rs, "created_at"));
    }

    private Optional<ProvenanceLink> existing(Connection c, ResourceRef s, String relation, ResourceRef o) throws SQLException {
        return Queries.one(c, SELECT + " WHERE tenant_id = ? AND subject_type = ? AND subject_id = ? AND relation = ?"
                + " AND object_type = ? AND object_id = ?", JdbcProvenanceStore::map, v.t(), s.type(), s.id(), relation, o.type(), o.id());
    }

    @Override
    public ProvenanceLink link(ResourceRef subject, String relation, ResourceRef object) {
        Objects.requireNonNull(subject, "subject");
        StoreArguments.text("relation", relation, 100);
        Objects.requireNonNull(object, "object");
        return v.tx("link provenance", c -> {
            Optional<ProvenanceLink> found = existing(c, subject, relation, object);
            if (found.isPresent()) {
                return found.get();
            }
            Instant now = v.now();
            ProvenanceLink l = new ProvenanceLink(StoreIds.newId(), subject, relation, object, now);
            int inserted = Queries.update(c, "INSERT INTO provenance_links (tenant_id, id, subject_type, subject_id, relation,"
                            + " object_type, object_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    v.t(), l.id(), subject.type(), subject.id(), relation, object.type(), object.id(), now);
            if (inserted == 0) {
                return existing(c, subject, relation, object).orElseThrow();
            }
            v.audit(c, now, "link", "provenance", l.id(), Map.of("subject", subject.toString(), "relation", relation,
                    "object", object.toString()));
            return l;
        });
    }

    @Override
    public List<ProvenanceLink> linksFrom(ResourceRef s) {
        Objects.requireNonNull(s, "subject");
        return v.tx("read provenance", c -> Queries.list(c, SELECT + " WHERE tenant_id = ? AND subject_type = ? AND subject_id = ?"
                + " ORDER BY seq", List.of(v.t(), s.type(), s.id()), JdbcProvenanceStore::map));
    }

    @Override
    public List<ProvenanceLink> linksTo(ResourceRef o) {
        Objects.requireNonNull(o, "object");
        return v.tx("read provenance", c -> Queries.list(c, SELECT + " WHERE tenant_id = ? AND object_type = ? AND object_id = ?"
                + " ORDER BY seq", List.of(v.t(), o.type(), o.id()), JdbcProvenanceStore::map));
    }

    @Override
    public List<ProvenanceLink> lineage(ResourceRef subject, int maxDepth) {
        Objects.requireNonNull(subject, "subject");
        if (maxDepth < 1 || maxDepth > 100) {
            throw new IllegalArgumentException("maxDepth must be 1..100, got " + maxDepth);
        }
        // one recursive CTE walks the graph in the database; the tenant condition is inside the recursion
        String sql = "WITH RECURSIVE walk (id, depth, object_type, object_id) AS ("
                + " SELECT id, 1, object_type, object_id FROM provenance_links"
                + "  WHERE tenant_id = ? AND subject_type = ? AND subject_id = ?"
                + " UNION ALL"
                + " SELECT p.id, w.depth + 1, p.object_type, p.object_id FROM provenance_links p JOIN walk w"
                + "  ON p.subject_type = w.object_type AND p.subject_id = w.object_id"
                + "  WHERE p.tenant_id = ? AND w.depth < ?)"
                + " SELECT l.id, l.seq, l.subject_type, l.subject_id, l.relation, l.object_type, l.object_id, l.created_at,"
                + " MIN(w.depth) AS depth FROM walk w JOIN provenance_links l ON l.tenant_id = ? AND l.id = w.id"
                + " GROUP BY l.id, l.seq, l.subject_type, l.subject_id, l.relation, l.object_type, l.object_id, l.created_at"
                + " ORDER BY depth, l.seq";
        return v.tx("walk provenance", c -> Queries.list(c, sql, List.of(v.t(), subject.type(), subject.id(), v.t(), maxDepth, v.t()),
                JdbcProvenanceStore::map));
    }
}
