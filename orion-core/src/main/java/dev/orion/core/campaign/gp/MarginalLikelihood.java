package dev.orion.core.campaign.gp;

import dev.orion.core.campaign.internal.BoundedLbfgs;
import java.util.stream.IntStream;

/**
 * The negative log marginal likelihood of a zero-mean GP on standardised targets, and its analytic
 * gradient with respect to the log hyperparameters: {@code dL/dtheta = 1/2 tr((alpha alpha^T - K^-1) dK/dtheta)}.
 * One evaluation costs a Cholesky factorisation (EJML), the rows of {@code L^-T} by back substitution, and one
 * fused pass over the lower triangle that forms each entry of {@code K^-1} as a dot product and accumulates every
 * derivative at once (no explicit inverse matrix, no n x n x p gradient tensor as scikit-learn builds).
 */
final class MarginalLikelihood implements BoundedLbfgs.Objective {

    private static final double LOG_2PI = Math.log(2 * Math.PI);
    /** Rows of the lower triangle handled together (they share every row of L^-T they read). */
    private static final int TILE = 8;

    private final Kernel kernel;
    private final double[][] x;
    private final double[] y;
    private final double[] extraNoise;
    private final double fixedNoise;

    /**
     * @param kernel     the kernel
     * @param x          inputs
     * @param y          standardised targets
     * @param extraNoise known per-point noise variance (standardised)
     * @param fixedNoise the noise variance if fixed, NaN if learned
     */
    MarginalLikelihood(Kernel kernel, double[][] x, double[] y, double[] extraNoise, double fixedNoise) {
        this.kernel = kernel;
        this.x = x;
        this.y = y;
        this.extraNoise = extraNoise;
        this.fixedNoise = fixedNoise;
    }

    @Override
    public double evaluate(double[] theta, double[] gradient) {
        int n = y.length;
        int d = x[0].length;
        Hyperparameters h = Hyperparameters.fromLog(theta, d, fixedNoise);
        double[][] xs = Covariance.scale(x, h.lengthScales());
        double[] diagonal = new double[n];
        for (int i = 0; i < n; i++) {
            diagonal[i] = h.noiseVariance() + extraNoise[i];
        }
        Cholesky.Factor factor = Cholesky.factor(Covariance.matrix(kernel, xs, h.signalVariance(), diagonal), n, 0);
        if (factor == null) {
            return Double.NaN;
        }
        double[] l = factor.lower();
        double[] alpha = y.clone();
        Cholesky.solveLower(l, n, alpha);
        double quadratic = 0;
        for (double v : alpha) {
            quadratic += v * v;
        }
        Cholesky.solveUpper(l, n, alpha);
        double lml = -0.5 * quadratic - 0.5 * Cholesky.logDeterminant(l, n) - 0.5 * n * LOG_2PI;
        double[][] inverseRows = Cholesky.inverseTransposedRows(l, n);
        double signal = h.signalVariance();
        double noise = h.noiseVariance();
        int p = gradient.length;
        // one pass over the lower triangle: (K^-1)_ab from two rows of L^-T, the kernel's derivatives from the
        // pair's distance. Rows go in tiles of TILE, so each row b is read once per tile rather than once per
        // row a; tiles are dealt to the chunks in turn so that each chunk carries about the same work.
        int tiles = (n + TILE - 1) / TILE;
        int chunks = Math.max(1, Math.min(tiles, 8 * Runtime.getRuntime().availableProcessors()));
        double[] g = IntStream.range(0, chunks).parallel().mapToObj(chunk -> {
            double[] part = new double[p];
            double[] diff = new double[d];
            for (int tile = chunk; tile < tiles; tile += chunks) {
                int a0 = tile * TILE;
                int a1 = Math.min(n, a0 + TILE);
                for (int b = 0; b < a1; b++) {
                    double[] xb = xs[b];
                    for (int a = Math.max(a0, b); a < a1; a++) {
                        double kinv = Cholesky.inverseEntry(inverseRows, a, b);
                        if (a == b) {
                            double waa = alpha[a] * alpha[a] - kinv;
                            part[d] += 0.5 * waa * signal;
                            if (p > d + 1) {
                                part[d + 1] += 0.5 * waa * noise;
                            }
                            continue;
                        }
                        double w = alpha[a] * alpha[b] - kinv;
                        double[] xa = xs[a];
                        double r2 = 0;
                        for (int j = 0; j < d; j++) {
                            double t = xa[j] - xb[j];
                            diff[j] = t * t;
                            r2 += diff[j];
                        }
                        double c = w * signal * kernel.lengthScaleFactor(r2);
                        for (int j = 0; j < d; j++) {
                            part[j] += c * diff[j];
                        }
                        part[d] += w * signal * kernel.correlation(r2);
                    }
                }
            }
            return part;
        }).reduce(new double[p], (u, v) -> {
            double[] sum = new double[p];
            for (int i = 0; i < p; i++) {
                sum[i] = u[i] + v[i];
            }
            return sum;
        });
        for (int i = 0; i < p; i++) {
            gradient[i] = -g[i];
        }
        return -lml;
    }
}
