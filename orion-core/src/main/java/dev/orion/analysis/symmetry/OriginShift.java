package dev.orion.analysis.symmetry;

import dev.orion.structure.Matrix3;
import java.util.List;

/**
 * Chooses among equivalent origin shifts: the particular solution of the shift equations plus
 * the discrete solutions of the homogeneous ones, and any amount along free (polar) directions.
 */
final class OriginShift {

    private OriginShift() {
    }

    /**
     * Among the equivalent origin shifts (the particular solution plus the discrete solutions of
     * the homogeneous equations, and any amount along free polar directions), the one closest to
     * the input origin, so that a cell already in the standard setting keeps its origin.
     */
    static double[] smallestShift(Cell prim, ModularSolver.Solutions all) {
        List<double[]> discrete = all.discrete();
        int[] counts = new int[discrete.size()];
        int combos = 1;
        for (int j = 0; j < counts.length; j++) {
            double[] k = discrete.get(j);
            int order = 1;
            while (order < 48) {
                double ax = k[0] * order;
                double ay = k[1] * order;
                double az = k[2] * order;
                if (Math.abs(ax - Math.rint(ax)) < 1e-9 && Math.abs(ay - Math.rint(ay)) < 1e-9
                        && Math.abs(az - Math.rint(az)) < 1e-9) {
                    break;
                }
                order++;
            }
            counts[j] = order;
            combos *= order;
        }
        double[] g = Matrix3.metric(prim.lattice);
        double[] best = null;
        double bestNorm = Double.MAX_VALUE;
        for (int c = 0; c < combos; c++) {
            double[] s = all.particular().clone();
            int rest = c;
            for (int j = 0; j < counts.length; j++) {
                int m = rest % counts[j];
                rest /= counts[j];
                for (int q = 0; q < 3; q++) {
                    s[q] += m * discrete.get(j)[q];
                }
            }
            for (int q = 0; q < 3; q++) {
                s[q] -= Math.rint(s[q]);
            }
            alongFree(s, all.free(), g);
            double norm = prim.distanceSquared(s[0], s[1], s[2]);
            if (norm < bestNorm - 1e-12) {
                bestNorm = norm;
                best = s;
            }
        }
        return best;
    }

    /** Moves s along the free directions to the point nearest the origin (least squares in the metric). */
    private static void alongFree(double[] s, List<double[]> free, double[] g) {
        int k = free.size();
        if (k == 0) {
            return;
        }
        double[][] n = new double[k][k];
        double[] r = new double[k];
        for (int i = 0; i < k; i++) {
            double[] gi = Matrix3.apply(g, free.get(i));
            for (int j = 0; j < k; j++) {
                double[] fj = free.get(j);
                n[i][j] = gi[0] * fj[0] + gi[1] * fj[1] + gi[2] * fj[2];
            }
            r[i] = -(gi[0] * s[0] + gi[1] * s[1] + gi[2] * s[2]);
        }
        double[] lambda = new double[k];
        if (k == 1) {
            lambda[0] = r[0] / n[0][0];
        } else if (k == 2) {
            double det = n[0][0] * n[1][1] - n[0][1] * n[1][0];
            lambda[0] = (r[0] * n[1][1] - n[0][1] * r[1]) / det;
            lambda[1] = (n[0][0] * r[1] - n[1][0] * r[0]) / det;
        } else {
            for (int q = 0; q < 3; q++) {
                s[q] = 0;
            }
            return;
        }
        for (int i = 0; i < k; i++) {
            for (int q = 0; q < 3; q++) {
                s[q] += lambda[i] * free.get(i)[q];
            }
        }
    }

}
