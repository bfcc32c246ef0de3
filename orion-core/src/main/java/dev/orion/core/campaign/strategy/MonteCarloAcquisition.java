package dev.orion.core.campaign.strategy;

import dev.orion.campaign.Acquisition;
import dev.orion.campaign.Prediction;
import dev.orion.campaign.SurrogateModel;
import dev.orion.core.campaign.internal.JointPosterior;
import dev.orion.core.campaign.internal.QuasiRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.hipparchus.special.Erf;

/**
 * Monte Carlo batch expected improvement (qEI) and noisy expected improvement (qNEI), as in BoTorch: the
 * value of a batch is the mean, over samples of the joint posterior at the batch (and at any pending
 * points), of the improvement of the batch's best sample over the incumbent (qEI), or over the best sample
 * at the observed points drawn jointly with the batch (qNEI, which does not trust one lucky noisy value).
 * The base samples are fixed: Sobol points of a seeded shift mapped to normals, the same for every
 * candidate and every greedy step, so scores are smooth in the inputs and comparable between candidates. A
 * batch is built greedily (each choice maximises the value of the batch so far plus the candidate), with
 * pending points in the batch from the start. qNEI's baseline is the observed points with the
 * {@value #BASELINE_LIMIT} lowest posterior means.
 */
final class MonteCarloAcquisition implements Acquisition {

    /** At most this many observed points form qNEI's baseline. */
    static final int BASELINE_LIMIT = 64;
    /** Sobol's dimension limit (Joe-Kuo direction numbers in Hipparchus). */
    private static final int MAX_JOINT = 1000;
    /** A conditional variance below this fraction of the prior one is rounding, not variance. */
    private static final double RESIDUAL = 1e-12;

    private final boolean noisy;
    private final int samples;

    MonteCarloAcquisition(boolean noisy, int samples) {
        if (samples < 16) {
            throw new IllegalArgumentException("samples must be >= 16, got " + samples);
        }
        this.noisy = noisy;
        this.samples = samples;
    }

    @Override
    public String name() {
        return noisy ? "qnei" : "qei";
    }

    /** Scores single points: q = 1 with nothing pending, base samples of seed 0. */
    @Override
    public double[] score(SurrogateModel model, double[][] points, double incumbent) {
        return batch(model, new double[0][], 1, incumbent, 0).score(points);
    }

    /**
     * @param model     the fitted model (no fantasies)
     * @param pending   inputs whose evaluations are running
     * @param q         how many points the batch will hold besides the pending ones
     * @param incumbent the best observed value (qEI's threshold)
     * @param seed      the seed of the base samples
     * @return a batch to fill greedily
     */
    Batch batch(SurrogateModel model, double[][] pending, int q, double incumbent, long seed) {
        if (!(model instanceof JointPosterior joint)) {
            throw new IllegalArgumentException(name() + " needs a surrogate with a joint posterior (a GaussianProcess), got "
                    + model.getClass().getSimpleName());
        }
        double[][] baseline = noisy ? baseline(model) : new double[0][];
        int dimension = baseline.length + pending.length + q;
        if (dimension > MAX_JOINT) {
            throw new IllegalArgumentException(name() + " samples at most " + MAX_JOINT + " points jointly, got "
                    + baseline.length + " baseline + " + pending.length + " pending + " + q + " in the batch");
        }
        double[][] z = QuasiRandom.sobol(samples, dimension, 1, seed);
        for (double[] row : z) {
            for (int j = 0; j < row.length; j++) {
                double u = Math.min(Math.max(row[j], 1e-12), 1 - 1e-12);
                row[j] = Math.sqrt(2) * Erf.erfInv(2 * u - 1);
            }
        }
        Batch b = new Batch(model, joint, z, baseline.length, incumbent);
        for (double[] p : baseline) {
            b.add(p);
        }
        for (double[] p : pending) {
            b.add(p);
        }
        return b;
    }

    private static double[][] baseline(SurrogateModel model) {
        double[][] x = model.data().inputs();
        Prediction[] p = model.predict(x);
        return IntStream.range(0, x.length).boxed().sorted(Comparator.comparingDouble(i -> p[i].mean()))
                .limit(BASELINE_LIMIT).map(i -> x[i]).toArray(double[][]::new);
    }

