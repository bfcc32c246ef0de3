package dev.orion.core.campaign.strategy;

import dev.orion.core.campaign.Pareto;
import dev.orion.core.campaign.internal.Normal;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Expected hypervolume improvement of one point with independent normal objectives over a front (all
 * objectives minimised): the Monte Carlo estimate on fixed base samples (any number of objectives), and
 * the exact closed form for two objectives.
 */
final class ExpectedHypervolume {

    private ExpectedHypervolume() {
    }

    /**
     * The exact EHVI for two objectives by box decomposition. The region the front does not dominate below
     * the reference is the union of strips {@code [y_i.f1, y_{i+1}.f1) x (-inf, y_i.f2)} over the front sorted
     * by f1 (with {@code y_0 = (-inf, r2)} and {@code y_{k+1}.f1 = r1}); the point {@code p} adds
     * {@code (u1 - max(p1, l1))+ (u2 - p2)+} in each, and for independent normals the expectation of each
     * factor is closed: {@code E(u - max(p, l))+ = psi(u) - psi(l)} with {@code psi(u) = E(u - p)+ =
     * sd h((u - mean) / sd)}, h the unit expected improvement.
     *
     * @param front non-dominated points (any order; points not better than the reference in both are ignored)
     * @param ref   the reference point
     * @param mean  the point's mean per objective
     * @param sd    its standard deviation per objective
     * @return the expected hypervolume improvement
     */
    static double exact2d(double[][] front, double[] ref, double[] mean, double[] sd) {
        double[][] y = Arrays.stream(front).filter(p -> p[0] < ref[0] && p[1] < ref[1])
                .sorted(Comparator.comparingDouble(p -> p[0])).toArray(double[][]::new);
        double total = 0;
        for (int i = 0; i <= y.length; i++) {
            double u1 = i < y.length ? y[i][0] : ref[0];
            double lowerPart = i == 0 ? 0 : psi(y[i - 1][0], mean[0], sd[0]);
            double u2 = i == 0 ? ref[1] : y[i - 1][1];
            total += (psi(u1, mean[0], sd[0]) - lowerPart) * psi(u2, mean[1], sd[1]);
        }
        return Math.max(0, total);
    }

    /** @return E max(0, u - p) for p ~ N(mean, sd^2) */
    private static double psi(double u, double mean, double sd) {
        if (sd < 1e-12) {
            return Math.max(0, u - mean);
        }
        return sd * Normal.improvement((u - mean) / sd);
    }

    /**
     * @param front      non-dominated points
     * @param baseVolume the front's hypervolume
     * @param ref        the reference point
     * @param mean       the point's mean per objective
     * @param sd         its standard deviation per objective
     * @param z          standard normal base samples, one row per sample
     * @return the Monte Carlo estimate of the expected hypervolume improvement
     */
    static double monteCarlo(double[][] front, double baseVolume, double[] ref, double[] mean, double[] sd,
                             double[][] z) {
        int m = mean.length;
        double total = 0;
        double[][] withPoint = Arrays.copyOf(front, front.length + 1);
        for (double[] zs : z) {
            double[] point = new double[m];
            for (int j = 0; j < m; j++) {
                point[j] = mean[j] + sd[j] * zs[j];
            }
            if (improves(point, front, ref)) {
                withPoint[front.length] = point;
                total += Pareto.hypervolume(withPoint, ref) - baseVolume;
            }
        }
        return total / z.length;
    }

    private static boolean improves(double[] point, double[][] front, double[] ref) {
        for (int j = 0; j < point.length; j++) {
            if (point[j] >= ref[j]) {
                return false;
            }
        }
        for (double[] f : front) {
            if (Pareto.dominates(f, point) || Arrays.equals(f, point)) {
                return false;
            }
        }
        return true;
    }
}
