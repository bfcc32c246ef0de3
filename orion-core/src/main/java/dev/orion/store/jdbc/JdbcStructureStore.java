package dev.orion.store.jdbc;

import dev.orion.store.NewStructure;
import dev.orion.store.NotFoundException;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.StructureFilter;
import dev.orion.store.StructureRecord;
import dev.orion.store.StructureStore;
import dev.orion.store.support.Checks;
import dev.orion.store.support.StoreIds;
import dev.orion.tenant.ProjectId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

final class JdbcStructureStore implements StructureStore {

    private static final String TYPE = "structure";
    private static final String SELECT = "SELECT id, seq, project_id, name, formula, nsites, body, metadata, tags, properties,"
            + " created_at, updated_at, version FROM structures s";
    private final View v;

    JdbcStructureStore(View v) {
        this.v = v;
    }

    private static StructureRecord map(ResultSet rs) throws SQLException {
        return new StructureRecord(rs.getString("id"), Optional.ofNullable(rs.getString("project_id")).map(ProjectId::of),
                rs.getString("name"), rs.getString("formula"), rs.getInt("nsites"), rs.getString("body"),
                JsonColumns.stringMap(rs.getString("metadata")), JsonColumns.stringSet(rs.getString("tags")),
                JsonColumns.doubleMap(rs.getString("properties")), Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"), rs.getLong("version"));
    }

    @Override
    public StructureRecord save(NewStructure s) {
        Objects.requireNonNull(s, "structure");
        return v.tx("save structure", c -> {
            Instant now = v.now();
            StructureRecord r = new StructureRecord(StoreIds.newId(), s.project(), s.name(), s.formula(), s.nsites(),
                    s.json(), s.metadata(), s.tags(), s.properties(), now, now, 1);
            Queries.update(c, "INSERT INTO structures (tenant_id, id, project_id, name, formula, nsites, body, metadata, tags,"
                            + " properties, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    v.t(), r.id(), r.project().map(ProjectId::value), r.name(), r.formula(), r.nsites(), r.json(),
                    JsonColumns.write(r.metadata()), JsonColumns.write(r.tags()), JsonColumns.write(r.properties()),
                    now, now, 1L);
            writeTags(c, r.id(), r.tags());
            writeProperties(c, r.id(), r.properties());
            v.audit(c, now, "create", TYPE, r.id(), Map.of("formula", r.formula()));
            return r;
        });
    }

    private void writeTags(Connection c, String id, Set<String> tags) throws SQLException {
        Queries.update(c, "DELETE FROM structure_tags WHERE tenant_id = ? AND structure_id = ?", v.t(), id);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO structure_tags (tenant_id, structure_id, tag) VALUES (?, ?, ?)")) {
            for (String tag : tags) {
                Columns.bindAll(ps, v.t(), id, tag);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void writeProperties(Connection c, String id, Map<String, Double> properties) throws SQLException {
        Queries.update(c, "DELETE FROM structure_properties WHERE tenant_id = ? AND structure_id = ?", v.t(), id);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO structure_properties (tenant_id, structure_id, name, prop_value) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, Double> e : properties.entrySet()) {
                Columns.bindAll(ps, v.t(), id, e.getKey(), e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public Optional<StructureRecord> find(String id) {
        Objects.requireNonNull(id, "id");
        return v.tx("find structure", c -> Queries.one(c, SELECT + " WHERE tenant_id = ? AND id = ?", JdbcStructureStore::map, v.t(), id));
    }

    private interface Change {
        StructureRecord apply(StructureRecord r);
    }

    private StructureRecord change(String id, String action, Map<String, String> details, Change f) {
        Objects.requireNonNull(id, "id");
        return v.tx(action + " structure", c -> {
            StructureRecord r = Queries.one(c, SELECT + " WHERE tenant_id = ? AND id = ? FOR UPDATE", JdbcStructureStore::map, v.t(), id)
                    .orElseThrow(() -> new NotFoundException(TYPE, id));
            Instant now = v.now();
            StructureRecord n = f.apply(r);
            n = new StructureRecord(n.id(), n.project(), n.name(), n.formula(), n.nsites(), n.json(), n.metadata(), n.tags(),
                    n.properties(), n.createdAt(), now, r.version() + 1);
            Queries.update(c, "UPDATE structures SET metadata = ?, tags = ?, properties = ?, updated_at = ?, version = ?"
                            + " WHERE tenant_id = ? AND id = ?", JsonColumns.write(n.metadata()), JsonColumns.write(n.tags()),
                    JsonColumns.write(n.properties()), now, n.version(), v.t(), id);
            if (!n.tags().equals(r.tags())) {
                writeTags(c, id, n.tags());
            }
            if (!n.properties().equals(r.properties())) {
                writeProperties(c, id, n.properties());
            }
            v.audit(c, now, action, TYPE, id, details);
            return n;
        });
    }

    private static StructureRecord with(StructureRecord r, Map<String, String> m, Set<String> tags, Map<String, Double> p) {
        return new StructureRecord(r.id(), r.project(), r.name(), r.formula(), r.nsites(), r.json(), m, tags, p,
                r.createdAt(), r.updatedAt(), r.version());
    }

    @Override
    public StructureRecord putProperties(String id, Map<String, Double> properties) {
        Map<String, Double> checked = Checks.properties(properties);
        return change(id, "update", Map.of("properties", Checks.joined(checked.keySet())), r -> {
            Map<String, Double> p = new HashMap<>(r.properties());
            p.putAll(checked);
            return with(r, r.metadata(), r.tags(), p);
        });
    }

    @Override
    public StructureRecord putMetadata(String id, Map<String, String> metadata) {
        Map<String, String> checked = Checks.metadata(metadata);
        return change(id, "update", Map.of("metadata", Checks.joined(checked.keySet())), r -> {
            Map<String, String> m = new HashMap<>(r.metadata());
            m.putAll(checked);
            return with(r, m, r.tags(), r.properties());
        });
    }

    @Override
    public StructureRecord retag(String id, Set<String> add, Set<String> remove) {
        Set<String> a = Checks.tags(add);
        Set<String> rm = Checks.tags(remove);
        return change(id, "retag", Map.of("add", Checks.joined(a), "remove", Checks.joined(rm)), r -> {
            Set<String> tags = new HashSet<>(r.tags());
            tags.removeAll(rm);
            tags.addAll(a);
            return with(r, r.metadata(), tags, r.properties());
        });
    }

    @Override
    public boolean delete(String id) {
        Objects.requireNonNull(id, "id");
        return v.tx("delete structure", c -> {
            if (Queries.update(c, "DELETE FROM structures WHERE tenant_id = ? AND id = ?", v.t(), id) == 0) {
                return false;
            }
            Queries.update(c, "DELETE FROM structure_tags WHERE tenant_id = ? AND structure_id = ?", v.t(), id);
            Queries.update(c, "DELETE FROM structure_properties WHERE tenant_id = ? AND structure_id = ?", v.t(), id);
            v.audit(c, v.now(), "delete", TYPE, id, Map.of());
            return true;
        });
    }

    private Where where(StructureFilter f) {
        Where w = Where.tenant("s.tenant_id", v.t()).eq("s.project_id", f.project().map(ProjectId::value))
                .eq("s.formula", f.formula());
        f.nameContains().ifPresent(n -> w.and("POSITION(? IN s.name) > 0", n));
        f.tag().ifPresent(tag -> w.and("EXISTS (SELECT 1 FROM structure_tags g WHERE g.tenant_id = s.tenant_id"
                + " AND g.structure_id = s.id AND g.tag = ?)", tag));
        f.property().ifPresent(p -> w.and("EXISTS (SELECT 1 FROM structure_properties q WHERE q.tenant_id = s.tenant_id"
                + " AND q.structure_id = s.id AND q.name = ?)", p));
        return w;
    }

    @Override
    public Page<StructureRecord> query(StructureFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(page, "page");
        return v.tx("query structures", c -> Queries.page(c, SELECT, where(filter), "s.seq", page, JdbcStructureStore::map));
    }

    @Override
    public long count(StructureFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return v.tx("count structures", c -> Queries.count(c, "structures s", where(filter)));
    }
}
