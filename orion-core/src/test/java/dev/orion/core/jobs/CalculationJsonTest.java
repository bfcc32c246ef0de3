package dev.orion.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.Convergence;
import dev.orion.engine.DftParameters;
import dev.orion.engine.Ensemble;
import dev.orion.engine.Frame;
import dev.orion.engine.Potential;
import dev.orion.engine.Resources;
import dev.orion.engine.Stress;
import dev.orion.engine.Vector3;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CalculationJsonTest {

    static final Element CU = Element.of("Cu");
    static final Element NI = Element.of("Ni");
    static final Structure S = Structure.builder().lattice(Lattice.fromParameters(3.6, 3.7, 3.8, 80, 95, 100))
            .addSite(CU, 0.1, 0.2, 0.3).addSite(NI, 0.6, 0.5, 0.4).build();

    @Test
    void everyKindOfCalculationRoundTrips() {
        List<Calculation> all = List.of(
                Calculation.singlePoint(S).with(Potential.eamAlloy(Path.of("CuNi.eam.alloy"), CU, NI)),
                Calculation.relax(S).withCell(true).with(Potential.meam(Path.of("lib.meam"), Path.of("p.meam"), CU, NI)),
                Calculation.md(S).ensemble(Ensemble.NPT).temperature(900).pressure(2).steps(77).seed(5).build()
                        .with(Potential.lennardJones(CU, 0.4, 2.3, 6)),
                Calculation.relax(S).with(DftParameters.builder(Path.of("/pp")).pseudopotential(CU, "Cu.UPF")
                        .ecutwfc(40).kPoints(3, 3, 2).metallic().maxScfSteps(60).build()),
                Calculation.singlePoint(S));
        for (Calculation c : all) {
            Calculation back = CalculationJson.readCalculation(CalculationJson.write(c));
            assertThat(back).as(c.kind()).isEqualTo(c);
            assertThat(CalculationJson.write(back)).isEqualTo(CalculationJson.write(c));
        }
    }

    @Test
    void resultsRoundTripWithoutTrajectoryStructures() {
        CalculationResult r = CalculationResult.builder("lammps", -113.28, 2).engineVersion("LAMMPS 29 Sep 2021")
                .forces(List.of(new Vector3(0.1, -0.2, 0.3), Vector3.ZERO)).stress(new Stress(1, 2, 3, 4, 5, 6))
                .finalStructure(S).frame(new Frame(10, -113.2, 0, Optional.of(-3.7), Optional.empty()))
                .convergence(new Convergence(true, 12, "energy tolerance")).wallTime(Duration.ofMillis(330))
                .value("energy_ry", -8.3).outputFile("log", Path.of("/w/log.lammps")).build();
        assertThat(CalculationJson.readResult(CalculationJson.write(r))).isEqualTo(r);
    }

    @Test
    void theContentHashChangesWithTheStructureTheMethodTheEngineAndTheFiles() throws Exception {
        Calculation a = Calculation.singlePoint(S).with(Potential.lennardJones(CU, 0.4, 2.3, 6));
        Calculation b = Calculation.singlePoint(S).with(Potential.lennardJones(CU, 0.4, 2.3, 6.5));
        String h = JobInput.contentHash(a, "e", "1", List.of());
        assertThat(JobInput.contentHash(a, "e", "1", List.of())).isEqualTo(h);
        assertThat(JobInput.contentHash(b, "e", "1", List.of())).isNotEqualTo(h);
        assertThat(JobInput.contentHash(a, "e", "2", List.of())).isNotEqualTo(h);
        java.nio.file.Path f = java.nio.file.Files.createTempFile("pot", ".eam");
        java.nio.file.Files.writeString(f, "one");
        String withFile = JobInput.contentHash(a, "e", "1", List.of(f));
        java.nio.file.Files.writeString(f, "two");
        assertThat(JobInput.contentHash(a, "e", "1", List.of(f))).isNotEqualTo(withFile);
        JobInput in = new JobInput(a, Resources.builder().tasks(4).memoryMb(2048).partition("debug").build(), h);
        assertThat(JobInput.fromJson(in.toJson())).isEqualTo(in);
    }
}
