package dev.orion.core.campaign.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.orion.core.campaign.Pareto;
import dev.orion.core.campaign.internal.Normal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The closed-form two-objective EHVI against its Monte Carlo estimate and against hand-computable cases. */
class ExpectedHypervolumeTest {

    private static double[][] randomFront(SplittableRandom r, int k) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double t = r.nextDouble();
            // points near a convex front in [0, 1]^2, some of them dominated
            points.add(new double[] {t + 0.1 * r.nextDouble(), (1 - t) * (1 - t) + 0.1 * r.nextDouble()});
        }
        double[][] all = points.toArray(double[][]::new);
        return Arrays.stream(Pareto.nonDominated(all)).mapToObj(i -> all[i]).toArray(double[][]::new);
    }

    private static double[][] normals(int n, SplittableRandom r) {
        double[][] z = new double[n][2];
        for (double[] row : z) {
            for (int j = 0; j < 2; j++) {
                // Box-Muller
                double u = 1 - r.nextDouble();
                double v = r.nextDouble();
                row[j] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
            }
        }
        return z;
    }

    @Test
    void exactEhviAgreesWithALargeMonteCarloEstimate() {
        SplittableRandom r = new SplittableRandom(11);
        double[] ref = {1.2, 1.2};
        double[][] z = normals(40_000, r);
        int compared = 0;
        for (int trial = 0; trial < 12; trial++) {
            double[][] front = randomFront(r, 1 + r.nextInt(8));
            double base = Pareto.hypervolume(front, ref);
            double[] mean = {r.nextDouble() * 1.2, r.nextDouble() * 1.2};
            double[] sd = {0.02 + 0.3 * r.nextDouble(), 0.02 + 0.3 * r.nextDouble()};
            double exact = ExpectedHypervolume.exact2d(front, ref, mean, sd);
            double mc = ExpectedHypervolume.monteCarlo(front, base, ref, mean, sd, z);
            // the improvement is at most the box [mean - 4 sd, ref] so this bounds the Monte Carlo standard error
            double scale = (ref[0] - mean[0] + 4 * sd[0]) * (ref[1] - mean[1] + 4 * sd[1]);
            assertThat(exact).as("trial %d", trial).isCloseTo(mc, within(4 * Math.max(scale, 0) / Math.sqrt(z.length) + 1e-6));
            if (mc > 1e-2) {
                assertThat(exact).as("trial %d, relative", trial).isCloseTo(mc, within(0.03 * mc));
                compared++;
            }
        }
        assertThat(compared).as("trials with a sizeable improvement").isGreaterThan(5);
    }

    @Test
    void matchesHandComputableCases() {
        double[] ref = {2, 3};
        // empty front: the product of two one-dimensional expected improvements below the reference
        double[] mean = {1.5, 2};
        double[] sd = {0.5, 1};
        double expected = 0.5 * Normal.improvement(1) * 1 * Normal.improvement(1);
        assertThat(ExpectedHypervolume.exact2d(new double[0][], ref, mean, sd)).isCloseTo(expected, within(1e-9));
        // no uncertainty: the exact hypervolume improvement of the mean
        double[][] front = {{0.5, 2.5}, {1, 1.5}, {1.8, 0.5}};
        double[] point = {0.8, 1.2};
        double[][] with = Arrays.copyOf(front, 4);
        with[3] = point;
        double hvi = Pareto.hypervolume(with, ref) - Pareto.hypervolume(front, ref);
        assertThat(hvi).isGreaterThan(0.1);
        assertThat(ExpectedHypervolume.exact2d(front, ref, point, new double[] {0, 0})).isCloseTo(hvi, within(1e-12));
        // a dominated point with no uncertainty adds nothing; points beyond the reference are ignored
        assertThat(ExpectedHypervolume.exact2d(front, ref, new double[] {1.2, 1.6}, new double[] {0, 0})).isZero();
        double[][] withOutside = Arrays.copyOf(front, 4);
        withOutside[3] = new double[] {0.1, 5};
        assertThat(ExpectedHypervolume.exact2d(withOutside, ref, point, new double[] {0, 0})).isCloseTo(hvi, within(1e-12));
    }
}
