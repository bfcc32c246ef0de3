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
        LammpsEngine ownFolder = LammpsEngine.builder().potentialDir(dir).build();
        assertThatThrownBy(() -> EngineRuns.run(ownFolder, c, LOCAL, work, Resources.defaults()))
                .isInstanceOfSatisfying(EngineFailureException.class, e -> {
                    assertThat(e.kind()).isEqualTo(EngineFailureException.Kind.INPUT_ERROR);
                    assertThat(e.programMessage()).contains("last command: pair_coeff");
                    assertThat(e.exitCode()).contains(1);
                });
    }

    @Test
    void mdKeepsSampledFramesWithTheirStructures() throws Exception {
        Calculation md = Calculation.md(cuFcc(3.615, 2)).ensemble(dev.orion.engine.Ensemble.NVT).temperature(300)
                .timeStep(2).steps(100).sampleEvery(25).seed(4242).build().with(Potential.eam(Path.of("Cu_u3.eam"), CU));
        CalculationResult r = EngineRuns.run(lammps, md, LOCAL, dir, Resources.defaults());
        assertThat(r.trajectory()).extracting(dev.orion.engine.Frame::step).containsExactly(0L, 25L, 50L, 75L, 100L);
        assertThat(r.trajectory().get(0).temperatureK()).isCloseTo(300, within(1e-6));
        assertThat(r.trajectory()).allSatisfy(f -> assertThat(f.structure()).isPresent());
        assertThat(r.finalStructure().orElseThrow().size()).isEqualTo(32);
        assertThat(r.energyPerAtom()).isBetween(-3.54, -3.45);
        assertThat(r.outputFiles()).containsKey("trajectory");
    }

    @Test
    void manyBodyPotentialsMapTypesByElement() throws Exception {
        Element si = Element.of("Si");
        TestPrograms.requireFile(LammpsEngine.DEBIAN_POTENTIALS.resolve("Si.sw"));
        Structure diamond = Structure.builder().lattice(Lattice.cubic(5.431)).addSite(si, 0, 0, 0)
                .addSite(si, 0.25, 0.25, 0.25).addSite(si, 0.5, 0.5, 0).addSite(si, 0.75, 0.75, 0.25)
                .addSite(si, 0.5, 0, 0.5).addSite(si, 0.75, 0.25, 0.75).addSite(si, 0, 0.5, 0.5)
                .addSite(si, 0.25, 0.75, 0.75).build();
        Path sw = Files.createDirectory(dir.resolve("sw"));
        CalculationResult stillinger = EngineRuns.run(lammps, Calculation.singlePoint(diamond)
                .with(Potential.stillingerWeber(Path.of("Si.sw"), si)), LOCAL, sw, Resources.defaults());
        // Stillinger-Weber's diamond-silicon cohesive energy is 4.3366 eV/atom at a = 5.431 Å
        assertThat(stillinger.energyPerAtom()).isCloseTo(-4.3366, within(1e-3));
        Path tersoff = Files.createDirectory(dir.resolve("tersoff"));
        CalculationResult t = EngineRuns.run(lammps, Calculation.singlePoint(diamond)
                .with(Potential.tersoff(Path.of("Si.tersoff"), si)), LOCAL, tersoff, Resources.defaults());
        assertThat(t.energyPerAtom()).isCloseTo(-4.63, within(0.01));
        assertThat(Files.readString(tersoff.resolve("in.orion"))).contains("pair_style      tersoff\n")
                .contains("Si.tersoff\" Si\n");
    }
}