    /**
     * The points sampled jointly so far (baseline, pending, chosen), with their samples on the fixed base
     * samples; scores a candidate as the batch's value with the candidate added.
     */
    final class Batch {
        private final SurrogateModel model;
        private final JointPosterior joint;
        private final double[][] z;
        private final int baselineSize;
        private final double incumbent;
        private final List<double[]> points = new ArrayList<>();
        /** Rows of the joint posterior's Cholesky factor, lower triangle. */
        private final List<double[]> factor = new ArrayList<>();
        /** samples[s][k]: sample s at joint point k. */
        private final double[][] samplesAt;

        private Batch(SurrogateModel model, JointPosterior joint, double[][] z, int baselineSize, double incumbent) {
            this.model = model;
            this.joint = joint;
            this.z = z;
            this.baselineSize = baselineSize;
            this.incumbent = incumbent;
            this.samplesAt = new double[z.length][z[0].length];
        }

        /**
         * @param candidates inputs
         * @return the batch's value with each candidate added (larger is better)
         */
        double[] score(double[][] candidates) {
            int r = points.size();
            if (r >= z[0].length) {
                throw new IllegalStateException("the batch is full (" + r + " points)");
            }
            Prediction[] p = model.predict(candidates);
            double[][] c = r == 0 ? new double[0][candidates.length]
                    : joint.covariance(points.toArray(double[][]::new), candidates);
            double[] threshold = new double[z.length];
            double[] batchBest = new double[z.length];
            for (int s = 0; s < z.length; s++) {
                double t = noisy ? Double.POSITIVE_INFINITY : incumbent;
                double b = Double.POSITIVE_INFINITY;
                for (int k = 0; k < r; k++) {
                    if (k < baselineSize) {
                        t = Math.min(t, samplesAt[s][k]);
                    } else {
                        b = Math.min(b, samplesAt[s][k]);
                    }
                }
                threshold[s] = noisy && baselineSize == 0 ? incumbent : t;
                batchBest[s] = b;
            }
            double[] out = new double[candidates.length];
            IntStream.range(0, candidates.length).parallel().forEach(m -> {
                double[] row = new double[r + 1];
                extend(column(c, m), p[m].variance(), row);
                double sum = 0;
                for (int s = 0; s < z.length; s++) {
                    double f = p[m].mean();
                    for (int k = 0; k <= r; k++) {
                        f += row[k] * z[s][k];
                    }
                    sum += Math.max(0, threshold[s] - Math.min(batchBest[s], f));
                }
                out[m] = sum / z.length;
            });
            return out;
        }

        /** @param x the next point of the batch (a pending or chosen input) */
        void add(double[] x) {
            int r = points.size();
            double[] c = r == 0 ? new double[0] : column(joint.covariance(points.toArray(double[][]::new),
                    new double[][] {x}), 0);
            double[] row = new double[r + 1];
            Prediction p = model.predict(x);
            extend(c, p.variance(), row);
            factor.add(row);
            points.add(x.clone());
            for (int s = 0; s < z.length; s++) {
                double f = p.mean();
                for (int k = 0; k <= r; k++) {
                    f += row[k] * z[s][k];
                }
                samplesAt[s][r] = f;
            }
        }

        /** The new row of the Cholesky factor for a point with covariances {@code c} to the batch and variance {@code v}. */
        private void extend(double[] c, double v, double[] row) {
            int r = c.length;
            double norm = 0;
            for (int i = 0; i < r; i++) {
                double[] li = factor.get(i);
                double s = c[i];
                for (int k = 0; k < i; k++) {
                    s -= li[k] * row[k];
                }
                row[i] = li[i] > 0 ? s / li[i] : 0;
                norm += row[i] * row[i];
            }
            // a point at (or next to) one already in the batch has (almost) no variance of its own left; a residual
            // within rounding of v (the square root would magnify it to ~1e-8 v) counts as none
            double left = v - norm;
            row[r] = left > RESIDUAL * v ? Math.sqrt(left) : 0;
        }

        private static double[] column(double[][] c, int m) {
            double[] out = new double[c.length];
            for (int i = 0; i < c.length; i++) {
                out[i] = c[i][m];
            }
            return out;
        }
    }
}
