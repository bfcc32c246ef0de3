package dev.orion.engines.multiscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.multiscale.CubicElasticConstants;
import dev.orion.core.multiscale.ElasticConstants;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.JobRequest;
import dev.orion.engine.Potential;
import dev.orion.engines.TestPrograms;
import dev.orion.engines.eam.EamEngine;
import dev.orion.engines.lammps.LammpsEngine;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.store.ResourceRef;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Elastic constants of copper by strained cells, as jobs: the built-in engine against LAMMPS on the same potential. */
class ElasticConstantsTest {

    static final Element CU = Element.of("Cu");
    static final Potential CUNI = Potential.eamAlloy(Path.of("CuNi.eam.alloy"), CU, Element.of("Ni"));

    @TempDir
    Path work;

    final LocalExecutor local = LocalExecutor.builder().maxConcurrent(2).build();
    Orion orion;

    @AfterEach
    void close() {
        if (orion != null) {
            orion.close();
        }
        local.close();
    }

    OrionTenant tenant() {
        orion = Orion.builder().store(Stores.inMemory()).engine(EamEngine.builder().build())
                .engine(LammpsEngine.builder().build()).executor(local).workRoot(work).build();
        return orion.tenant(TenantId.of("lab"));
    }

    static Structure copper(double a) {
        return Structure.builder().lattice(Lattice.cubic(a)).addSite(CU, 0, 0, 0).addSite(CU, 0.5, 0.5, 0)
                .addSite(CU, 0.5, 0, 0.5).addSite(CU, 0, 0.5, 0.5).build();
    }

    @Test
    void builtInEngineMatchesLammpsAndTheMaterialCitesItsJobs() throws Exception {
        TestPrograms.require("lmp");
        TestPrograms.requireFile(LammpsEngine.DEBIAN_POTENTIALS.resolve("CuNi.eam.alloy"));
        OrionTenant lab = tenant();
        CalculationResult relaxed = lab.jobs().awaitResult(lab.jobs().submit(JobRequest.of(
                Calculation.relax(copper(3.6)).withCell(true).with(CUNI), "orion-eam")).id(), Duration.ofMinutes(2));
        Structure cell = relaxed.finalStructure().orElseThrow();
        double a = cell.lattice().a();
        Structure cubic = copper(a);
        CubicElasticConstants ours = ElasticConstants.cubic(lab, "orion-eam", cubic, CUNI);
        CubicElasticConstants theirs = ElasticConstants.cubic(lab, "lammps", cubic, CUNI);
        assertThat(ours.c11()).isCloseTo(theirs.c11(), within(0.005 * theirs.c11()));
        assertThat(ours.c12()).isCloseTo(theirs.c12(), within(0.005 * theirs.c12()));
        assertThat(ours.c44()).isCloseTo(theirs.c44(), within(0.005 * theirs.c44()));
        // copper's constants (experiment: 168, 121, 75 GPa); the potential is fitted near them
        assertThat(ours.c11()).isBetween(150.0, 190.0);
        assertThat(ours.c12()).isBetween(100.0, 140.0);
        assertThat(ours.c44()).isBetween(60.0, 90.0);
        assertThat(ours.anisotropy()).isGreaterThan(2);
        assertThat(ours.toElasticity().c11()).isCloseTo(ours.c11() * 1e9, within(1.0));
        assertThat(ours.jobs()).hasSize(4).doesNotHaveDuplicates();
        assertThat(ours.linkTo(lab.provenance(), "plate-job")).hasSize(4);
        assertThat(lab.provenance().linksFrom(ResourceRef.of("job", "plate-job")))
                .extracting(l -> l.object().id()).containsExactlyInAnyOrderElementsOf(ours.jobs());
        // the same strained cells again are the same jobs: nothing is recomputed
        assertThat(ElasticConstants.cubic(lab, "orion-eam", cubic, CUNI).jobs()).isEqualTo(ours.jobs());
    }

    @Test
    void refusesACellThatIsNotCubicAlongTheAxes() {
        OrionTenant lab = tenant();
        Structure tetragonal = Structure.builder().lattice(Lattice.tetragonal(3.6, 3.8)).addSite(CU, 0, 0, 0).build();
        assertThatThrownBy(() -> ElasticConstants.cubic(lab, "orion-eam", tetragonal, CUNI))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cubic cell");
        assertThatThrownBy(() -> ElasticConstants.cubic(lab, "orion-eam", copper(3.6), CUNI, 0.2, Duration.ofSeconds(1)))
                .hasMessageContaining("strain must be in (0, 0.05], got 0.2");
    }
}
