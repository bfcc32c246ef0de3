package dev.orion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.io.Structures;
import dev.orion.store.PageRequest;
import dev.orion.store.StructureFilter;
import dev.orion.store.StructureRecord;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main sample runs on the embedded defaults, writes every format and stores its structures once. */
class QuickStartTest {

    @Test
    void writesEveryFormatAndKeepsEachStructureOnceInTheEmbeddedStore(@TempDir Path out) throws Exception {
        QuickStart.main(new String[] {out.toString()});
        QuickStart.main(new String[] {out.toString()});

        for (String stem : new String[] {"Cu", "NaCl", "Si"}) {
            for (String ext : new String[] {"cif", "vasp", "extxyz", "lmp", "pwi", "json"}) {
                Path file = out.resolve(stem + "." + ext);
                assertThat(file).exists();
                assertThat(Structures.read(file).composition().reducedFormula()).isEqualTo(stem);
            }
        }
        try (Orion orion = Orion.builder().store(Stores.embedded(out.resolve("orion-data"))).build()) {
            OrionTenant demo = orion.tenant(TenantId.of("demo"), Principal.user("test"));
            assertThat(demo.structures().count(StructureFilter.all())).isEqualTo(3);
            StructureRecord nacl = demo.structures().query(StructureFilter.all().withElements("Na", "Cl"), PageRequest.first(5))
                    .items().get(0);
            assertThat(nacl.structure()).isEqualTo(Structures.read(out.resolve("NaCl.json")));
            assertThat(nacl.spaceGroup()).hasValue(225);
            assertThat(demo.structures().count(StructureFilter.all().withOnlyElements("Cu", "Si").withSpaceGroup(225))).isEqualTo(1);
            assertThat(orion.tenant(TenantId.of("other"), Principal.user("test")).structures()
                    .count(StructureFilter.all())).isZero();
        }
        try (var files = Files.list(out)) {
            assertThat(files.count()).as("18 files and the database folder").isGreaterThanOrEqualTo(19);
        }
    }
}
