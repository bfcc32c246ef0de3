package dev.orion.samples.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.core.Orion;
import dev.orion.core.Stores;
import dev.orion.store.PageRequest;
import dev.orion.store.StructureFilter;
import dev.orion.store.StructureRecord;
import dev.orion.structure.Element;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoreSampleTest {

    @Test
    void storesRockSaltAsAStructure(@TempDir Path data) {
        EmbeddedStoreSample.main(new String[] {data.toString()});
        try (Orion orion = Orion.builder().store(Stores.embedded(data)).build()) {
            List<StructureRecord> stored = orion.tenant(TenantId.of("acme"), Principal.user("test")).structures()
                    .query(StructureFilter.all().withReducedFormula("NaCl"), PageRequest.first(5)).items();
            assertThat(stored).hasSize(1);
            assertThat(stored.get(0).structure().size()).isEqualTo(8);
            assertThat(stored.get(0).elements()).containsExactlyInAnyOrder(Element.Na, Element.Cl);
            assertThat(stored.get(0).spaceGroup()).hasValue(225);
        }
    }
}
