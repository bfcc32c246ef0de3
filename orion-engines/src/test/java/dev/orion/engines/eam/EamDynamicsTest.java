package dev.orion.engines.eam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.InvalidCalculationException;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.Ensemble;
import dev.orion.engine.Frame;
import dev.orion.engine.MolecularDynamics;
import dev.orion.engine.Potential;
import dev.orion.engine.Thermostat;
import dev.orion.io.Structures;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.engines.TestPrograms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in engine's molecular dynamics: conservation, thermostats, barostat, reproducibility, output. */
class EamDynamicsTest {

    static final Element CU = Element.of("Cu");

    final EamEngine eam = EamEngine.builder().potentialDir(TestPrograms.potentials()).build();
    final Potential potential = Potential.eamAlloy(Path.of("CuNi.eam.alloy"), CU, Element.of("Ni"));

    @TempDir
    Path dir;

    static Structure fcc(double a, int n) {
        return Structure.builder().lattice(Lattice.cubic(a)).addSite(CU, 0, 0, 0).addSite(CU, 0.5, 0.5, 0)
                .addSite(CU, 0.5, 0, 0.5).addSite(CU, 0, 0.5, 0.5).build().supercell(n, n, n);
    }

    MolecularDynamics.Builder md(int cells) {
        return Calculation.md(fcc(3.615, cells)).method(potential);
    }

    @Test
    void nveConservesEnergyOverTenThousandSteps() {
        CalculationResult r = eam.compute(md(3).ensemble(Ensemble.NVE).temperature(600).timeStep(1).steps(10_000)
                .sampleEvery(1000).build(), dir);
        double drift = r.values().get("conserved_energy_max_drift_ev_per_atom");
        assertThat(drift).isLessThan(2e-4);
        // equipartition: half the initial kinetic energy goes into potential energy
        assertThat(r.values().get("temperature_mean_k")).isBetween(250.0, 350.0);
        assertThat(r.trajectory()).hasSize(11);
        assertThat(r.trajectory().get(0).temperatureK()).isCloseTo(600, within(1e-6));
    }

    @Test
    void noseHooverAndLangevinHoldTheTemperature() {
        for (Thermostat t : Thermostat.values()) {
            CalculationResult r = eam.compute(md(3).ensemble(Ensemble.NVT).thermostat(t).temperature(500).steps(3000)
                    .sampleEvery(100).build(), dir.resolve(t.name()));
            double mean = late(r.trajectory(), Frame::temperatureK);
            assertThat(mean).as(t.name()).isCloseTo(500, within(25.0));
            assertThat(r.values().get("conserved_energy_max_drift_ev_per_atom")).as(t.name()).isLessThan(1e-3);
        }
    }

    @Test
    void nptReachesTheTargetPressure() {
        for (double gpa : new double[] {0, 5}) {
            CalculationResult r = eam.compute(md(3).ensemble(Ensemble.NPT).temperature(300).pressure(gpa).steps(4000)
                    .sampleEvery(100).build(), dir.resolve("p" + gpa));
            double p = late(r.trajectory(), f -> f.pressureGPa().orElseThrow());
            double v = late(r.trajectory(), f -> f.structure().orElseThrow().lattice().volume());
            assertThat(p).isCloseTo(gpa, within(0.3));
        }
    }

    static double late(List<Frame> frames, java.util.function.ToDoubleFunction<Frame> f) {
        return frames.subList(frames.size() / 2, frames.size()).stream().mapToDouble(f).average().orElseThrow();
    }

    @Test
    void atomsDiffuseInTheLiquidAndOnlyVibrateInTheCrystal() {
        CalculationResult solid = eam.compute(md(3).ensemble(Ensemble.NVT).temperature(300).timeStep(2).steps(2000)
                .sampleEvery(500).build(), dir.resolve("solid"));
        CalculationResult liquid = eam.compute(md(3).ensemble(Ensemble.NVT).temperature(2500).timeStep(2).steps(4000)
                .sampleEvery(500).build(), dir.resolve("liquid"));
        double ds = solid.values().get("diffusion_coefficient_a2_per_ps");
        double dl = liquid.values().get("diffusion_coefficient_a2_per_ps");
        // liquid copper near 2,500 K: about 1 Å²/ps (10^-8 m²/s); a crystal's atoms stay on their sites
        assertThat(Math.abs(ds)).isLessThan(0.01);
        assertThat(dl).isBetween(0.2, 3.0);
    }

    @Test
    void sameSeedSameTrajectoryAndOutputFiles() throws Exception {
        MolecularDynamics run = md(2).ensemble(Ensemble.NVT).thermostat(Thermostat.LANGEVIN).temperature(400)
                .steps(200).sampleEvery(50).seed(7).build();
        CalculationResult a = eam.compute(run, dir.resolve("a"));
        CalculationResult b = eam.compute(run, dir.resolve("b"));
        assertThat(a.energy()).isEqualTo(b.energy());
        assertThat(a.forces()).isEqualTo(b.forces());
        assertThat(Files.readAllLines(a.outputFiles().get("thermo"))).hasSize(6)
                .first().asString().startsWith("Step Temp PotEng");
        assertThat(Structures.readAll(a.outputFiles().get("trajectory")).structures()).hasSize(5);
    }

    @Test
    void nptNeedsACubicCell() {
        Structure tetragonal = Structure.builder().lattice(Lattice.tetragonal(3.6, 3.9)).addSite(CU, 0, 0, 0)
                .addSite(CU, 0.5, 0.5, 0.5).build();
        assertThatThrownBy(() -> eam.compute(Calculation.md(tetragonal).method(potential).ensemble(Ensemble.NPT)
                .build(), dir)).isInstanceOf(InvalidCalculationException.class).hasMessageContaining("cubic");
    }
}
