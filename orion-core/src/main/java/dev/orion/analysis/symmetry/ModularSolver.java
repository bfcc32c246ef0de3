package dev.orion.analysis.symmetry;

import java.util.ArrayList;
import java.util.List;

/**
 * Solves {@code A s ≡ b (mod 1)} for a real vector s, where A is an integer matrix with three
 * columns: the origin-shift equations {@code (W - I) s ≡ t - t'} of a change of origin. Row and
 * column operations that keep the lattice bring A to diagonal form D = U A V; then each
 * {@code d_k y_k ≡ (U b)_k} is solved directly and {@code s = V y}.
 */
final class ModularSolver {

    private static final double CONSISTENCY = 0.05;

    private ModularSolver() {
    }

    /**
     * All solutions: a particular one, the vectors whose integer combinations (mod 1) give the
     * other discrete solutions, and the directions along which solutions are free (polar axes).
     */
    record Solutions(double[] particular, List<double[]> discrete, List<double[]> free) {
    }

    /** A solution, or null if the equations contradict each other modulo 1. */
    static double[] solve(int[][] matrix, double[] b) {
        Solutions s = solveAll(matrix, b);
        return s == null ? null : s.particular();
    }

    /** Every solution, or null if the equations contradict each other modulo 1. */
    static Solutions solveAll(int[][] matrix, double[] b) {
        int m = matrix.length;
        long[][] a = new long[m][3];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < 3; j++) {
                a[i][j] = matrix[i][j];
            }
        }
        double[] y = b.clone();
        long[][] v = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        int rank = 0;
        for (int k = 0; k < 3 && k < m; k++) {
            boolean clean = false;
            while (!clean) {
                int pi = -1;
                int pj = -1;
                long best = Long.MAX_VALUE;
                for (int i = k; i < m; i++) {
                    for (int j = k; j < 3; j++) {
                        if (a[i][j] != 0 && Math.abs(a[i][j]) < best) {
                            best = Math.abs(a[i][j]);
                            pi = i;
                            pj = j;
                        }
                    }
                }
                if (pi < 0) {
                    return finish(a, y, v, rank, m);
                }
                long[] tr = a[k];
                a[k] = a[pi];
                a[pi] = tr;
                double ty = y[k];
                y[k] = y[pi];
                y[pi] = ty;
                for (int i = 0; i < m; i++) {
                    long t = a[i][k];
                    a[i][k] = a[i][pj];
                    a[i][pj] = t;
                }
                for (int i = 0; i < 3; i++) {
                    long t = v[i][k];
                    v[i][k] = v[i][pj];
                    v[i][pj] = t;
                }
                clean = true;
                for (int i = k + 1; i < m; i++) {
                    long q = Math.floorDiv(a[i][k], a[k][k]);
                    if (q != 0) {
                        for (int j = 0; j < 3; j++) {
                            a[i][j] -= q * a[k][j];
                        }
                        y[i] -= q * y[k];
                    }
                    clean &= a[i][k] == 0;
                }
                for (int j = k + 1; j < 3; j++) {
                    long q = Math.floorDiv(a[k][j], a[k][k]);
                    if (q != 0) {
                        for (int i = 0; i < m; i++) {
                            a[i][j] -= q * a[i][k];
                        }
                        for (int i = 0; i < 3; i++) {
                            v[i][j] -= q * v[i][k];
                        }
                    }
                    clean &= a[k][j] == 0;
                }
            }
            rank++;
        }
        return finish(a, y, v, rank, m);
    }

    private static Solutions finish(long[][] a, double[] y, long[][] v, int rank, int m) {
        for (int i = rank; i < m; i++) {
            if (Math.abs(y[i] - Math.rint(y[i])) > CONSISTENCY) {
                return null;
            }
        }
        double[] z = new double[3];
        for (int k = 0; k < rank; k++) {
            z[k] = y[k] / a[k][k];
        }
        double[] s = new double[3];
        for (int i = 0; i < 3; i++) {
            s[i] = v[i][0] * z[0] + v[i][1] * z[1] + v[i][2] * z[2];
        }
        List<double[]> discrete = new ArrayList<>();
        List<double[]> free = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            if (k < rank) {
                long d = Math.abs(a[k][k]);
                if (d > 1) {
                    discrete.add(new double[] {v[0][k] / (double) d, v[1][k] / (double) d, v[2][k] / (double) d});
                }
            } else {
                free.add(new double[] {v[0][k], v[1][k], v[2][k]});
            }
        }
        return new Solutions(s, discrete, free);
    }
}
