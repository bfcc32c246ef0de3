package dev.orion.engines.eam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.Ensemble;
import dev.orion.engine.Frame;
import dev.orion.engine.MolecularDynamics;
import dev.orion.engine.Potential;
import dev.orion.engine.Resources;
import dev.orion.engine.Vector3;
import dev.orion.engines.EngineRuns;
import dev.orion.engines.TestPrograms;
import dev.orion.engines.lammps.LammpsEngine;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Site;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in EAM engine against LAMMPS on the same structures: 1e-6 eV/atom, 1e-5 eV/Å; and its
 * molecular dynamics against LAMMPS's on the same potential, cell and settings: thermostatted
 * averages (temperature; pressure at fixed volume; volume under NPT) within their combined error bars,
 * estimated by block averaging over the second half of each run.
 */
class EamEngineVersusLammpsTest {

    static final Element CU = Element.of("Cu");
    static final Element NI = Element.of("Ni");
    static final LocalExecutor LOCAL = LocalExecutor.builder().maxConcurrent(2).build();
    static final Potential CU_U3 = Potential.eam(Path.of("Cu_u3.eam"), CU);
    static final Potential CUNI = Potential.eamAlloy(Path.of("CuNi.eam.alloy"), CU, NI);

    final EamEngine eam = EamEngine.builder().build();
    final LammpsEngine lammps = LammpsEngine.builder().build();

    @TempDir
    Path dir;

    @BeforeEach
    void needsLammps() {
        TestPrograms.require("lmp");
        TestPrograms.requireFile(LammpsEngine.DEBIAN_POTENTIALS.resolve("CuNi.eam.alloy"));
    }

    @AfterAll
    static void close() {
        LOCAL.close();
    }

    static Structure fcc(double a, int n) {
        return Structure.builder().lattice(Lattice.cubic(a)).addSite(CU, 0, 0, 0).addSite(CU, 0.5, 0.5, 0)
                .addSite(CU, 0.5, 0, 0.5).addSite(CU, 0, 0.5, 0.5).build().supercell(n, n, n);
    }

    static Structure rattled(Structure s, double amplitude, long seed) {
        Random random = new Random(seed);
        StructureBuilder b = Structure.builder().lattice(s.lattice());
        for (Site site : s.sites()) {
            double[] cart = s.lattice().toCartesian(site.frac());
            for (int k = 0; k < 3; k++) {
                cart[k] += amplitude * (2 * random.nextDouble() - 1);
            }
            b.addSite(site.toBuilder().frac(s.lattice().toFractional(cart)).build());
        }
        return b.build();
    }

    private void agree(Calculation calc) throws Exception {
        Path work = Files.createTempDirectory(dir, "lmp");
        CalculationResult reference = EngineRuns.run(lammps, calc, LOCAL, work, Resources.defaults());
        CalculationResult ours = eam.compute(calc, dir);
        assertThat(ours.energyPerAtom()).isCloseTo(reference.energyPerAtom(), within(1e-6));
        for (int i = 0; i < ours.atoms(); i++) {
            Vector3 a = ours.forces().get(i);
            Vector3 b = reference.forces().get(i);
            for (int k = 0; k < 3; k++) {
                assertThat(a.get(k)).as("force %d component %d", i, k).isCloseTo(b.get(k), within(1e-5));
            }
        }
        var s1 = ours.stress().orElseThrow();
        var s2 = reference.stress().orElseThrow();
        assertThat(s1.xx()).isCloseTo(s2.xx(), within(1e-4));
        assertThat(s1.yz()).isCloseTo(s2.yz(), within(1e-4));
        assertThat(s1.xy()).isCloseTo(s2.xy(), within(1e-4));
    }

    @Test
    void pureCopperCompressed() throws Exception {
        agree(Calculation.singlePoint(fcc(3.55, 3)).with(CU_U3));
    }

    @Test
    void rattledCopper() throws Exception {
        Structure s = rattled(fcc(3.615, 3), 0.15, 42);
        Calculation c = Calculation.singlePoint(s).with(CU_U3);
        agree(c);
        assertThat(eam.compute(c, dir).maxForce()).isGreaterThan(0.1);
    }

    @Test
    void rattledCopperNickelAlloy() throws Exception {
        Random random = new Random(7);
        Structure base = fcc(3.56, 3);
        StructureBuilder b = Structure.builder().lattice(base.lattice());
        for (Site site : base.sites()) {
            b.addSite(Site.of(random.nextBoolean() ? NI : CU, site.x(), site.y(), site.z()));
        }
        agree(Calculation.singlePoint(rattled(b.build(), 0.1, 11)).with(CUNI));
    }

