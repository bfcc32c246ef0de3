package dev.orion.core.campaign.gp;

import java.util.stream.IntStream;

/**
 * The O(n^3) dense kernels of an exact GP in plain Java: a blocked Cholesky factorisation, the inverse of its
 * triangular factor, the inverse of the matrix from its factor, and a triangular solve with many right-hand
 * sides. Every inner loop is a contiguous multiply-add over one row ({@code row[j] -= c * other[j]}), the form
 * the JIT vectorises, and blocks are sized so that the rows they stream stay in the core's cache.
 *
 * <p>Work is split over the common fork-join pool by rows or by column blocks. Each entry of a result is
 * computed by one task in a fixed order of operations that does not depend on the split, so the digits are
 * the same on every run and for every number of threads.
 *
 * <p>Matrices are arrays of rows; a lower-triangular result has jagged rows, row {@code i} holding columns
 * {@code 0..i}.
 */
final class DenseKernels {

    /** Columns per panel (Cholesky), per column block (inverse, solves) and rows streamed per pass. */
    static final int BLOCK = 64;

    /** Below this order the kernels run on the calling thread (forking costs more than it saves). */
    private static final int PARALLEL_ORDER = 192;

    private DenseKernels() {
    }

    /**
     * Factors a symmetric positive definite matrix in place, {@code A = L L^T}, by right-looking blocked
     * Cholesky: factor a diagonal block, solve the panel below it, subtract the panel's outer product from the
     * trailing matrix (n^3/6 multiply-adds, nearly all in that update).
     *
     * @param a rows of the matrix (each of length at least its index + 1; only the lower triangle is read);
     *          on success its lower triangle holds L (the upper part is left as it was)
     * @return false if a pivot is not positive and finite (the matrix is numerically not positive definite)
     */
    static boolean cholesky(double[][] a) {
        int n = a.length;
        for (int k0 = 0; k0 < n; k0 += BLOCK) {
            int k1 = Math.min(n, k0 + BLOCK);
            if (!factorDiagonalBlock(a, k0, k1)) {
                return false;
            }
            if (k1 < n) {
                updateBelow(a, k0, k1);
            }
        }
        return true;
    }

