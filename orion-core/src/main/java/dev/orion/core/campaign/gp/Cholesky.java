package dev.orion.core.campaign.gp;

/**
 * Cholesky factors of covariance matrices ({@link DenseKernels}), with jitter added to the diagonal when a
 * matrix is numerically not positive definite (duplicated inputs with little noise), and the solves, inverse
 * and determinant the model needs. Matrices are jagged lower-triangular rows (row i holds columns 0..i).
 */
final class Cholesky {

    /** Relative jitters tried in turn, as fractions of the mean diagonal. */
    private static final double[] JITTERS = {0, 1e-10, 1e-8, 1e-6, 1e-4};

    /**
     * The factor and the jitter it needed.
     *
     * @param lower  the lower-triangular factor's rows (row i holds columns 0..i)
     * @param jitter the absolute jitter added to the diagonal
     */
    record Factor(double[][] lower, double jitter) {
    }

    private Cholesky() {
    }

    /**
     * @param k         the lower triangle of a symmetric matrix, by rows (not modified)
     * @param minJitter the smallest jitter to use (to reproduce an earlier factorisation exactly)
     * @return the factor, or null if even the largest jitter fails
     */
    static Factor factor(double[][] k, double minJitter) {
        int n = k.length;
        double meanDiagonal = 0;
        for (int i = 0; i < n; i++) {
            meanDiagonal += k[i][i] / n;
        }
        for (double relative : JITTERS) {
            double jitter = Math.max(minJitter, relative * meanDiagonal);
            double[][] a = new double[n][];
            for (int i = 0; i < n; i++) {
                a[i] = java.util.Arrays.copyOf(k[i], i + 1);
                a[i][i] += jitter;
            }
            if (DenseKernels.cholesky(a)) {
                return new Factor(a, jitter);
            }
        }
        return null;
    }

    /**
     * @param l the factor's rows
     * @return the lower triangle of {@code K^-1 = L^-T L^-1} by rows (n^3/3 multiply-adds)
     */
    static double[][] inverse(double[][] l) {
        return DenseKernels.inverseFromInverseFactor(DenseKernels.inverseLower(l));
    }

    /**
     * @param l the factor's rows
     * @return the diagonal of {@code K^-1}: the squared column norms of {@code L^-1} (n^3/6 multiply-adds)
     */
    static double[] inverseDiagonal(double[][] l) {
        double[][] x = DenseKernels.inverseLower(l);
        double[] d = new double[l.length];
        for (double[] row : x) {
            for (int i = 0; i < row.length; i++) {
                d[i] += row[i] * row[i];
            }
        }
        return d;
    }

    /** @param l factor rows  @return log det K = 2 sum log L_ii */
    static double logDeterminant(double[][] l) {
        double s = 0;
        for (int i = 0; i < l.length; i++) {
            s += Math.log(l[i][i]);
        }
        return 2 * s;
    }

    /** Solves L v = b in place (forward substitution over the first {@code b.length} rows of the factor). */
    static void solveLower(double[][] l, double[] b) {
        for (int i = 0; i < b.length; i++) {
            double s = b[i];
            double[] li = l[i];
            for (int k = 0; k < i; k++) {
                s -= li[k] * b[k];
            }
            b[i] = s / li[i];
        }
    }

    /** Solves L^T v = b in place (back substitution). */
    static void solveUpper(double[][] l, double[] b) {
        for (int i = b.length - 1; i >= 0; i--) {
            double[] li = l[i];
            double s = b[i] / li[i];
            b[i] = s;
            for (int k = 0; k < i; k++) {
                b[k] -= li[k] * s;
            }
        }
    }
}