    @Test
    void rattledTriclinicCell() throws Exception {
        Lattice skewed = Lattice.fromParameters(7.4, 7.9, 8.3, 78, 95, 106);
        Random random = new Random(3);
        StructureBuilder b = Structure.builder().lattice(skewed);
        // a dense random packing on a jittered grid keeps atoms apart
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    b.addSite(CU, (i + 0.3 * random.nextDouble()) / 3, (j + 0.3 * random.nextDouble()) / 3,
                            (k + 0.3 * random.nextDouble()) / 3);
                    b.addSite(NI, (i + 0.5 + 0.2 * random.nextDouble()) / 3, (j + 0.5 + 0.2 * random.nextDouble()) / 3,
                            (k + 0.5 + 0.2 * random.nextDouble()) / 3);
                }
            }
        }
        agree(Calculation.singlePoint(b.build()).with(CUNI));
    }

    @Test
    void cellRelaxationOfCopperGivesLammpsLatticeConstantAndEnergy() {
        CalculationResult r = eam.compute(Calculation.relax(fcc(3.65, 2)).withCell(true).with(CU_U3), dir);
        assertThat(r.energyPerAtom()).isCloseTo(-3.5400, within(5e-6));
        assertThat(r.finalStructure().orElseThrow().lattice().a() / 2).isCloseTo(3.6150, within(1e-5));
        assertThat(r.convergence().converged()).isTrue();
        assertThat(r.stress().orElseThrow().pressure()).isCloseTo(0, within(1e-4));
    }

    @Test
    void positionRelaxationReachesTheForceTolerance() {
        Structure s = rattled(fcc(3.615, 2), 0.1, 5);
        CalculationResult r = eam.compute(Calculation.relax(s).with(CU_U3), dir);
        assertThat(r.maxForce()).isLessThan(1e-6);
        assertThat(r.energyPerAtom()).isCloseTo(-3.54, within(1e-6));
        assertThat(r.convergence().converged()).isTrue();
    }

    MolecularDynamics.Builder run() {
        return Calculation.md(fcc(3.615, 3)).method(CUNI).temperature(600).timeStep(2).steps(8000)
                .sampleEvery(20).seed(4242);
    }

    @Test
    void nvtTemperatureAndPressureMatchLammps() throws Exception {
        MolecularDynamics md = run().ensemble(Ensemble.NVT).build();
        CalculationResult ours = eam.compute(md, dir.resolve("orion"));
        CalculationResult theirs = EngineRuns.run(lammps, md, LOCAL, java.nio.file.Files.createDirectories(dir.resolve("lammps")),
                Resources.defaults());
        agree("temperature", ours, theirs, Frame::temperatureK);
        agree("pressure", ours, theirs, f -> f.pressureGPa().orElseThrow());
    }

    @Test
    void nptVolumeAndPressureMatchLammps() throws Exception {
        MolecularDynamics md = run().ensemble(Ensemble.NPT).pressure(2).build();
        CalculationResult ours = eam.compute(md, dir.resolve("orion"));
        CalculationResult theirs = EngineRuns.run(lammps, md, LOCAL, java.nio.file.Files.createDirectories(dir.resolve("lammps")),
                Resources.defaults());
        agree("temperature", ours, theirs, Frame::temperatureK);
        agree("pressure", ours, theirs, f -> f.pressureGPa().orElseThrow());
        agree("volume", ours, theirs, f -> f.structure().orElseThrow().lattice().volume());
    }

    static void agree(String what, CalculationResult a, CalculationResult b, ToDoubleFunction<Frame> f) {
        double[] x = blockStats(a.trajectory(), f);
        double[] y = blockStats(b.trajectory(), f);
        double bar = Math.sqrt(x[1] * x[1] + y[1] * y[1]);
        assertThat(Math.abs(x[0] - y[0])).as(what + ": orion %.4f +- %.4f, LAMMPS %.4f +- %.4f", x[0], x[1], y[0], y[1])
                .isLessThan(4 * bar);
    }

    /** @return mean and standard error over the second half, from 8 block means */
    static double[] blockStats(List<Frame> frames, ToDoubleFunction<Frame> f) {
        List<Frame> late = frames.subList(frames.size() / 2, frames.size());
        int blocks = 8;
        int size = late.size() / blocks;
        double[] means = new double[blocks];
        for (int k = 0; k < blocks; k++) {
            means[k] = late.subList(k * size, (k + 1) * size).stream().mapToDouble(f).average().orElseThrow();
        }
        double mean = java.util.Arrays.stream(means).average().orElseThrow();
        double var = java.util.Arrays.stream(means).map(m -> (m - mean) * (m - mean)).sum() / (blocks - 1);
        return new double[] {mean, Math.sqrt(var / blocks)};
    }
}