    /** Solves the panel below the factored diagonal block [k0, k1) and updates the trailing matrix. */
    private static void updateBelow(double[][] a, int k0, int k1) {
        int n = a.length;
        int w = k1 - k0;
        // u[j][m] = L_mj for k0 <= j < m < k1: the diagonal block's columns as contiguous rows
        double[][] u = new double[w][w];
        for (int m = k0; m < k1; m++) {
            for (int j = k0; j < m; j++) {
                u[j - k0][m - k0] = a[m][j];
            }
        }
        rows(k1, n, false, (i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                solvePanelRow(a[i], u, a, k0, k1);
            }
        });
        // panel transposed: p[k - k0][j - k1] = L_jk, so the trailing update reads contiguous rows
        double[][] p = new double[w][n - k1];
        for (int j = k1; j < n; j++) {
            double[] aj = a[j];
            for (int k = k0; k < k1; k++) {
                p[k - k0][j - k1] = aj[k];
            }
        }
        rows(k1, n, true, (i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                double[] ai = a[i];
                int len = i + 1 - k1;
                for (int k = k0; k < k1; k++) {
                    double c = ai[k];
                    double[] pk = p[k - k0];
                    for (int j = 0; j < len; j++) {
                        ai[k1 + j] -= c * pk[j];
                    }
                }
            }
        });
    }

    private static boolean factorDiagonalBlock(double[][] a, int k0, int k1) {
        for (int j = k0; j < k1; j++) {
            double[] aj = a[j];
            double d = aj[j];
            for (int k = k0; k < j; k++) {
                d -= aj[k] * aj[k];
            }
            if (!(d > 0) || Double.isInfinite(d)) {
                return false;
            }
            double pivot = Math.sqrt(d);
            aj[j] = pivot;
            for (int i = j + 1; i < k1; i++) {
                double[] ai = a[i];
                double s = ai[j];
                for (int k = k0; k < j; k++) {
                    s -= ai[k] * aj[k];
                }
                ai[j] = s / pivot;
            }
        }
        return true;
    }

    /** Row i of the panel: solves r L11^T = r in place on columns k0..k1 (u holds L11's columns as rows). */
    private static void solvePanelRow(double[] r, double[][] u, double[][] a, int k0, int k1) {
        int w = k1 - k0;
        for (int j = 0; j < w; j++) {
            double v = r[k0 + j] / a[k0 + j][k0 + j];
            r[k0 + j] = v;
            double[] uj = u[j];
            for (int m = j + 1; m < w; m++) {
                r[k0 + m] -= v * uj[m];
            }
        }
    }

    /**
     * The inverse of a lower-triangular factor, {@code X = L^-1} (n^3/6 multiply-adds), by column blocks that
     * run in parallel: row i of a block is {@code (e_i - sum_k L_ik X_k) / L_ii} over the block's columns.
     *
     * @param l rows of L (row i read on columns 0..i)
     * @return X, jagged lower-triangular rows
     */
    static double[][] inverseLower(double[][] l) {
        int n = l.length;
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new double[i + 1];
        }
        int blocks = (n + BLOCK - 1) / BLOCK;
        IntStream range = IntStream.range(0, blocks);
        (n >= PARALLEL_ORDER ? range.parallel() : range).forEach(b -> {
            int c0 = b * BLOCK;
            int c1 = Math.min(n, c0 + BLOCK);
            for (int i = c0; i < n; i++) {
                double[] xi = x[i];
                double[] li = l[i];
                for (int k = c0; k < i; k++) {
                    double c = li[k];
                    double[] xk = x[k];
                    int end = Math.min(c1, k + 1);
                    for (int j = c0; j < end; j++) {
                        xi[j] -= c * xk[j];
                    }
                }
                if (i < c1) {
                    xi[i] += 1;
                }
                double pivot = li[i];
                int end = Math.min(c1, i + 1);
                for (int j = c0; j < end; j++) {
                    xi[j] /= pivot;
                }
            }
        });
        return x;
    }

    /**
     * The lower triangle of {@code A^-1 = X^T X} from {@code X = L^-1} (n^3/6 multiply-adds): row a of the
     * result accumulates {@code X_ka X_k} over k &gt;= a, the rows of X streamed in blocks shared by a tile of
     * result rows.
     *
     * @param x the inverse factor, jagged lower-triangular rows
     * @return the inverse's lower triangle, jagged rows
     */
    static double[][] inverseFromInverseFactor(double[][] x) {
        int n = x.length;
        double[][] c = new double[n][];
        for (int i = 0; i < n; i++) {
            c[i] = new double[i + 1];
        }
        int tile = 8;
        int tiles = (n + tile - 1) / tile;
        IntStream range = IntStream.range(0, tiles);
        (n >= PARALLEL_ORDER ? range.parallel() : range).forEach(t -> {
            int a0 = t * tile;
            int a1 = Math.min(n, a0 + tile);
            for (int k0 = a0; k0 < n; k0 += BLOCK) {
                int k1 = Math.min(n, k0 + BLOCK);
                for (int a = a0; a < a1; a++) {
                    double[] ca = c[a];
                    for (int k = Math.max(a, k0); k < k1; k++) {
                        double[] xk = x[k];
                        double v = xk[a];
                        for (int b = 0; b <= a; b++) {
                            ca[b] += v * xk[b];
                        }
                    }
                }
            }
        });
        return c;
    }

    /**
     * Solves {@code L Z = B} in place for many right-hand sides, the columns of B split into blocks that run in
     * parallel. Each column gets exactly the operations of a forward substitution of that column alone
     * ({@link Cholesky#solveLower}), in the same order, so the digits agree with it.
     *
     * @param l the factor's rows (row i read on columns 0..i)
     * @param b n rows of m right-hand-side entries each; replaced by Z
     */
    static void solveLowerColumns(double[][] l, double[][] b) {
        int n = l.length;
        if (n == 0) {
            return;
        }
        int m = b[0].length;
        int blocks = (m + BLOCK - 1) / BLOCK;
        IntStream range = IntStream.range(0, blocks);
        (n >= PARALLEL_ORDER || (long) n * n * m > 1L << 24 ? range.parallel() : range).forEach(blk -> {
            int c0 = blk * BLOCK;
            int c1 = Math.min(m, c0 + BLOCK);
            for (int i = 0; i < n; i++) {
                double[] bi = b[i];
                double[] li = l[i];
                for (int k = 0; k < i; k++) {
                    double c = li[k];
                    double[] bk = b[k];
                    for (int j = c0; j < c1; j++) {
                        bi[j] -= c * bk[j];
                    }
                }
                double pivot = li[i];
                for (int j = c0; j < c1; j++) {
                    bi[j] /= pivot;
                }
            }
        });
    }

    /** Work on rows [from, to), in parallel parts of about equal work, given whether row i costs ~ i - from. */
    private static void rows(int from, int to, boolean triangular, RowRange work) {
        int count = to - from;
        int parts = count >= PARALLEL_ORDER / 2 ? 4 * Runtime.getRuntime().availableProcessors() : 1;
        if (parts == 1) {
            work.run(from, to);
            return;
        }
        int[] bounds = new int[parts + 1];
        bounds[0] = from;
        for (int p = 1; p <= parts; p++) {
            double share = (double) p / parts;
            int offset = (int) Math.round(count * (triangular ? Math.sqrt(share) : share));
            bounds[p] = p == parts ? to : Math.max(bounds[p - 1], from + offset);
        }
        IntStream.range(0, parts).parallel().forEach(p -> work.run(bounds[p], bounds[p + 1]));
    }

    @FunctionalInterface
    private interface RowRange {
        void run(int from, int to);
    }
}
