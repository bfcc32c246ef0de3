package dev.orion.engines.phasefield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.EngineFailureException;
import dev.orion.engine.continuum.PhaseFieldResult;
import dev.orion.engine.InputDeck;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.PhaseField;
import dev.orion.engine.PhaseFieldEquation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhaseFieldEngineTest {

    final PhaseFieldEngine engine = new PhaseFieldEngine();

    @TempDir
    Path dir;

    PhaseFieldResult run(PhaseField p) {
        return engine.compute(p, dir).phaseField().orElseThrow();
    }

    @Test
    void spinodalDecompositionConservesMassToRoundOffAndLowersTheFreeEnergyAtEverySample() {
        PhaseField p = PhaseField.builder(64, 64).initial(0.5, 0.01, 7).run(0.05, 4000, 200).build();
        PhaseFieldResult r = run(p);
        assertThat(r.times()).hasSize(21);
        double m0 = r.means().get(0);
        assertThat(m0).isCloseTo(0.5, within(1e-3));
        r.means().forEach(m -> assertThat(m).isCloseTo(m0, within(1e-13)));
        List<Double> f = r.freeEnergies();
        for (int i = 1; i < f.size(); i++) {
            assertThat(f.get(i)).as("free energy at sample %d", i).isLessThanOrEqualTo(f.get(i - 1));
        }
        assertThat(f.get(f.size() - 1)).isLessThan(0.5 * f.get(0));
        double min = r.field().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = r.field().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(min).as("the field separated towards cα").isCloseTo(0.3, within(0.03));
        assertThat(max).as("and towards cβ").isCloseTo(0.7, within(0.03));
    }

    @Test
    void aUniformFieldStaysUniformAndTheSameSeedGivesTheSameField() {
        PhaseFieldResult flat = run(PhaseField.builder(16, 8).initial(0.42, 0, 1).run(0.05, 50, 10).build());
        flat.field().forEach(c -> assertThat(c).isCloseTo(0.42, within(1e-14)));
        PhaseField noisy = PhaseField.builder(16, 16).initial(0.5, 0.02, 3).run(0.05, 30, 10).build();
        assertThat(run(noisy).field()).isEqualTo(run(noisy).field());
        assertThat(run(noisy).field()).isNotEqualTo(run(PhaseField.builder(16, 16).initial(0.5, 0.02, 4)
                .run(0.05, 30, 10).build()).field());
    }

    @Test
    void theFreeEnergyOfAUniformFieldIsTheBulkDensityTimesTheArea() {
        PhaseField p = PhaseField.builder(32, 16).spacing(0.5).initial(0.45, 0, 1).run(0.01, 1, 1).build();
        assertThat(run(p).freeEnergies().get(0)).isCloseTo(32 * 16 * 0.25 * p.freeEnergy().energy(0.45), within(1e-12));
    }

    @Test
    void allenCahnRelaxesAFlatStepToTheAnalyticTanhProfile() throws Exception {
        // two flat interfaces of a periodic slab: cα on x < 32, cβ on 32 <= x < 96, cα beyond
        int nx = 128;
        int ny = 4;
        double h = 0.5;
        double[] step = new double[nx * ny];
        for (int i = 0; i < step.length; i++) {
            int x = i % nx;
            step[i] = x >= 32 && x < 96 ? 0.7 : 0.3;
        }
        PhaseField p = PhaseField.builder(nx, ny).spacing(h).mobility(1).equation(PhaseFieldEquation.ALLEN_CAHN)
                .initialField(step).run(0.05, 3000, 500).build();
        CalculationResult result = engine.compute(p, dir);
        PhaseFieldResult r = result.phaseField().orElseThrow();
        // the equilibrium profile of f = ρ (c - a)² (b - c)² with gradient energy κ:
        // c = a + (b - a) (1 + tanh((x - x0) / w)) / 2, w = sqrt(2κ/ρ) / (b - a)
        double w = Math.sqrt(2 * 2.0 / 5) / 0.4;
        double x0 = 31.5 * h;
        for (int x = 16; x < 48; x++) {
            double exact = 0.3 + 0.4 * (1 + Math.tanh((x * h - x0) / w)) / 2;
            assertThat(r.at(x, 2)).as("x = %d", x).isCloseTo(exact, within(2e-3));
        }
        List<Double> f = r.freeEnergies();
        for (int i = 1; i < f.size(); i++) {
            assertThat(f.get(i)).isLessThanOrEqualTo(f.get(i - 1) + 1e-12);
        }
        // the picture: blue where the field is low, red where it is high
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(result.outputFiles().get("field-image").toFile());
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(image.getRGB(10, image.getHeight() / 2) & 0xff).isEqualTo(255);
        assertThat((image.getRGB(128, image.getHeight() / 2) >> 16) & 0xff).isEqualTo(255);
    }

    @Test
    void threeDimensionalSpinodalDecompositionConservesMassAndLowersTheFreeEnergy() {
        PhaseField p = PhaseField.builder(16, 16, 16).initial(0.5, 0.02, 5).run(0.05, 600, 100).build();
        PhaseFieldResult r = run(p);
        assertThat(r.nz()).isEqualTo(16);
        assertThat(r.field()).hasSize(16 * 16 * 16);
        double m0 = r.means().get(0);
        r.means().forEach(m -> assertThat(m).isCloseTo(m0, within(1e-13)));
        List<Double> f = r.freeEnergies();
        for (int i = 1; i < f.size(); i++) {
            assertThat(f.get(i)).isLessThanOrEqualTo(f.get(i - 1));
        }
        assertThat(f.get(f.size() - 1)).isLessThan(0.7 * f.get(0));
        PhaseField uniform = PhaseField.builder(8, 4, 4).spacing(0.5).initial(0.45, 0, 1).run(0.01, 1, 1).build();
        assertThat(run(uniform).freeEnergies().get(0))
                .isCloseTo(8 * 4 * 4 * 0.125 * uniform.freeEnergy().energy(0.45), within(1e-12));
    }

    @Test
    void theResultIsTheSameToTheLastDigitOnOneOrThreeThreads() {
        PhaseFieldEngine single = PhaseFieldEngine.builder().threads(1).build();
        PhaseFieldEngine three = PhaseFieldEngine.builder().threads(3).build();
        for (PhaseField p : List.of(PhaseField.builder(64, 32).initial(0.5, 0.02, 9).run(0.05, 200, 50).build(),
                PhaseField.builder(16, 8, 32).initial(0.45, 0.05, 2).run(0.05, 100, 50).build())) {
            PhaseFieldResult a = single.compute(p, dir).phaseField().orElseThrow();
            PhaseFieldResult b = three.compute(p, dir).phaseField().orElseThrow();
            assertThat(b.field()).isEqualTo(a.field());
            assertThat(b.freeEnergies()).isEqualTo(a.freeEnergies());
            assertThat(a.freeEnergies().get(2)).isLessThan(a.freeEnergies().get(0));
        }
        assertThatThrownBy(() -> PhaseFieldEngine.builder().threads(0)).hasMessageContaining("threads must be >= 1, got 0");
    }

    @Test
    void anInterruptedThreadStopsTheRunAsCancelled() {
        PhaseField endless = PhaseField.builder(256, 256).run(0.01, 1_000_000, 1000).build();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> engine.compute(endless, dir)).isInstanceOfSatisfying(EngineFailureException.class,
                    e -> assertThat(e.kind()).isEqualTo(EngineFailureException.Kind.CANCELLED));
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is left for the caller").isTrue();
        }
    }

    @Test
    void otherCalculationsAndBadGridsAreRefused() {
        assertThat(engine.validate(InputDeck.of("*STEP\n"))).hasSize(1);
        assertThatThrownBy(() -> PhaseField.builder(48, 64).build()).hasMessageContaining("nx must be a power of two")
                .hasMessageContaining("48");
        assertThatThrownBy(() -> PhaseField.builder(16, 16, 2).build()).hasMessageContaining("nz must be 1");
        assertThatThrownBy(() -> PhaseField.builder(4, 4).initialField(new double[15]).build())
                .hasMessageContaining("initialField must hold nx * ny * nz = 16 values, got 15");
    }
}
