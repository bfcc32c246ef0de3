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
    /** Columns per block of the triangular inverse. */
    static final int INVERSE_BLOCK = 128;
    /** Right-hand sides per block of the many-column solve. */
    static final int SOLVE_BLOCK = 256;

    /** Below this order the kernels run on the calling thread (forking costs more than it saves). */
    static final int PARALLEL_ORDER = 320;

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
        int m = n - k1;
        // the panel transposed, p[k - k0][j - k1] = A_jk, solved in place as L11 P = A21^T by forward substitution
        // over its long contiguous rows; it then holds L21^T, which the trailing update reads row by row
        double[][] p = new double[w][m];
        for (int j = k1; j < n; j++) {
            double[] aj = a[j];
            for (int k = k0; k < k1; k++) {
                p[k - k0][j - k1] = aj[k];
            }
        }
        for (int k = 0; k < w; k++) {
            double[] pk = p[k];
            double[] lk = a[k0 + k];
            for (int q = 0; q < k; q++) {
                double c = lk[k0 + q];
                double[] pq = p[q];
                for (int j = 0; j < m; j++) {
                    pk[j] -= c * pq[j];
                }
            }
            double pivot = lk[k0 + k];
            for (int j = 0; j < m; j++) {
                pk[j] /= pivot;
            }
        }
        for (int j = k1; j < n; j++) {
            double[] aj = a[j];
            for (int k = k0; k < k1; k++) {
                aj[k] = p[k - k0][j - k1];
            }
        }
        rows(k1, n, true, (i0, i1) -> trailingUpdate(a, p, k0, k1, i0, i1));
    }

    /** Rows [i0, i1) of the trailing matrix less the panel's outer product, column entries k1..i of row i. */
    private static void trailingUpdate(double[][] a, double[][] p, int k0, int k1, int i0, int i1) {
        int w = k1 - k0;
        double[] c = new double[w];
        for (int i = i0; i < i1; i++) {
            double[] ai = a[i];
            System.arraycopy(ai, k0, c, 0, w);
            int len = i + 1 - k1;
            double[] t = new double[len];
            for (int k = 0; k < w; k++) {
                double ck = c[k];
                double[] pk = p[k];
                for (int j = 0; j < len; j++) {
                    t[j] += ck * pk[j];
                }
            }
            for (int j = 0; j < len; j++) {
                ai[k1 + j] -= t[j];
            }
        }
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
        int blocks = (n + INVERSE_BLOCK - 1) / INVERSE_BLOCK;
        IntStream range = IntStream.range(0, blocks);
        (n >= PARALLEL_ORDER ? range.parallel() : range).forEach(b -> {
            int c0 = b * INVERSE_BLOCK;
            int c1 = Math.min(n, c0 + INVERSE_BLOCK);
            // rows in fours, as in solveLowerColumns: rows of X below the four are read once for all four
            int i0 = c0;
            for (; i0 + 4 <= n; i0 += 4) {
                double[] r0 = x[i0];
                double[] r1 = x[i0 + 1];
                double[] r2 = x[i0 + 2];
                double[] r3 = x[i0 + 3];
                double[] l0 = l[i0];
                double[] l1 = l[i0 + 1];
                double[] l2 = l[i0 + 2];
                double[] l3 = l[i0 + 3];
                for (int k = c0; k < i0; k++) {
                    double e0 = l0[k];
                    double e1 = l1[k];
                    double e2 = l2[k];
                    double e3 = l3[k];
                    double[] xk = x[k];
                    int end = Math.min(c1, k + 1);
                    for (int j = c0; j < end; j++) {
                        double v = xk[j];
                        r0[j] -= e0 * v;
                        r1[j] -= e1 * v;
                        r2[j] -= e2 * v;
                        r3[j] -= e3 * v;
                    }
                }
                for (int i = i0; i < i0 + 4; i++) {
                    finishInverseRow(l, x, i, i0, c0, c1);
                }
            }
            for (int i = i0; i < n; i++) {
                finishInverseRow(l, x, i, c0, c0, c1);
            }
        });
        return x;
    }

    /** Row i of X = L^-1 on columns [c0, c1), the rows of X below {@code from} already subtracted. */
    private static void finishInverseRow(double[][] l, double[][] x, int i, int from, int c0, int c1) {
        double[] xi = x[i];
        double[] li = l[i];
        for (int k = from; k < i; k++) {
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
        int blocks = (m + SOLVE_BLOCK - 1) / SOLVE_BLOCK;
        IntStream range = IntStream.range(0, blocks);
        (n >= PARALLEL_ORDER || (long) n * n * m > 1L << 24 ? range.parallel() : range).forEach(blk -> {
            int c0 = blk * SOLVE_BLOCK;
            int c1 = Math.min(m, c0 + SOLVE_BLOCK);
            // rows in fours: each row of B already solved is read once for four rows being solved
            int i0 = 0;
            for (; i0 + 4 <= n; i0 += 4) {
                double[] r0 = b[i0];
                double[] r1 = b[i0 + 1];
                double[] r2 = b[i0 + 2];
                double[] r3 = b[i0 + 3];
                double[] l0 = l[i0];
                double[] l1 = l[i0 + 1];
                double[] l2 = l[i0 + 2];
                double[] l3 = l[i0 + 3];
                for (int k = 0; k < i0; k++) {
                    double e0 = l0[k];
                    double e1 = l1[k];
                    double e2 = l2[k];
                    double e3 = l3[k];
                    double[] bk = b[k];
                    for (int j = c0; j < c1; j++) {
                        double v = bk[j];
                        r0[j] -= e0 * v;
                        r1[j] -= e1 * v;
                        r2[j] -= e2 * v;
                        r3[j] -= e3 * v;
                    }
                }
                for (int i = i0; i < i0 + 4; i++) {
                    finishRow(l, b, i, i0, c0, c1);
                }
            }
            for (int i = i0; i < n; i++) {
                finishRow(l, b, i, 0, c0, c1);
            }
        });
    }

    /** Row i of a forward substitution on columns [c0, c1), the rows below {@code from} already subtracted. */
    private static void finishRow(double[][] l, double[][] b, int i, int from, int c0, int c1) {
        double[] bi = b[i];
        double[] li = l[i];
        for (int k = from; k < i; k++) {
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
