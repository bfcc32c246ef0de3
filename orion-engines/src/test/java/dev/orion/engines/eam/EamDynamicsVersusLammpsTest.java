package dev.orion.engines.eam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.Ensemble;
import dev.orion.engine.Frame;
import dev.orion.engine.MolecularDynamics;
import dev.orion.engine.Potential;
import dev.orion.engine.Resources;
import dev.orion.engines.EngineRuns;
import dev.orion.engines.TestPrograms;
import dev.orion.engines.lammps.LammpsEngine;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.structure.Element;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in MD against LAMMPS on the same potential, cell and settings: thermostatted averages
 * (temperature; pressure at fixed volume; volume under NPT) agree within their combined error bars,
 * estimated by block averaging over the second half of each run.
 */
class EamDynamicsVersusLammpsTest {

    static final Element CU = Element.of("Cu");
    static final LocalExecutor LOCAL = LocalExecutor.builder().maxConcurrent(2).build();
    static final Potential CUNI = Potential.eamAlloy(Path.of("CuNi.eam.alloy"), CU, Element.of("Ni"));

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

    MolecularDynamics.Builder run() {
        return Calculation.md(EamDynamicsTest.fcc(3.615, 3)).method(CUNI).temperature(600).timeStep(2).steps(8000)
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
