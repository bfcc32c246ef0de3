package dev.orion.engines.phasefield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.orion.engine.PhaseField;
import dev.orion.engine.continuum.PhaseFieldResult;
import dev.orion.engines.TestPrograms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PFHub benchmark 1a (spinodal decomposition on a periodic 200 × 200 square from the benchmark's
 * cosine field) against the free-energy curves uploaded to PFHub by PRISMS-PF and FiPy
 * ({@code testdata/pfhub/bm1a-free-energy.csv}), up to t = 60 on a 128² grid; the long run to
 * t = 100,000 is orion-bench's {@code PfhubBenchmark1}.
 */
class PfhubBenchmark1Test {

    /** The relative tolerance on F at the published times up to t = 5, and from t = 10 to 60 (the steep drop). */
    static final double EARLY = 0.005;
    static final double LATER = 0.06;

    @TempDir
    Path dir;

    @Test
    void theFreeEnergyFollowsThePublishedCurvesAndTheMeanIsConservedToRoundOff() throws Exception {
        PhaseField p = PhaseField.pfhubBenchmark1a(128).run(0.01, 6000, 100).build();
        assertThat(p.spacing()).isEqualTo(200.0 / 128);
        assertThat(p.initialField().get(0)).as("c(0, 0) = c0 + ε (1 + 1 + 1)").isCloseTo(0.53, within(1e-15));
        PhaseFieldResult r = PhaseFieldEngine.builder().threads(2).build().compute(p, dir).phaseField().orElseThrow();
        assertThat(r.times()).hasSize(61);
        double m0 = r.means().get(0);
        r.means().forEach(m -> assertThat(m).as("mean").isCloseTo(m0, within(1e-14)));
        List<Double> f = r.freeEnergies();
        for (int i = 1; i < f.size(); i++) {
            assertThat(f.get(i)).as("F at t = %d", i).isLessThan(f.get(i - 1));
        }
        assertThat(f.get(20) / f.get(10)).as("the spinodal drop between t = 10 and 20").isLessThan(0.75);
        int compared = 0;
        for (String line : Files.readAllLines(TestPrograms.pfhub().resolve("bm1a-free-energy.csv"))) {
            String[] v = line.split(",");
            if (!v[0].equals("prismspf_1a") && !v[0].equals("fipy_1a_travis") || Double.parseDouble(v[1]) > 60) {
                continue;
            }
            double t = Double.parseDouble(v[1]);
            double published = Double.parseDouble(v[2]);
            int i = (int) t;
            double ours = f.get(i) + (f.get(Math.min(i + 1, 60)) - f.get(i)) * (t - i);
            assertThat(ours).as("F at t = %s against %s", t, v[0])
                    .isCloseTo(published, within((t <= 5 ? EARLY : LATER) * published));
            compared++;
        }
        assertThat(compared).isEqualTo(14);
    }
}
