package dev.orion.store.jdbc;

import dev.orion.store.StoreException;
import dev.orion.store.internal.StoredSpaceGroup;
import dev.orion.structure.Structure;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema version 3.1: fills the derived structure columns that {@code V3__typed_structures.sql}
 * added (reduced formula, site count, space group, element rows) for every row stored before, by
 * reading its body as a structure document in Java, since SQL cannot. A row whose body is not a
 * structure document (a molecule, or any text an earlier caller stored) is left exactly as it was,
 * with {@code site_count} NULL as its mark; nothing is deleted.
 *
 * <p>On PostgreSQL the rows of all tenants are visible only with row-level security relaxed for the
 * table owner, so this migration lifts {@code FORCE ROW LEVEL SECURITY} on {@code structures} for its
 * own transaction and restores it before committing (the migrating role owns the tables, having
 * created them).
 */
final class StructureColumnsBackfill implements JavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(StructureColumnsBackfill.class);
    private static final int BATCH = 500;

    private record Row(String tenant, String id, long seq, String body) {
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3.1");
    }

    @Override
    public String getDescription() {
        return "derive structure columns of earlier rows";
    }

    @Override
    public Integer getChecksum() {
        return 31;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean postgres = Dialect.fromProductName(c.getMetaData().getDatabaseProductName()) == Dialect.POSTGRESQL;
        if (postgres) {
            execute(c, "ALTER TABLE structures NO FORCE ROW LEVEL SECURITY");
        }
        int filled = 0;
        int kept = 0;
        long after = Long.MIN_VALUE;
        List<Row> rows;
        do {
            rows = Queries.list(c, "SELECT tenant_id, id, seq, body FROM structures WHERE site_count IS NULL AND seq > ?"
                    + " ORDER BY seq LIMIT " + BATCH, List.of(after),
                    rs -> new Row(rs.getString("tenant_id"), rs.getString("id"), rs.getLong("seq"), rs.getString("body")));
            for (Row row : rows) {
                Optional<Structure> structure = readable(row);
                if (structure.isPresent()) {
                    fill(c, row, structure.get());
                    filled++;
                } else {
                    kept++;
                }
                after = row.seq();
            }
        } while (rows.size() == BATCH);
        if (postgres) {
            execute(c, "ALTER TABLE structures FORCE ROW LEVEL SECURITY");
        }
        if (kept > 0) {
            LOG.warn("{} stored structure rows do not hold a structure document; they are kept unchanged, marked by"
                    + " site_count NULL, and skipped by structure queries", kept);
        }
        LOG.info("derived the searchable columns of {} earlier structure rows", filled);
    }

    private static Optional<Structure> readable(Row row) {
        try {
            return Optional.of(StructureRows.structure(row.id(), row.body()));
        } catch (StoreException e) {
            LOG.debug("keeping structure row {} of tenant {} unchanged: {}", row.id(), row.tenant(), e.getMessage());
            return Optional.empty();
        }
    }

    private static void fill(Connection c, Row row, Structure structure) throws SQLException {
        OptionalInt spaceGroup = StoredSpaceGroup.of(structure);
        Queries.update(c, "UPDATE structures SET reduced_formula = ?, site_count = ?, space_group = ?"
                        + " WHERE tenant_id = ? AND id = ?", structure.composition().reducedFormula(), structure.size(),
                spaceGroup.isPresent() ? spaceGroup.getAsInt() : null, row.tenant(), row.id());
        StructureRows.writeElements(c, row.tenant(), row.id(), structure);
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
