package dev.orion.core.campaign.gp;

import dev.orion.campaign.ModelState;
import dev.orion.campaign.Prediction;
import dev.orion.campaign.SurrogateModel;
import dev.orion.campaign.TrainingSet;
import dev.orion.core.campaign.internal.JointPosterior;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * A fitted exact GP: the Cholesky factor of the training covariance and the weights
 * {@code alpha = K^-1 y} on standardised targets. Immutable; {@link #withPoint} extends the factor by one
 * row in O(n^2) instead of refactoring in O(n^3).
 */
final class GpModel implements SurrogateModel, JointPosterior {

    /** Above this size the leave-one-out error (which needs K^-1) is not computed for the state. */
    private static final int CROSS_VALIDATION_LIMIT = 2000;
    /** Points predicted together by {@link #predict(double[][])} (bounds the memory to n x this). */
    private static final int PREDICT_CHUNK = 4096;

    private final Kernel kernel;
    private final Hyperparameters h;
    private final TrainingSet data;
    private final double[][] xs;
    private final double yMean;
    private final double yScale;
    private final double[][] lower;
    private final double[] alpha;
    private final double jitter;
    private final double logLikelihood;
    private volatile ModelState state;

    private GpModel(Kernel kernel, Hyperparameters h, TrainingSet data, double[][] xs, double yMean, double yScale,
                    double[][] lower, double jitter) {
        this.kernel = kernel;
        this.h = h;
        this.data = data;
        this.xs = xs;
        this.yMean = yMean;
        this.yScale = yScale;
        this.lower = lower;
        this.jitter = jitter;
        int n = data.size();
        double[] a = standardisedTargets();
        Cholesky.solveLower(lower, a);
        double quadratic = 0;
        for (double v : a) {
            quadratic += v * v;
        }
        this.logLikelihood = -0.5 * quadratic - 0.5 * Cholesky.logDeterminant(lower)
                - 0.5 * n * Math.log(2 * Math.PI);
        Cholesky.solveUpper(lower, a);
        this.alpha = a;
    }

    /**
     * @param minJitter the smallest diagonal jitter (to reproduce a stored model exactly)
     * @throws IllegalStateException if the covariance cannot be factored even with jitter
     */
    static GpModel fit(Kernel kernel, Hyperparameters h, TrainingSet data, double yMean, double yScale,
                       double minJitter) {
        int n = data.size();
        double[][] xs = Covariance.scale(data.inputs(), h.lengthScales());
        double[] diagonal = new double[n];
        for (int i = 0; i < n; i++) {
            diagonal[i] = h.noiseVariance() + data.noiseVariance(i) / (yScale * yScale);
        }
        Cholesky.Factor f = Cholesky.factor(Covariance.matrix(kernel, xs, h.signalVariance(), diagonal), minJitter);
        if (f == null) {
            throw new IllegalStateException("GP covariance of " + n + " points is not positive definite even with"
                    + " jitter; hyperparameters " + describe(h));
        }
        return new GpModel(kernel, h, data, xs, yMean, yScale, f.lower(), f.jitter());
    }

    /**
     * A model on a factor already computed by the likelihood at the same hyperparameters, standardisation and
     * data (the same matrix, so the same digits as {@link #fit} with no minimum jitter).
     */
    static GpModel withFactor(Kernel kernel, Hyperparameters h, TrainingSet data, double yMean, double yScale,
                              Cholesky.Factor factor) {
        double[][] xs = Covariance.scale(data.inputs(), h.lengthScales());
        return new GpModel(kernel, h, data, xs, yMean, yScale, factor.lower(), factor.jitter());
    }

    private double[] standardisedTargets() {
        double[] y = data.targets();
        for (int i = 0; i < y.length; i++) {
            y[i] = (y[i] - yMean) / yScale;
        }
        return y;
    }

    @Override
    public int dimension() {
        return data.dimension();
    }

    @Override
    public TrainingSet data() {
        return data;
    }

    @Override
    public Prediction predict(double[] x) {
        if (x.length != dimension()) {
            throw new IllegalArgumentException("x must have width " + dimension() + ", got " + x.length);
        }
        double[] k = Covariance.vector(kernel, xs, Covariance.scale(x, h.lengthScales()), h.signalVariance());
        double mean = 0;
        for (int i = 0; i < k.length; i++) {
            mean += k[i] * alpha[i];
        }
        Cholesky.solveLower(lower, k);
        double explained = 0;
        for (double v : k) {
            explained += v * v;
        }
        double variance = Math.max(0, h.signalVariance() - explained);
        return new Prediction(yMean + yScale * mean, yScale * yScale * variance);
    }

    /**
     * Predicts many points at once: the training covariances of a chunk of points form the columns of one
     * matrix, whitened by a single blocked triangular solve ({@link DenseKernels#solveLowerColumns}) instead of
     * one forward substitution per point. Each point gets the same operations in the same order as
     * {@link #predict(double[])}, so the two agree to the last digit.
     */
    @Override
    public Prediction[] predict(double[][] points) {
        Prediction[] out = new Prediction[points.length];
        for (int from = 0; from < points.length; from += PREDICT_CHUNK) {
            predictChunk(points, from, Math.min(points.length, from + PREDICT_CHUNK), out);
        }
        return out;
    }

    private void predictChunk(double[][] points, int from, int to, Prediction[] out) {
        int n = data.size();
        int m = to - from;
        double[][] scaled = new double[m][];
        for (int j = 0; j < m; j++) {
            if (points[from + j].length != dimension()) {
                throw new IllegalArgumentException("point " + (from + j) + " must have width " + dimension() + ", got "
                        + points[from + j].length);
            }
            scaled[j] = Covariance.scale(points[from + j], h.lengthScales());
        }
        double signal = h.signalVariance();
        double[][] b = new double[n][];
        IntStream.range(0, n).parallel().forEach(i -> {
            double[] row = new double[m];
            for (int j = 0; j < m; j++) {
                row[j] = signal * kernel.correlation(Covariance.squaredDistance(xs[i], scaled[j]));
            }
            b[i] = row;
        });
        double[] mean = new double[m];
        for (int i = 0; i < n; i++) {
            double[] bi = b[i];
            double ai = alpha[i];
            for (int j = 0; j < m; j++) {
                mean[j] += bi[j] * ai;
            }
        }
        DenseKernels.solveLowerColumns(lower, b);
        double[] explained = new double[m];
        for (int i = 0; i < n; i++) {
            double[] bi = b[i];
            for (int j = 0; j < m; j++) {
                explained[j] += bi[j] * bi[j];
            }
        }
        for (int j = 0; j < m; j++) {
            double variance = Math.max(0, signal - explained[j]);
            out[from + j] = new Prediction(yMean + yScale * mean[j], yScale * yScale * variance);
        }
    }

    @Override
    public double[][] covariance(double[][] a, double[][] b) {
        double[][] sa = new double[a.length][];
        double[][] wa = whitened(a, sa);
        double[][] sb = new double[b.length][];
        double[][] wb = whitened(b, sb);
        double[][] out = new double[a.length][b.length];
        double units = yScale * yScale;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                double explained = 0;
                for (int k = 0; k < wa[i].length; k++) {
                    explained += wa[i][k] * wb[j][k];
                }
                double prior = h.signalVariance() * kernel.correlation(Covariance.squaredDistance(sa[i], sb[j]));
                out[i][j] = units * (prior - explained);
            }
        }
        return out;
    }

    /** @return L^-1 k(x) for each point (the training covariances, whitened); fills {@code scaled} */
    private double[][] whitened(double[][] points, double[][] scaled) {
        double[][] out = new double[points.length][];
        IntStream.range(0, points.length).parallel().forEach(i -> {
            if (points[i].length != dimension()) {
                throw new IllegalArgumentException("point " + i + " must have width " + dimension() + ", got "
                        + points[i].length);
            }
            scaled[i] = Covariance.scale(points[i], h.lengthScales());
            double[] k = Covariance.vector(kernel, xs, scaled[i], h.signalVariance());
            Cholesky.solveLower(lower, k);
            out[i] = k;
        });
        return out;
    }

    @Override
    public GpModel withPoint(double[] x, double y, double noiseVariance) {
        int n = data.size();
        TrainingSet next = data.plus(x, y, noiseVariance);
        double[] scaled = Covariance.scale(x, h.lengthScales());
        double[] row = Covariance.vector(kernel, xs, scaled, h.signalVariance());
        Cholesky.solveLower(lower, row);
        double norm = 0;
        for (double v : row) {
            norm += v * v;
        }
        double diagonal = h.signalVariance() + h.noiseVariance() + noiseVariance / (yScale * yScale) + jitter;
        double last = diagonal - norm;
        if (!(last > 1e-12 * diagonal)) {
            return fit(kernel, h, next, yMean, yScale, jitter);
        }
        int m = n + 1;
        // the factor's rows are never modified, so the extended factor shares them
        double[][] l = java.util.Arrays.copyOf(lower, m);
        l[n] = java.util.Arrays.copyOf(row, m);
        l[n][n] = Math.sqrt(last);
        double[][] nxs = java.util.Arrays.copyOf(xs, m);
        nxs[n] = scaled;
        return new GpModel(kernel, h, next, nxs, yMean, yScale, l, jitter);
    }

    @Override
    public ModelState state() {
        ModelState s = state;
        if (s == null) {
            s = new ModelState("gp-" + kernel.label(), hyperparameters(), data.hash(), data.size(),
                    OptionalDouble.of(logLikelihood), leaveOneOutRmse());
            state = s;
        }
        return s;
    }

    private Map<String, Double> hyperparameters() {
        Map<String, Double> m = new LinkedHashMap<>();
        double[] l = h.lengthScales();
        for (int j = 0; j < l.length; j++) {
            m.put("lengthScale." + j, l[j]);
        }
        m.put("signalVariance", h.signalVariance());
        m.put("noiseVariance", h.noiseVariance());
        m.put("jitter", jitter);
        m.put("targetMean", yMean);
        m.put("targetScale", yScale);
        return m;
    }

    /** Leave-one-out residuals in closed form: {@code r_i = alpha_i / (K^-1)_ii}. */
    private OptionalDouble leaveOneOutRmse() {
        int n = data.size();
        if (n < 2 || n > CROSS_VALIDATION_LIMIT) {
            return OptionalDouble.empty();
        }
        // the model's own factor (jitter included) gives the diagonal of K^-1 without refactoring
        double[] inverseDiagonal = Cholesky.inverseDiagonal(lower);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double r = alpha[i] / inverseDiagonal[i];
            sum += r * r;
        }
        return OptionalDouble.of(yScale * Math.sqrt(sum / n));
    }

    private static String describe(Hyperparameters h) {
        return "lengthScales=" + java.util.Arrays.toString(h.lengthScales()) + " signalVariance=" + h.signalVariance()
                + " noiseVariance=" + h.noiseVariance();
    }
}
