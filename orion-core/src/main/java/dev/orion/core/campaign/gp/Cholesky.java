package dev.orion.core.campaign.gp;

import org.ejml.data.DMatrix;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_MT_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_MT_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

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
     * What the likelihood's gradient needs, from one factorisation by EJML's block Cholesky solver
     * (several times faster than inverting a row-major factor at n = 1,000).
     *
     * @param alpha          K^-1 y
     * @param logDeterminant log det K
     * @param inverse        K^-1, row-major
     */
    record Solution(double[] alpha, double logDeterminant, double[] inverse) {
    }

    /**
     * @param k a symmetric matrix, row-major (not modified)
     * @param n its order
     * @param y the right-hand side
     * @return the solution, with the smallest jitter that makes K positive definite, or null if none does
     */
    static Solution solveAndInvert(double[] k, int n, double[] y) {
        double meanDiagonal = 0;
        for (int i = 0; i < n; i++) {
            meanDiagonal += k[i * n + i] / n;
        }
        for (double relative : JITTERS) {
            DMatrixRMaj a = new DMatrixRMaj(n, n);
            System.arraycopy(k, 0, a.data, 0, n * n);
            for (int i = 0; i < n; i++) {
                a.data[i * n + i] += relative * meanDiagonal;
            }
            LinearSolverDense<DMatrixRMaj> solver = n >= PARALLEL_SIZE
                    ? LinearSolverFactory_MT_DDRM.symmPosDef(n) : LinearSolverFactory_DDRM.symmPosDef(n);
            if (!solver.setA(a)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            DMatrix t = ((CholeskyDecomposition_F64<DMatrix>) (Object) solver.getDecomposition()).getT(null);
            double logDet = 0;
            for (int i = 0; i < n; i++) {
                logDet += 2 * Math.log(t.get(i, i));
            }
            if (!Double.isFinite(logDet)) {
                continue;
            }
            DMatrixRMaj alpha = new DMatrixRMaj(n, 1);
            solver.solve(new DMatrixRMaj(n, 1, true, y), alpha);
            DMatrixRMaj inverse = new DMatrixRMaj(n, n);
            solver.invert(inverse);
            return new Solution(alpha.data, logDet, inverse.data);
        }
        return null;
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
