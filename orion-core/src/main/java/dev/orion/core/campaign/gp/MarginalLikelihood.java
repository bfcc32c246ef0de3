package dev.orion.core.campaign.gp;

import dev.orion.core.campaign.internal.BoundedLbfgs;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The negative log marginal likelihood of a zero-mean GP on standardised targets, and its analytic
 * gradient with respect to the log hyperparameters: {@code dL/dtheta = 1/2 tr((alpha alpha^T - K^-1) dK/dtheta)}.
 * One evaluation costs a blocked Cholesky factorisation, the inverse {@code K^-1} from the factor (both
 * {@link DenseKernels}, n^3/2 multiply-adds in all) and one pass over the lower triangle that accumulates every
 * derivative at once (no n x n x p gradient tensor as scikit-learn builds).
 */
final class MarginalLikelihood implements BoundedLbfgs.Objective {

    private static final double LOG_2PI = Math.log(2 * Math.PI);
    /** Fixed parts of the gradient pass (fixed so that the sum's order does not depend on the thread count). */
    private static final int PARTS = 16;
    /** Step in log hyperparameters of the finite-difference Hessian. */
    private static final double HESSIAN_STEP = 1e-4;

    private final Kernel kernel;
    private final double[][] x;
    private final double[] y;
    private final double[] extraNoise;
    private final double fixedNoise;
    /** The last successful evaluation's point and factor (an immutable pair, safe to read from any thread). */
    private volatile Evaluated last;

    private record Evaluated(double[] theta, Cholesky.Factor factor) {
    }

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
        double[][] k = Covariance.matrix(kernel, xs, h.signalVariance(), diagonal);
        Cholesky.Factor factor = Cholesky.factor(k, 0);
        if (factor == null) {
            return Double.NaN;
        }
        last = new Evaluated(theta.clone(), factor);
        double[][] l = factor.lower();
        double[] alpha = y.clone();
        Cholesky.solveLower(l, alpha);
        double quadratic = 0;
        for (double v : alpha) {
            quadratic += v * v;
        }
        Cholesky.solveUpper(l, alpha);
        double lml = -0.5 * quadratic - 0.5 * Cholesky.logDeterminant(l) - 0.5 * n * LOG_2PI;
        double[][] inverse = Cholesky.inverse(l);
        double signal = h.signalVariance();
        double noise = h.noiseVariance();
        int p = gradient.length;
        // one pass over the lower triangle: W_ab = alpha_a alpha_b - (K^-1)_ab against every derivative of K at
        // once, from the pair's distance. The rows go in a fixed number of parts of equal work whose partial
        // sums are added in order, so the digits do not depend on the number of threads.
        int[] bounds = triangularParts(n, PARTS);
        IntStream parts = IntStream.range(0, PARTS);
        double[][] partial = (n >= DenseKernels.PARALLEL_ORDER ? parts.parallel() : parts).mapToObj(part -> {
            double[] sum = new double[p];
            double[] diff = new double[d];
            for (int a = bounds[part]; a < bounds[part + 1]; a++) {
                double[] xa = xs[a];
                double[] ca = inverse[a];
                double[] ka = k[a];
                double alphaA = alpha[a];
                for (int b = 0; b < a; b++) {
                    double w = alphaA * alpha[b] - ca[b];
                    double[] xb = xs[b];
                    double r2 = 0;
                    for (int j = 0; j < d; j++) {
                        double t = xa[j] - xb[j];
                        diff[j] = t * t;
                        r2 += diff[j];
                    }
                    // k_ab = signal * correlation: the derivatives need no second exponential
                    double wk = w * ka[b];
                    double c = wk * kernel.lengthScaleFactorRatio(r2);
                    for (int j = 0; j < d; j++) {
                        sum[j] += c * diff[j];
                    }
                    sum[d] += wk;
                }
                double waa = alphaA * alphaA - ca[a];
                sum[d] += 0.5 * waa * signal;
                if (p > d + 1) {
                    sum[d + 1] += 0.5 * waa * noise;
                }
            }
            return sum;
        }).toArray(double[][]::new);
        Arrays.fill(gradient, 0);
        for (double[] part : partial) {
            for (int i = 0; i < p; i++) {
                gradient[i] -= part[i];
            }
        }
        return -lml;
    }

    /**
     * @param theta log hyperparameters
     * @return the factor of the covariance at theta if the last evaluation was there (so that the model at the
     *         optimum need not factor the same matrix again; the digits are those of a fresh factorisation)
     */
    Optional<Cholesky.Factor> factorAt(double[] theta) {
        Evaluated e = last;
        return e != null && Arrays.equals(e.theta(), theta) ? Optional.of(e.factor()) : Optional.empty();
    }

    /**
     * The Hessian of -LML by forward differences of the analytic gradient (one evaluation per hyperparameter,
     * run side by side), symmetrised.
     *
     * @param theta the log hyperparameters
     * @return the Hessian with respect to them
     */
    double[][] hessian(double[] theta) {
        int p = theta.length;
        double[] g0 = new double[p];
        evaluate(theta, g0);
        // the p shifted gradients are independent: they run side by side
        double[][] shiftedGradients = IntStream.range(0, p).parallel().mapToObj(i -> {
            double[] shifted = theta.clone();
            shifted[i] += HESSIAN_STEP;
            double[] g = new double[p];
            evaluate(shifted, g);
            return g;
        }).toArray(double[][]::new);
        double[][] h = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                h[j][i] = (shiftedGradients[i][j] - g0[j]) / HESSIAN_STEP;
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                double v = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = v;
                h[j][i] = v;
            }
        }
        return h;
    }

    /** Bounds of {@code parts} row ranges of [0, n) of about equal work when row a costs a. */
    static int[] triangularParts(int n, int parts) {
        int[] bounds = new int[parts + 1];
        for (int q = 1; q <= parts; q++) {
            bounds[q] = q == parts ? n : Math.max(bounds[q - 1], (int) Math.round(n * Math.sqrt((double) q / parts)));
        }
        return bounds;
    }
}
