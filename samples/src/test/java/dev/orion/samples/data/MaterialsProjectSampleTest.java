package dev.orion.samples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orion.data.mp.MaterialSummary;
import dev.orion.store.StructureRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample's offline path: the bundled snapshot seeds the embedded store, once. */
class MaterialsProjectSampleTest {

    @Test
    void theSnapshotAnswersTheSampleQueryWithStructures() {
        List<MaterialSummary> materials = MaterialsProjectSample.snapshot();

        assertThat(materials).extracting(MaterialSummary::materialId)
                .containsExactlyInAnyOrderElementsOf(MaterialsProjectSample.MATERIAL_IDS);
        assertThat(materials).allSatisfy(m -> {
            assertThat(m.structure()).isPresent();
            assertThat(m.symmetry()).isPresent();
            assertThat(m.structure().orElseThrow().composition().reducedFormula()).isEqualTo(m.formulaPretty().orElseThrow());
        });
    }

    @Test
    void seedingStoresEachMaterialOnceWidestGapFirstWithItsSpaceGroup(@TempDir Path out) {
        List<StructureRecord> first = MaterialsProjectSample.seed(MaterialsProjectSample.snapshot(), out);
        List<StructureRecord> again = MaterialsProjectSample.seed(MaterialsProjectSample.snapshot(), out);

        assertThat(first).extracting(StructureRecord::name).containsExactly("mp-22862", "mp-149", "mp-2534", "mp-30", "mp-13");
        assertThat(first.get(0).reducedFormula()).isEqualTo("NaCl");
        assertThat(first.get(0).properties()).containsEntry("band_gap_eV", 5.0003);
        assertThat(first.get(0).spaceGroup()).hasValue(225);
        assertThat(first.get(1).spaceGroup()).hasValue(227);
        assertThat(first.get(4).spaceGroup()).hasValue(229);
        assertThat(again).extracting(StructureRecord::id).isEqualTo(first.stream().map(StructureRecord::id).toList());
    }

    @Test
    void mainRunsOfflineWhenNoKeyIsSet(@TempDir Path out) {
        assumeTrue(System.getenv("MP_API_KEY") == null, "MP_API_KEY is set: main would ask the real API");
        MaterialsProjectSample.main(new String[] {out.toString()});

        assertThat(MaterialsProjectSample.seed(List.of(), out)).isEmpty();
        assertThat(out.resolve("orion-data")).exists();
    }
}
