package dev.orion.engines.espresso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.ConvergenceException;
import dev.orion.EngineFailureException;
import dev.orion.InvalidCalculationException;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.DftParameters;
import dev.orion.engine.Resources;
import dev.orion.engines.EngineRuns;
import dev.orion.engines.TestPrograms;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.structure.Element;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EspressoEngineTest {

    static final LocalExecutor LOCAL = LocalExecutor.builder().maxConcurrent(2).build();
    static final Element SI = Element.of("Si");
    final EspressoEngine pw = EspressoEngine.builder().build();

    @TempDir
    Path dir;

    @BeforeEach
    void needsPw() {
        TestPrograms.require("pw.x");
        TestPrograms.requireFile(EspressoEngine.DEBIAN_PSEUDO.resolve("Si.pz-vbc.UPF"));
    }

    @AfterAll
    static void close() {
        LOCAL.close();
    }

    static DftParameters.Builder siParameters() {
        return DftParameters.builder(EspressoEngine.DEBIAN_PSEUDO).pseudopotential(SI, "Si.pz-vbc.UPF")
                .ecutwfc(20).kPoints(4, 4, 4);
    }

    @Test
    void siliconScfGivesTheReferenceEnergy() throws Exception {
        CalculationResult r = EngineRuns.run(pw, Calculation.singlePoint(PwOutputTest.si()).with(siParameters().build()),
                LOCAL, dir, Resources.defaults());
        assertThat(r.values().get("energy_ry")).isCloseTo(-15.83351263, within(2e-8));
        assertThat(r.energy()).isCloseTo(-15.83351263 * EspressoEngine.EV_PER_RY, within(1e-6));
        assertThat(r.forces()).hasSize(2);
        assertThat(r.maxForce()).isLessThan(1e-4);
        assertThat(r.stress()).isPresent();
        assertThat(r.convergence().converged()).isTrue();
        String input = Files.readString(dir.resolve("pw.in"));
        assertThat(input).contains("ibrav = 0").contains("CELL_PARAMETERS angstrom").contains("ATOMIC_POSITIONS crystal")
                .contains("K_POINTS automatic\n  4 4 4 0 0 0");
    }

    @Test
    void nonConvergingScfFailsWithPwMessage() {
        Calculation c = Calculation.singlePoint(PwOutputTest.si()).with(siParameters().maxScfSteps(2).build());
        assertThatThrownBy(() -> EngineRuns.run(pw, c, LOCAL, dir, Resources.defaults()))
                .isInstanceOfSatisfying(ConvergenceException.class, e -> {
                    assertThat(e.exitCode()).contains(2);
                    assertThat(e.programMessage()).contains("convergence NOT achieved after");
                });
    }

    @Test
    void missingPseudopotentialIsRefusedAndABrokenOneFailsWithPwMessage() throws Exception {
        Calculation missing = Calculation.singlePoint(PwOutputTest.si()).with(DftParameters.builder(EspressoEngine.DEBIAN_PSEUDO)
                .pseudopotential(SI, "Si.missing.UPF").ecutwfc(20).kPoints(2, 2, 2).build());
        assertThatThrownBy(() -> EngineRuns.run(pw, missing, LOCAL, dir, Resources.defaults()))
                .isInstanceOfSatisfying(InvalidCalculationException.class,
                        e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("Si.missing.UPF")));
        Path pseudo = Files.createDirectory(dir.resolve("pseudo"));
        Files.writeString(pseudo.resolve("Si.broken.UPF"), "this is not a pseudopotential\n");
        Path work = Files.createDirectory(dir.resolve("run"));
        Calculation broken = Calculation.singlePoint(PwOutputTest.si())
                .with(DftParameters.builder(pseudo).ecutwfc(20).kPoints(2, 2, 2).build());
        assertThatThrownBy(() -> EngineRuns.run(pw, broken, LOCAL, work, Resources.defaults()))
                .isInstanceOfSatisfying(EngineFailureException.class, e -> {
                    assertThat(e.kind()).isEqualTo(EngineFailureException.Kind.INPUT_ERROR);
                    assertThat(e.programMessage()).contains("Error in routine");
                });
    }

    @Test
    void aDisplacedAtomRelaxesBackAndTheFinalStructureIsParsed() throws Exception {
        var si2 = PwOutputTest.si();
        var b = dev.orion.structure.Structure.builder().lattice(si2.lattice()).addSite(SI, 0, 0, 0)
                .addSite(SI, 0.27, 0.25, 0.25);
        Calculation relax = dev.orion.engine.Relaxation.builder(b.build()).forceTolerance(1e-3).maxSteps(30).build()
                .with(siParameters().kPoints(2, 2, 2).build());
        CalculationResult r = EngineRuns.run(pw, relax, LOCAL, dir, Resources.defaults());
        assertThat(r.convergence().converged()).isTrue();
        assertThat(r.trajectory().size()).isGreaterThan(1);
        double[] a = r.finalStructure().orElseThrow().site(0).frac();
        double[] c = r.finalStructure().orElseThrow().site(1).frac();
        // the pair ends symmetric again: the second atom a quarter of the way along each axis from the first
        assertThat(c[0] - a[0]).isCloseTo(0.25, within(3e-3));
        assertThat(c[1] - a[1]).isCloseTo(0.25, within(3e-3));
        assertThat(r.maxForce()).isLessThan(0.05);
        assertThat(r.trajectory().get(0).energy()).isGreaterThan(r.energy());
    }

    @Test
    void aCompressedCellExpandsInAVariableCellRelaxation() throws Exception {
        var si2 = PwOutputTest.si();
        var squeezed = si2.withLattice(si2.lattice().scaled(si2.volume() * 0.94));
        Calculation vc = Calculation.relax(squeezed).withCell(true).with(siParameters().kPoints(2, 2, 2).build());
        CalculationResult r = EngineRuns.run(pw, vc, LOCAL, dir, Resources.defaults());
        assertThat(Files.readString(dir.resolve("pw.in"))).contains("calculation = 'vc-relax'").contains("&CELL");
        double v = r.finalStructure().orElseThrow().volume();
        assertThat(v).isGreaterThan(squeezed.volume() * 1.02);
        assertThat(r.stress().orElseThrow().pressure()).isCloseTo(0, within(0.5));
    }
}
