package dev.orion.engines.lammps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.EngineFailureException;
import dev.orion.InvalidCalculationException;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.Potential;
import dev.orion.engine.Resources;
import dev.orion.engines.EngineRuns;
import dev.orion.engines.TestPrograms;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LammpsEngineTest {

    static final Element CU = Element.of("Cu");
    static final LocalExecutor LOCAL = LocalExecutor.builder().maxConcurrent(2).build();
    final LammpsEngine lammps = LammpsEngine.builder().build();

    @TempDir
    Path dir;

    @BeforeEach
    void needsLammps() {
        TestPrograms.require("lmp");
        TestPrograms.requireFile(LammpsEngine.DEBIAN_POTENTIALS.resolve("Cu_u3.eam"));
    }

    @AfterAll
    static void close() {
        LOCAL.close();
    }

    static Structure cuFcc(double a, int n) {
        return Structure.builder().lattice(Lattice.cubic(a)).addSite(CU, 0, 0, 0).addSite(CU, 0.5, 0.5, 0)
                .addSite(CU, 0.5, 0, 0.5).addSite(CU, 0, 0.5, 0.5).build().supercell(n, n, n);
    }

    @Test
    void cuRelaxationWithTheCellGivesTheReferenceEnergyAndLatticeConstant() throws Exception {
        Calculation relax = Calculation.relax(cuFcc(3.65, 2)).withCell(true)
                .with(Potential.eam(Path.of("Cu_u3.eam"), CU));
        CalculationResult r = EngineRuns.run(lammps, relax, LOCAL, dir, Resources.defaults());
        assertThat(r.energyPerAtom()).isCloseTo(-3.5400, within(5e-5));
        Structure relaxed = r.finalStructure().orElseThrow();
        assertThat(relaxed.lattice().a() / 2).isCloseTo(3.6150, within(5e-5));
        assertThat(relaxed.lattice().alpha()).isCloseTo(90, within(1e-9));
        assertThat(r.convergence().converged()).isTrue();
        assertThat(r.convergence().iterations()).isPositive();
        assertThat(r.maxForce()).isLessThan(1e-6);
        assertThat(r.stress().orElseThrow().pressure()).isCloseTo(0, within(1e-4));
        assertThat(r.engineVersion()).startsWith("LAMMPS 29 Sep 2021");
        assertThat(r.trajectory()).isNotEmpty();
        assertThat(r.outputFiles()).containsKeys("log", "final-dump");
        assertThat(Files.readString(dir.resolve("in.orion"))).contains("thermo_modify   flush yes");
    }

    @Test
    void singlePointOfACompressedCellGivesForcesAndPositivePressure() throws Exception {
        Structure s = cuFcc(3.55, 2);
        CalculationResult r = EngineRuns.run(lammps, Calculation.singlePoint(s)
                .with(Potential.eam(Path.of("Cu_u3.eam"), CU)), LOCAL, dir, Resources.defaults());
        assertThat(r.forces()).hasSize(32);
        assertThat(r.maxForce()).isLessThan(1e-10);
        assertThat(r.stress().orElseThrow().pressure()).isGreaterThan(1.0);
        assertThat(r.finalStructure()).isEmpty();
    }

    @Test
    void aPotentialMissingAnElementIsRefusedBeforeRunning() {
        Structure s = Structure.builder().lattice(Lattice.cubic(3.6)).addSite(Element.of("Ni"), 0, 0, 0).build();
        Calculation c = Calculation.singlePoint(s).with(Potential.eam(Path.of("Cu_u3.eam"), CU));
        assertThat(lammps.validate(c)).anySatisfy(p -> assertThat(p).contains("does not cover element Ni"));
        assertThatThrownBy(() -> lammps.prepare(c, dir)).isInstanceOf(InvalidCalculationException.class);
    }

    @Test
    void aBrokenPotentialFileFailsWithLammpsOwnErrorAndLastCommand() throws Exception {
        Path broken = dir.resolve("broken.eam");
        Files.writeString(broken, "not an eam file\n");
        Path work = Files.createDirectory(dir.resolve("run"));
        Calculation c = Calculation.singlePoint(cuFcc(3.6, 1)).with(Potential.eam(broken, CU));
        assertThatThrownBy(() -> EngineRuns.run(lammps, c, LOCAL, work, Resources.defaults()))
                .isInstanceOfSatisfying(EngineFailureException.class, e -> {
                    assertThat(e.kind()).isEqualTo(EngineFailureException.Kind.INPUT_ERROR);
                    assertThat(e.programMessage()).contains("last command: pair_coeff");
                    assertThat(e.exitCode()).contains(1);
                });
    }
}
