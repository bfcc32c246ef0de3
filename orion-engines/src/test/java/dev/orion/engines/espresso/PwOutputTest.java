package dev.orion.engines.espresso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.ConvergenceException;
import dev.orion.EngineFailureException;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.DftParameters;
import dev.orion.engine.ProgramRun;
import dev.orion.engine.RunOutcome;
import dev.orion.engine.RunState;
import dev.orion.engines.TestPrograms;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PwOutputTest {

    static Path fixture(String name) {
        return TestPrograms.samples().resolve("espresso").resolve(name);
    }

    static Structure si() {
        double a = 10.2 * EspressoEngine.ANGSTROM_PER_BOHR;
        Lattice l = Lattice.of(new double[][] {{-a / 2, 0, a / 2}, {0, a / 2, a / 2}, {-a / 2, a / 2, 0}});
        return Structure.builder().lattice(l).addSite(Element.of("Si"), 0, 0, 0)
                .addSite(Element.of("Si"), 0.25, 0.25, 0.25).build();
    }

    final EspressoEngine pw = EspressoEngine.builder().build();

    @TempDir
    Path dir;

    private RunOutcome outcome(String out, String err, int exit) {
        return new RunOutcome(exit == 0 ? RunState.COMPLETED : RunState.FAILED, Optional.of(exit), fixture(out),
                fixture(err), Duration.ofMillis(460), exit == 0 ? "" : "exit code " + exit);
    }

    private ProgramRun run() {
        return new ProgramRun(dir, List.of("pw.x", "-in", "pw.in"), Map.of(), List.of("pw.in"), "pw.x");
    }

    private Calculation scf() {
        return Calculation.singlePoint(si()).with(DftParameters.builder(dir).build());
    }

    @Test
    void convergedScfGivesEnergyInRyAndEvForcesStressAndIterations() throws Exception {
        Files.writeString(dir.resolve("empty.err"), "");
        RunOutcome o = new RunOutcome(RunState.COMPLETED, Optional.of(0), fixture("si.out"), dir.resolve("empty.err"),
                Duration.ofMillis(460), "");
        CalculationResult r = pw.parse(scf(), run(), o);
        assertThat(r.values().get("energy_ry")).isEqualTo(-15.83351263);
        assertThat(r.energy()).isCloseTo(-15.83351263 * 13.605693122994, within(1e-9));
        assertThat(r.energyPerAtom()).isCloseTo(r.energy() / 2, within(1e-12));
        assertThat(r.forces()).hasSize(2);
        assertThat(r.maxForce()).isZero();
        assertThat(r.stress().orElseThrow().xx()).isCloseTo(0.070, within(1e-12));
        assertThat(r.stress().orElseThrow().pressure()).isCloseTo(0.070, within(1e-12));
        assertThat(r.convergence().converged()).isTrue();
        assertThat(r.convergence().iterations()).isEqualTo(6);
        assertThat(r.engineVersion()).isEqualTo("Quantum ESPRESSO pw.x v.6.7MaX");
    }

    @Test
    void nonConvergedScfIsAConvergenceFailureDespiteJobDone() throws Exception {
        String out = Files.readString(fixture("si_nc.out"));
        assertThat(out).contains("JOB DONE.");
        assertThatThrownBy(() -> pw.parse(scf(), run(), outcome("si_nc.out", "si_nc.err", 2)))
                .isInstanceOfSatisfying(ConvergenceException.class, e -> {
                    assertThat(e.iterations()).isEqualTo(2);
                    assertThat(e.exitCode()).contains(2);
                    assertThat(e.programMessage()).contains("convergence NOT achieved after   2 iterations");
                });
    }

    @Test
    void missingPseudopotentialIsAnInputErrorWithPwMessage() {
        assertThatThrownBy(() -> pw.parse(scf(), run(), outcome("si_bad.out", "si_bad.err", 1)))
                .isInstanceOfSatisfying(EngineFailureException.class, e -> {
                    assertThat(e.kind()).isEqualTo(EngineFailureException.Kind.INPUT_ERROR);
                    assertThat(e.programMessage()).contains("Error in routine readpp (1):")
                            .contains("file /usr/share/espresso/pseudo/Si.missing.UPF not found");
                });
    }

    @Test
    void jobDoneAloneWithoutEnergyIsNotSuccess() throws Exception {
        Path out = dir.resolve("x.out");
        Files.writeString(out, "     Program PWSCF v.6.7MaX starts\n   JOB DONE.\n");
        RunOutcome o = new RunOutcome(RunState.COMPLETED, Optional.of(0), out, out, Duration.ZERO, "");
        assertThatThrownBy(() -> pw.parse(scf(), run(), o)).isInstanceOfSatisfying(EngineFailureException.class,
                e -> assertThat(e.kind()).isEqualTo(EngineFailureException.Kind.CRASHED));
    }

    @Test
    void kPointsFromASpacingFollowTheReciprocalLattice() {
        DftParameters p = DftParameters.builder(dir).kSpacing(0.25).build();
        // |b| of this fcc primitive cell: 2π √3 / a
        double b = 2 * Math.PI * Math.sqrt(3) / (10.2 * EspressoEngine.ANGSTROM_PER_BOHR);
        int expected = (int) Math.ceil(b / 0.25);
        assertThat(EspressoEngine.kGrid(si().lattice(), p)).containsExactly(expected, expected, expected);
        assertThat(EspressoEngine.kGrid(Lattice.orthorhombic(3, 6, 60), p)).containsExactly(9, 5, 1);
    }
}
