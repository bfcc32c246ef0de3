package dev.orion.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.ConvergenceException;
import dev.orion.EngineFailureException;
import dev.orion.InvalidCalculationException;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CalculationTest {

    static final Element CU = Element.of("Cu");
    static final Structure CU1 = Structure.builder().lattice(Lattice.cubic(3.6)).addSite(CU, 0, 0, 0).build();

    @Test
    void calculationsCarryTheirMethodAndDefaults() {
        Potential eam = Potential.eam(Path.of("Cu_u3.eam"), CU);
        Relaxation r = Calculation.relax(CU1).withCell(true).with(eam);
        assertThat(r.relaxCell()).isTrue();
        assertThat(r.method()).contains(eam);
        assertThat(r.forceTolerance()).isEqualTo(1e-6);
        assertThat(r.kind()).isEqualTo("relaxation");
        MolecularDynamics md = Calculation.md(CU1).ensemble(Ensemble.NVT).temperature(600).steps(10).build();
        assertThat(md.method()).isEmpty();
        assertThat(md.with(eam).method()).contains(eam);
        assertThat(md.kind()).isEqualTo("md");
        assertThat(Calculation.singlePoint(CU1).kind()).isEqualTo("single-point");
    }

    @Test
    void badArgumentsAreRefusedWithTheirNameAndValue() {
        assertThatThrownBy(() -> Calculation.md(CU1).timeStep(-1).build()).hasMessageContaining("timeStepFs")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> Calculation.md(CU1).ensemble(Ensemble.NVT).temperature(0).build())
                .hasMessageContaining("NVT");
        assertThatThrownBy(() -> Relaxation.builder(CU1).forceTolerance(0).energyTolerance(0).build())
                .hasMessageContaining("forceTolerance");
        assertThatThrownBy(() -> Potential.eamAlloy(Path.of("x"), CU, CU)).hasMessageContaining("repeat");
        assertThatThrownBy(() -> Resources.builder().tasks(0).build()).hasMessageContaining("tasks");
        assertThatThrownBy(() -> DftParameters.builder(Path.of("/p")).kPoints(0, 1, 1).build()).hasMessageContaining("kGrid");
        assertThatThrownBy(() -> new DftParameters.Smearing("cold", 0.01)).hasMessageContaining("cold");
    }

    @Test
    void potentialsNameTheirStyleElementsAndFiles() {
        Element ni = Element.of("Ni");
        Potential.ManyBody meam = Potential.meam(Path.of("library.meam"), Path.of("CuNi.meam"), CU, ni);
        assertThat(meam.pairStyle()).isEqualTo("meam");
        assertThat(meam.files()).containsExactly(Path.of("library.meam"), Path.of("CuNi.meam"));
        assertThat(Potential.tersoff(Path.of("Si.tersoff"), Element.of("Si")).files()).hasSize(1);
        Potential.LennardJones lj = new Potential.LennardJones(java.util.Map.of(CU, new Potential.LjParameters(0.4, 2.3),
                ni, new Potential.LjParameters(0.5, 2.1)), 6);
        assertThat(lj.pair(CU, ni).epsilon()).isEqualTo(Math.sqrt(0.2));
        assertThat(lj.pair(CU, ni).sigma()).isEqualTo(2.2);
        assertThat(lj.elements()).containsExactlyInAnyOrder(CU, ni);
    }

    @Test
    void resultsConvertNothingButCheckShapes() {
        CalculationResult r = CalculationResult.builder("x", -7.08, 2)
                .forces(List.of(new Vector3(3, 4, 0), Vector3.ZERO)).stress(new Stress(1, 2, 3, 0, 0, 0))
                .wallTime(Duration.ofMillis(5)).build();
        assertThat(r.energyPerAtom()).isEqualTo(-3.54);
        assertThat(r.maxForce()).isEqualTo(5);
        assertThat(r.stress().orElseThrow().pressure()).isEqualTo(2);
        assertThat(r.toBuilder().build()).isEqualTo(r);
        assertThatThrownBy(() -> CalculationResult.builder("x", 1, 3).forces(List.of(Vector3.ZERO)).build())
                .hasMessageContaining("1 vectors for 3 atoms");
    }

    @Test
    void failuresSayWhatHappenedWithTheProgramsWords() {
        EngineFailureException e = new EngineFailureException("lammps", EngineFailureException.Kind.INPUT_ERROR,
                "Cannot open file x", Optional.of(1));
        assertThat(e).hasMessage("lammps stopped with an input error (exit code 1): Cannot open file x");
        ConvergenceException c = new ConvergenceException("espresso", "convergence NOT achieved after 2 iterations", 2,
                Optional.of(2));
        assertThat(c.kind()).isEqualTo(EngineFailureException.Kind.NOT_CONVERGED);
        assertThat(c.iterations()).isEqualTo(2);
        assertThat(new InvalidCalculationException("eam", List.of("a", "b"))).hasMessageContaining("a; b");
        assertThat(RunState.TIMEOUT.isTerminal()).isTrue();
        assertThat(RunState.PENDING.isTerminal()).isFalse();
    }
}
