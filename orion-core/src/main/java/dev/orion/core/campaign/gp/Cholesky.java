package dev.orion.core.campaign.gp;

import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_MT_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * Cholesky factors on EJML (the multi-threaded block decomposition for large matrices), with jitter
 * added to the diagonal when a matrix is numerically not positive definite (duplicated inputs with little
 * noise), and the triangular solves the model needs on the row-major factor.
 */
final class Cholesky {

    /** Relative jitters tried in turn, as fractions of the mean diagonal. */
    private static final double[] JITTERS = {0, 1e-10, 1e-8, 1e-6, 1e-4};

    private static final int PARALLEL_SIZE = 256;

    /**
     * The factor and the jitter it needed.
     *
     * @param lower  the lower-triangular factor, row-major n x n (upper part zero)
     * @param jitter the absolute jitter added to the diagonal
     */
    record Factor(double[] lower, double jitter) {
    }

    private Cholesky() {
    }

    /**
     * @param k         a symmetric matrix, row-major n x n (not modified)
     * @param n         its order
     * @param minJitter the smallest jitter to use (to reproduce an earlier factorisation exactly)
     * @return the factor, or null if even the largest jitter fails
     */
    static Factor factor(double[] k, int n, double minJitter) {
        double meanDiagonal = 0;
        for (int i = 0; i < n; i++) {
            meanDiagonal += k[i * n + i] / n;
        }
        for (double relative : JITTERS) {
            double jitter = Math.max(minJitter, relative * meanDiagonal);
            DMatrixRMaj a = new DMatrixRMaj(n, n);
            System.arraycopy(k, 0, a.data, 0, n * n);
            for (int i = 0; i < n; i++) {
                a.data[i * n + i] += jitter;
            }
            CholeskyDecomposition_F64<DMatrixRMaj> chol = n >= PARALLEL_SIZE
                    ? DecompositionFactory_MT_DDRM.chol(n, true) : DecompositionFactory_DDRM.chol(n, true);
            if (chol.decompose(a)) {
                double[] l = chol.getT(null).data;
                if (allPositiveDiagonal(l, n)) {
                    return new Factor(l, jitter);
                }
            }
        }
        return null;
    }

    /**
     * The rows of {@code L^-T} (upper triangular) from the row-major factor, row {@code i} holding columns
     * {@code i..n-1} only, so that {@code (K^-1)_ab = sum_{k >= max(a,b)} Y_ak Y_bk} is a dot product of two
     * contiguous rows. Computed by back substitution of {@code L^T Y = I} row by row (contiguous row updates),
     * the columns split into blocks of equal work that run in parallel: n^3/6 multiply-adds, against EJML's
     * general inverse that is several times slower here and needs a second n x n matrix.
     *
     * @param l the lower-triangular factor, row-major n x n
     * @param n its order
     * @return the rows of L^-T
     */
    static double[][] inverseTransposedRows(double[] l, int n) {
        double[][] y = new double[n][];
        for (int i = 0; i < n; i++) {
            y[i] = new double[n - i];
        }
        // column j costs about j^2/2: blocks bounded at n (b/B)^(1/3) carry equal work
        int blocks = Math.max(1, Math.min(n / 32, 4 * Runtime.getRuntime().availableProcessors()));
        int[] bounds = new int[blocks + 1];
        for (int b = 1; b <= blocks; b++) {
            bounds[b] = b == blocks ? n : Math.max(bounds[b - 1], (int) Math.round(n * Math.cbrt((double) b / blocks)));
        }
        double[] lt = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k <= i; k++) {
                lt[k * n + i] = l[i * n + k];
            }
        }
        IntStream.range(0, blocks).parallel().forEach(b -> backSubstitute(lt, n, y, bounds[b], bounds[b + 1]));
        return y;
    }

    /** Columns [c0, c1) of Y = L^-T, from L^T row-major (so L_ki = lt[i n + k] is read along a row). */
    private static void backSubstitute(double[] lt, int n, double[][] y, int c0, int c1) {
        for (int i = Math.min(c1, n) - 1; i >= 0; i--) {
            double[] row = y[i];
            int from = Math.max(i, c0);
            if (i >= c0) {
                row[0] = 1;
            }
            for (int k = i + 1; k < c1; k++) {
                double c = lt[i * n + k];
                if (c == 0) {
                    continue;
                }
                double[] yk = y[k];
                for (int j = Math.max(k, c0); j < c1; j++) {
                    row[j - i] -= c * yk[j - k];
                }
            }
            double pivot = lt[i * n + i];
            for (int j = from; j < c1; j++) {
                row[j - i] /= pivot;
            }
        }
    }

    /** @return (K^-1)_ab from the rows of L^-T, for b &lt;= a */
    static double inverseEntry(double[][] y, int a, int b) {
        double[] ya = y[a];
        double[] yb = y[b];
        int offset = a - b;
        double s = 0;
        for (int k = 0; k < ya.length; k++) {
            s += ya[k] * yb[k + offset];
        }
        return s;
    }

    /** @param l factor  @param n order  @return log det K = 2 sum log L_ii */
    static double logDeterminant(double[] l, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(l[i * n + i]);
        }
        return 2 * s;
    }

    /** Solves L v = b in place (forward substitution on the row-major factor). */
    static void solveLower(double[] l, int n, double[] b) {
        for (int i = 0; i < n; i++) {
            double s = b[i];
            int row = i * n;
            for (int k = 0; k < i; k++) {
                s -= l[row + k] * b[k];
            }
            b[i] = s / l[row + i];
        }
    }

    /** Solves L^T v = b in place (back substitution). */
    static void solveUpper(double[] l, int n, double[] b) {
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i] / l[i * n + i];
            b[i] = s;
            for (int k = 0; k < i; k++) {
                b[k] -= l[i * n + k] * s;
            }
        }
    }

    private static boolean allPositiveDiagonal(double[] l, int n) {
        for (int i = 0; i < n; i++) {
            double v = l[i * n + i];
            if (!(v > 0) || Double.isInfinite(v)) {
                return false;
            }
        }
        return true;
    }
}
