package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.store.PageRequest;
import dev.orion.store.StoreException;
import dev.orion.store.StructureFilter;
import dev.orion.store.StructureStore;
import dev.orion.store.TenantStores;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * JDBC only: a structure row whose body was damaged behind the store's back is reported as a
 * {@link StoreException} naming the row, never as a raw parse exception, and can still be deleted.
 */
public abstract class CorruptStructureRowChecks extends ContractSupport {

    @Test
    void aDamagedBodyIsATypedErrorNamingTheRow() throws SQLException {
        TenantStores t = newTenant();
        StructureStore s = t.structures();
        String id = s.save("Cu", TestStructures.cu()).id();
        try (Connection c = backend().rawSql().orElseThrow().getConnection()) {
            c.setAutoCommit(false);
            if (backend().name().equals("postgres")) {
                try (PreparedStatement ps = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                    ps.setString(1, t.tenant().value());
                    ps.execute();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE structures SET body = ? WHERE tenant_id = ? AND id = ?")) {
                ps.setString(1, "{\"schema\":\"orion.structure/1\",\"lattice\":[[1,0,0]]");
                ps.setString(2, t.tenant().value());
                ps.setString(3, id);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            c.commit();
        }
        assertThatThrownBy(() -> s.find(id)).isExactlyInstanceOf(StoreException.class)
                .hasMessageContaining("'" + id + "'").hasMessageContaining("not a readable structure document");
        assertThatThrownBy(() -> s.query(StructureFilter.all(), PageRequest.first(5))).isInstanceOf(StoreException.class)
                .hasMessageContaining("'" + id + "'");
        assertThat(s.count(StructureFilter.all().withElements("Cu"))).isEqualTo(1);
        assertThat(s.delete(id)).isTrue();
        assertThat(s.count(StructureFilter.all())).isZero();
    }
}
