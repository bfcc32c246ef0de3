package dev.orion.store.jdbc;

import dev.orion.store.NewStructure;
import dev.orion.store.NotFoundException;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.StoreException;
import dev.orion.store.StructureFilter;
import dev.orion.store.StructureRecord;
import dev.orion.store.StructureStore;
import dev.orion.store.internal.StoreIds;
import dev.orion.store.internal.StoredSpaceGroup;
import dev.orion.store.internal.StructureEdit;
import dev.orion.structure.Element;
import dev.orion.tenant.ProjectId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

final class JdbcStructureStore implements StructureStore {

    private static final String TYPE = "structure";
    private static final String SELECT = "SELECT id, seq, project_id, name, site_count, space_group, body, metadata, tags,"
            + " properties, created_at, updated_at, version FROM structures s";
    private final View v;

    JdbcStructureStore(View v) {
        this.v = v;
    }

    /** @throws StoreException naming the row if it does not hold a structure (see {@code V3__typed_structures.sql}) */
    private static StructureRecord map(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        if (rs.getObject("site_count") == null) {
            throw new StoreException("stored structure '" + id + "' was saved before structures were typed and its body"
                    + " is not a structure document; it is kept unchanged and can only be deleted");
        }
        int spaceGroup = rs.getInt("space_group");
        OptionalInt stored = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(spaceGroup);
        return new StructureRecord(id, Optional.ofNullable(rs.getString("project_id")).map(ProjectId::of),
                rs.getString("name"), StructureRows.structure(id, rs.getString("body")), stored,
                JsonColumns.stringMap(rs.getString("metadata")), JsonColumns.stringSet(rs.getString("tags")),
                JsonColumns.doubleMap(rs.getString("properties")), Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"), rs.getLong("version"));
    }

    @Override
    public StructureRecord save(NewStructure s) {
        Objects.requireNonNull(s, "structure");
        return v.tx("save structure", c -> {
            Instant now = v.now();
            StructureRecord r = new StructureRecord(StoreIds.newId(), s.project(), s.name(), s.structure(),
                    StoredSpaceGroup.of(s.structure()), s.metadata(), s.tags(), s.properties(), now, now, 1);
            Queries.update(c, "INSERT INTO structures (tenant_id, id, project_id, name, reduced_formula, site_count, space_group,"
                            + " body, metadata, tags, properties, created_at, updated_at, version)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    v.t(), r.id(), r.project().map(ProjectId::value), r.name(), r.reducedFormula(), r.nsites(),
                    spaceGroupColumn(r.spaceGroup()), StructureRows.body(r.structure()), JsonColumns.write(r.metadata()),
                    JsonColumns.write(r.tags()), JsonColumns.write(r.properties()), now, now, 1L);
            StructureRows.writeElements(c, v.t(), r.id(), r.structure());
            writeTags(c, r.id(), r.tags());
            writeProperties(c, r.id(), r.properties());
            v.audit(c, now, "create", TYPE, r.id(), Map.of("formula", r.reducedFormula()));
            return r;
        });
    }

    private static Optional<Integer> spaceGroupColumn(OptionalInt spaceGroup) {
        return spaceGroup.isPresent() ? Optional.of(spaceGroup.getAsInt()) : Optional.empty();
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

    private StructureRecord change(String id, StructureEdit e) {
        Objects.requireNonNull(id, "id");
        return v.tx(e.action() + " structure", c -> {
            StructureRecord r = Queries.one(c, SELECT + " WHERE tenant_id = ? AND id = ? FOR UPDATE", JdbcStructureStore::map, v.t(), id)
                    .orElseThrow(() -> new NotFoundException(TYPE, id));
            Instant now = v.now();
            StructureRecord n = e.applyTo(r, now);
            Queries.update(c, "UPDATE structures SET metadata = ?, tags = ?, properties = ?, updated_at = ?, version = ?"
                            + " WHERE tenant_id = ? AND id = ?", JsonColumns.write(n.metadata()), JsonColumns.write(n.tags()),
                    JsonColumns.write(n.properties()), now, n.version(), v.t(), id);
            if (!n.tags().equals(r.tags())) {
                writeTags(c, id, n.tags());
            }
            if (!n.properties().equals(r.properties())) {
                writeProperties(c, id, n.properties());
            }
            v.audit(c, now, e.action(), TYPE, id, e.details());
            return n;
        });
    }

    @Override
    public StructureRecord putProperties(String id, Map<String, Double> properties) {
        return change(id, StructureEdit.putProperties(properties));
    }

    @Override
    public StructureRecord putMetadata(String id, Map<String, String> metadata) {
        return change(id, StructureEdit.putMetadata(metadata));
    }

    @Override
    public StructureRecord retag(String id, Set<String> add, Set<String> remove) {
        return change(id, StructureEdit.retag(add, remove));
    }

    @Override
    public boolean delete(String id) {
        Objects.requireNonNull(id, "id");
        return v.tx("delete structure", c -> {
            if (Queries.update(c, "DELETE FROM structures WHERE tenant_id = ? AND id = ?", v.t(), id) == 0) {
                return false;
            }
            Queries.update(c, "DELETE FROM structure_tags WHERE tenant_id = ? AND structure_id = ?", v.t(), id);
            Queries.update(c, "DELETE FROM structure_elements WHERE tenant_id = ? AND structure_id = ?", v.t(), id);
            Queries.update(c, "DELETE FROM structure_properties WHERE tenant_id = ? AND structure_id = ?", v.t(), id);
            v.audit(c, v.now(), "delete", TYPE, id, Map.of());
            return true;
        });
    }

    /** Rows kept from before structures were typed whose body is not a structure (site_count NULL) never match. */
    private Where where(StructureFilter f) {
        Where w = Where.tenant("s.tenant_id", v.t()).and("s.site_count IS NOT NULL")
                .eq("s.project_id", f.project().map(ProjectId::value)).eq("s.reduced_formula", f.reducedFormula());
        if (f.minSites() > 0) {
            w.and("s.site_count >= ?", f.minSites());
        }
        if (f.maxSites() < Integer.MAX_VALUE) {
            w.and("s.site_count <= ?", f.maxSites());
        }
        f.spaceGroup().ifPresent(n -> w.and("s.space_group = ?", n));
        for (String element : symbols(f.elements())) {
            w.and("EXISTS (SELECT 1 FROM structure_elements e WHERE e.tenant_id = s.tenant_id AND e.structure_id = s.id"
                    + " AND e.element = ?)", element);
        }
        f.onlyElements().map(JdbcStructureStore::symbols).ifPresent(allowed -> w.and(
                "NOT EXISTS (SELECT 1 FROM structure_elements e WHERE e.tenant_id = s.tenant_id AND e.structure_id = s.id"
                        + " AND e.element NOT IN (" + String.join(", ", Collections.nCopies(allowed.size(), "?")) + "))",
                allowed.toArray()));
        f.nameContains().ifPresent(n -> w.and("POSITION(? IN s.name) > 0", n));
        f.tag().ifPresent(tag -> w.and("EXISTS (SELECT 1 FROM structure_tags g WHERE g.tenant_id = s.tenant_id"
                + " AND g.structure_id = s.id AND g.tag = ?)", tag));
        f.property().ifPresent(p -> w.and("EXISTS (SELECT 1 FROM structure_properties q WHERE q.tenant_id = s.tenant_id"
                + " AND q.structure_id = s.id AND q.name = ?)", p));
        return w;
    }

    private static List<String> symbols(Set<Element> elements) {
        return elements.stream().map(Element::symbol).sorted().toList();
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
