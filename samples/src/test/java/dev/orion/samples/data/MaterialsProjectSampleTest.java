package dev.orion.samples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orion.data.mp.MaterialElasticity;
import dev.orion.data.mp.MaterialElectronicStructure;
import dev.orion.data.mp.MaterialSummary;
import dev.orion.data.mp.MaterialThermo;
import dev.orion.data.mp.MagneticOrdering;
import dev.orion.store.StructureRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample's offline path: the bundled snapshots of four routes seed the embedded store, once. */
class MaterialsProjectSampleTest {

    @Test
    void theSnapshotAnswersTheSampleQueryWithStructures() {
        List<MaterialSummary> materials = MaterialsProjectSample.snapshot().summaries();

        assertThat(materials).extracting(MaterialSummary::materialId)
                .containsExactlyInAnyOrderElementsOf(MaterialsProjectSample.MATERIAL_IDS);
        assertThat(materials).allSatisfy(m -> {
            assertThat(m.structure()).isPresent();
            assertThat(m.symmetry()).isPresent();
            assertThat(m.structure().orElseThrow().composition().reducedFormula()).isEqualTo(m.formulaPretty().orElseThrow());
        });
    }

    @Test
    void theOtherRoutesSnapshotsAnswerTheSameMaterials() {
        MaterialsProjectSample.Answers answers = MaterialsProjectSample.snapshot();

        assertThat(answers.thermo()).extracting(MaterialThermo::materialId).containsExactlyElementsOf(MaterialsProjectSample.MATERIAL_IDS);
        assertThat(answers.thermo()).allSatisfy(t -> assertThat(t.thermoType()).contains("GGA_GGA+U_R2SCAN"));
        assertThat(answers.elasticity()).extracting(MaterialElasticity::materialId).containsExactlyElementsOf(MaterialsProjectSample.MATERIAL_IDS);
        assertThat(answers.electronic()).extracting(MaterialElectronicStructure::materialId)
                .containsExactlyElementsOf(MaterialsProjectSample.MATERIAL_IDS);
        assertThat(answers.electronic().get(4).magneticOrdering()).contains(MagneticOrdering.FERROMAGNETIC);
        assertThat(MaterialsProjectSample.THERMO_QUERY.parameters()).containsEntry("thermo_types", "GGA_GGA+U_R2SCAN");
        assertThat(MaterialsProjectSample.ELASTICITY_QUERY.route().path()).isEqualTo("materials/elasticity/");
    }

    @Test
    void describingTellsGapKindHullAndDuctility() {
        List<String> lines = MaterialsProjectSample.describe(MaterialsProjectSample.snapshot());

        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).contains("mp-149", "indirect gap 0.61 eV", "on hull", "G/K 0.71", "brittle");
        assertThat(lines.get(1)).contains("mp-2534", "direct gap 0.19 eV");
        assertThat(lines.get(3)).contains("mp-30", "metal", "G/K 0.37", "ductile");
    }

    @Test
    void seedingStoresEachMaterialOnceWidestGapFirstWithItsSpaceGroupAndModuli(@TempDir Path out) {
        MaterialsProjectSample.Answers answers = MaterialsProjectSample.snapshot();
        Map<String, Map<String, Double>> moduli = MaterialsProjectSample.moduli(answers.elasticity());
        List<StructureRecord> first = MaterialsProjectSample.seed(answers.summaries(), moduli, out);
        List<StructureRecord> again = MaterialsProjectSample.seed(answers.summaries(), moduli, out);

        assertThat(first).extracting(StructureRecord::name).containsExactly("mp-22862", "mp-149", "mp-2534", "mp-30", "mp-13");
        assertThat(first.get(0).reducedFormula()).isEqualTo("NaCl");
        assertThat(first.get(0).properties()).containsEntry("band_gap_eV", 5.0003)
                .containsEntry(MaterialsProjectSample.BULK_MODULUS, 22.9).containsEntry(MaterialsProjectSample.SHEAR_MODULUS, 14.7);
        assertThat(first.get(4).properties()).containsEntry(MaterialsProjectSample.BULK_MODULUS, 178.4);
        assertThat(first.get(0).spaceGroup()).hasValue(225);
        assertThat(first.get(1).spaceGroup()).hasValue(227);
        assertThat(first.get(4).spaceGroup()).hasValue(229);
        assertThat(again).extracting(StructureRecord::id).isEqualTo(first.stream().map(StructureRecord::id).toList());
    }

    @Test
    void mainRunsOfflineWhenNoKeyIsSet(@TempDir Path out) {
        assumeTrue(System.getenv("MP_API_KEY") == null, "MP_API_KEY is set: main would ask the real API");
        MaterialsProjectSample.main(new String[] {out.toString()});

        assertThat(MaterialsProjectSample.seed(List.of(), Map.of(), out)).isEmpty();
        assertThat(out.resolve("orion-data")).exists();
    }
}
