package dev.orion.store.jdbc;

import dev.orion.io.json.StructureJson;
import dev.orion.store.StoreException;
import dev.orion.structure.Element;
import dev.orion.structure.Structure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * How a structure lives in the {@code structures} table: its body is ORION's JSON document
 * ({@link StructureJson}), and each element has a {@code structure_elements} row for the element
 * filters. Shared by {@link JdbcStructureStore} and the migration that fills these for earlier rows.
 */
final class StructureRows {

    private StructureRows() {
    }

    static String body(Structure structure) {
        return StructureJson.toJson(structure);
    }

    /**
     * @throws StoreException naming the row if its body is not a structure document
     */
    static Structure structure(String id, String body) {
        try {
            return StructureJson.fromJson(body, "structure " + id);
        } catch (RuntimeException e) {
            throw new StoreException("stored structure '" + id + "' is not a readable structure document: "
                    + e.getMessage(), e);
        }
    }

    static void writeElements(Connection c, String tenant, String id, Structure structure) throws SQLException {
        Queries.update(c, "DELETE FROM structure_elements WHERE tenant_id = ? AND structure_id = ?", tenant, id);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO structure_elements (tenant_id, structure_id, element) VALUES (?, ?, ?)")) {
            for (Element e : structure.composition().elements()) {
                Columns.bindAll(ps, tenant, id, e.symbol());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
