package dev.orion.core.campaign.gp;

import dev.orion.core.campaign.internal.BoundedLbfgs;
import java.util.stream.IntStream;

/**
 * The negative log marginal likelihood of a zero-mean GP on standardised targets, and its analytic
 * gradient with respect to the log hyperparameters: {@code dL/dtheta = 1/2 tr((alpha alpha^T - K^-1) dK/dtheta)}.
 */
final class MarginalLikelihood implements BoundedLbfgs.Objective {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

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
        double[] k = Covariance.matrix(kernel, xs, h.signalVariance(), diagonal);
        Cholesky.Solution solution = Cholesky.solveAndInvert(k, n, y);
        if (solution == null) {
            return Double.NaN;
        }
        double[] alpha = solution.alpha();
        double[] kinv = solution.inverse();
        double quadratic = 0;
        for (int i = 0; i < n; i++) {
            quadratic += y[i] * alpha[i];
        }
        double lml = -0.5 * quadratic - 0.5 * solution.logDeterminant() - 0.5 * n * LOG_2PI;
        double signal = h.signalVariance();
        int p = gradient.length;
        double[] g = IntStream.range(0, n).parallel().mapToObj(a -> {
            double[] part = new double[p];
            double[] diff = new double[d];
            for (int b = 0; b < a; b++) {
                double w = alpha[a] * alpha[b] - kinv[a * n + b];
                double r2 = 0;
                for (int j = 0; j < d; j++) {
                    diff[j] = xs[a][j] - xs[b][j];
                    diff[j] *= diff[j];
                    r2 += diff[j];
                }
                double c = w * signal * kernel.lengthScaleFactor(r2);
                for (int j = 0; j < d; j++) {
                    part[j] += c * diff[j];
                }
                part[d] += w * signal * kernel.correlation(r2);
            }
            double waa = alpha[a] * alpha[a] - kinv[a * n + a];
            part[d] += 0.5 * waa * signal;
            if (p > d + 1) {
                part[d + 1] += 0.5 * waa * h.noiseVariance();
            }
            return part;
        }).reduce(new double[p], (u, v) -> {
            double[] s = new double[p];
            for (int i = 0; i < p; i++) {
                s[i] = u[i] + v[i];
            }
            return s;
        });
        for (int i = 0; i < p; i++) {
            gradient[i] = -g[i];
        }
        return -lml;
    }
}
