package dev.orion.core.campaign.gp;

import dev.orion.campaign.ModelState;
import dev.orion.campaign.Surrogate;
import dev.orion.campaign.SurrogateModel;
import dev.orion.campaign.TrainingSet;
import dev.orion.core.campaign.internal.BoundedBfgs;
import dev.orion.core.campaign.internal.BoundedLbfgs;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exact Gaussian-process surrogate. Targets are standardised; the kernel is a stationary ARD kernel
 * ({@link Kernel}) times a signal variance, plus homoscedastic noise (learned or fixed) plus each point's
 * known noise. Hyperparameters maximise the log marginal likelihood: projected L-BFGS on the log
 * hyperparameters with analytic gradients, from a default start and up to {@code restarts} seeded random
 * starts (the search stops early once a start reaches the same optimum as the best one before it). Above
 * {@code hyperparameterSubset} points the starts run on a random subset, and the best is refined on all
 * points (up to 2,000; beyond, the subset's optimum is used as is) by projected quasi-Newton steps that start
 * from the subset's Hessian scaled by the ratio of the sizes (the likelihood's curvature grows about in
 * proportion to n) and stop once the likelihood no longer rises: a handful of O(n^3) evaluations reaches the
 * optimum on all points. Duplicate inputs and
 * ill-conditioned data get diagonal jitter (recorded in the model state).
 *
 * <pre>{@code
 * Surrogate gp = GaussianProcess.builder().kernel(Kernel.RBF).fixedNoise(1e-4).restarts(2).seed(1).build();
 * SurrogateModel model = gp.fit(TrainingSet.of(x, y));
 * }</pre>
 */
public final class GaussianProcess implements Surrogate {

    private static final Logger LOG = LoggerFactory.getLogger(GaussianProcess.class);
    private static final int REFINE_LIMIT = 2000;
    /** The most likelihood evaluations on all points after the subset search. */
    private static final int REFINE_EVALUATIONS = 20;
    /** The refinement stops once the largest free gradient entry of -LML is below this. */
    private static final double REFINE_GRADIENT = 1e-3;
    /** ... or once a step gains less log likelihood than this. */
    private static final double REFINE_DECREASE = 5e-4;
    /** The same for the intermediate subsets, whose optimum only starts the next stage. */
    private static final double STAGE_DECREASE = 1e-2;
    /** Starts of the hyperparameter search run side by side. */
    private static final int STARTS_TOGETHER = 2;
    /** Two starts whose -LML differ by at most this (relative) found the same optimum. */
    private static final double AGREEMENT = 1e-6;

    private final Kernel kernel;
    private final double fixedNoise;
    private final int restarts;
    private final long seed;
    private final double minLengthScale;
    private final double maxLengthScale;
    private final int subset;
    private final int maxIterations;
    private final Optional<ModelState> fixedState;

    private GaussianProcess(Builder b) {
        this.kernel = b.kernel;
        this.fixedNoise = b.fixedNoise;
        this.restarts = b.restarts;
        this.seed = b.seed;
        this.minLengthScale = b.minLengthScale;
        this.maxLengthScale = b.maxLengthScale;
        this.subset = b.subset;
        this.maxIterations = b.maxIterations;
        this.fixedState = b.fixedState;
    }

    /** @return a builder (Matérn 5/2, learned noise, 4 restarts, seed 0) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a GP with the defaults */
    public static GaussianProcess create() {
        return builder().build();
    }

    /**
     * Rebuilds a stored GP model exactly: the same kernel, hyperparameters, target standardisation and jitter,
     * on the data it was fitted on (a model registry's reload).
     *
     * <pre>{@code
     * ModelRecord v = tenant.models().latest("campaign/" + id + "/energy").orElseThrow();
     * SurrogateModel model = GaussianProcess.reload(v.state(), data);
     * }</pre>
     *
     * @param state the stored state of a model fitted by a {@code GaussianProcess}
     * @param data  the data it saw
     * @return the model, with the same state
     * @throws IllegalArgumentException if the state is not of a GP, or the data's hash or size differs from
     *                                  the state's
     */
    public static SurrogateModel reload(ModelState state, TrainingSet data) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(data, "data");
        Kernel kernel = java.util.Arrays.stream(Kernel.values()).filter(k -> state.kind().equals("gp-" + k.label()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("state must be of a GP model, got kind "
                        + state.kind()));
        if (data.size() != state.trainingSize() || !data.hash().equals(state.dataHash())) {
            throw new IllegalArgumentException("data (" + data.size() + " points, hash " + data.hash()
                    + ") is not the data the model saw (" + state.trainingSize() + " points, hash " + state.dataHash() + ")");
        }
        return builder().kernel(kernel).fixedHyperparameters(state).build().fit(data);
    }

    @Override
    public String name() {
        return "gp-" + kernel.label();
    }

    @Override
    public SurrogateModel fit(TrainingSet data) {
        Objects.requireNonNull(data, "data");
        if (data.size() == 0) {
            throw new IllegalArgumentException("data must have at least one point, got 0");
        }
        int n = data.size();
        int d = data.dimension();
        if (fixedState.isPresent()) {
            return fitFixed(fixedState.get(), data);
        }
        double[] y = data.targets();
        double mean = Arrays.stream(y).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum() / n);
        double scale = sd > 1e-12 * Math.max(1, Math.abs(mean)) ? sd : 1;
        double noise = Double.isNaN(fixedNoise) ? Double.NaN : Math.max(fixedNoise / (scale * scale), 1e-12);
        double[][] x = data.inputs();
        double[] ys = new double[n];
        double[] extra = new double[n];
        for (int i = 0; i < n; i++) {
            ys[i] = (y[i] - mean) / scale;
            extra[i] = data.noiseVariance(i) / (scale * scale);
        }
        SplittableRandom random = new SplittableRandom(seed);
        MarginalLikelihood full = new MarginalLikelihood(kernel, x, ys, extra, noise);
        int[] index = identity(n);
        shuffle(index, 0, Math.min(n, subset), random);
        MarginalLikelihood search = n > subset ? likelihoodOf(index, subset, x, ys, extra, noise) : full;
        BoundedLbfgs optimiser = new BoundedLbfgs(lowerBounds(d, noise), upperBounds(d, noise), maxIterations, 1e-5);
        BoundedLbfgs.Result best = null;
        long started = System.nanoTime();
        // starts run in pairs, side by side (each start is independent; the pairs are fixed, so the result does
        // not depend on the number of cores), their results taken in order
        search:
        for (int first = 0; first <= restarts; first += STARTS_TOGETHER) {
            int count = Math.min(STARTS_TOGETHER, restarts + 1 - first);
            double[][] starts = new double[count][];
            for (int i = 0; i < count; i++) {
                starts[i] = first + i == 0 ? defaultStart(d, noise) : randomStart(d, noise, random);
            }
            BoundedLbfgs.Result[] results = IntStream.range(0, count).parallel()
                    .mapToObj(i -> optimiser.minimize(search, starts[i])).toArray(BoundedLbfgs.Result[]::new);
            for (int i = 0; i < count; i++) {
                int start = first + i;
                BoundedLbfgs.Result r = results[i];
                LOG.debug("GP start {}: -LML {} after {} evaluations", start, r.value(), r.evaluations());
                if (!Double.isFinite(r.value())) {
                    continue;
                }
                if (best != null
                        && Math.abs(r.value() - best.value()) <= AGREEMENT * Math.max(1, Math.abs(best.value()))) {
                    // a second start reached the best optimum found: further random starts rarely beat it
                    LOG.debug("GP start {} agrees with the best start; {} starts skipped", start, restarts - start);
                    best = r.value() < best.value() ? r : best;
                    break search;
                }
                if (best == null || r.value() < best.value()) {
                    best = r;
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("GP hyperparameter search failed from every start on " + n + " points");
        }
        LOG.debug("GP hyperparameter search on {} of {} points took {} ms", Math.min(n, subset), n,
                (System.nanoTime() - started) / 1_000_000);
        double[] theta = best.x();
        MarginalLikelihood last = search;
        if (search != full && n <= REFINE_LIMIT) {
            last = full;
            theta = refine(search, full, theta, x, ys, extra, noise, index, random);
        }
        Hyperparameters h = Hyperparameters.fromLog(theta, d, noise);
        // the search on all points usually ends with an evaluation at its optimum: reuse that factor
        Optional<Cholesky.Factor> factor = last == search && search != full ? Optional.empty() : last.factorAt(theta);
        return factor.isPresent() ? GpModel.withFactor(kernel, h, data, mean, scale, factor.get())
                : GpModel.fit(kernel, h, data, mean, scale, 0);
    }

    private SurrogateModel fitFixed(ModelState s, TrainingSet data) {
        int d = data.dimension();
        double[] l = new double[d];
        for (int j = 0; j < d; j++) {
            l[j] = s.hyperparameter("lengthScale." + j);
        }
        if (s.hyperparameters().containsKey("lengthScale." + d)) {
            throw new IllegalArgumentException("model state has more length scales than the data's width " + d);
        }
        Hyperparameters h = new Hyperparameters(l, s.hyperparameter("signalVariance"), s.hyperparameter("noiseVariance"));
        return GpModel.fit(kernel, h, data, s.hyperparameter("targetMean"), s.hyperparameter("targetScale"),
                s.hyperparameter("jitter"));
    }

    /**
     * Refines the subset's optimum on ever larger nested subsets (each about twice the last) and finally on all
     * points, by quasi-Newton steps. The likelihood is a sum over the points, so its curvature grows about in
     * proportion to their number: the subset's Hessian (by finite differences), scaled, starts the first
     * stage, and each stage's updated Hessian, scaled again, starts the next, so that each stage needs only a
     * few evaluations and the one on all points starts close to its optimum.
     */
    private double[] refine(MarginalLikelihood search, MarginalLikelihood all, double[] start, double[][] x,
                            double[] ys, double[] extra, double noise, int[] index, SplittableRandom random) {
        int n = ys.length;
        int d = x[0].length;
        long started = System.nanoTime();
        double[][] hessian = search.hessian(start);
        if (Arrays.stream(hessian).flatMapToDouble(Arrays::stream).anyMatch(v -> !Double.isFinite(v))) {
            // a finite-difference step hit a failed factorisation: start from the identity instead
            for (int i = 0; i < hessian.length; i++) {
                Arrays.fill(hessian[i], 0);
                hessian[i][i] = 1;
            }
        }
        double[] theta = start;
        int size = subset;
        while (size < n) {
            int next = 3 * (2 * size) <= 2 * n ? 2 * size : n;
            shuffle(index, size, next, random);
            MarginalLikelihood stage = next == n ? all : likelihoodOf(index, next, x, ys, extra, noise);
            double ratio = (double) next / size;
            for (double[] row : hessian) {
                for (int j = 0; j < row.length; j++) {
                    row[j] *= ratio;
                }
            }
            BoundedBfgs bfgs = new BoundedBfgs(lowerBounds(d, noise), upperBounds(d, noise), REFINE_EVALUATIONS,
                    REFINE_GRADIENT, next == n ? REFINE_DECREASE : STAGE_DECREASE);
            BoundedBfgs.Result r = bfgs.minimize(stage, theta, hessian);
            LOG.debug("GP refinement on {} of {} points: -LML {} after {} evaluations", next, n, r.value(),
                    r.evaluations());
            if (!Double.isFinite(r.value())) {
                break;
            }
            theta = r.x();
            hessian = r.hessian();
            size = next;
        }
        LOG.debug("GP refinement took {} ms", (System.nanoTime() - started) / 1_000_000);
        return theta;
    }

    private static int[] identity(int n) {
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        return index;
    }

    /** Fisher-Yates steps for positions [from, to): the first {@code to} entries become a random subset. */
    private static void shuffle(int[] index, int from, int to, SplittableRandom random) {
        int n = index.length;
        for (int i = from; i < to; i++) {
            int k = i + random.nextInt(n - i);
            int t = index[i];
            index[i] = index[k];
            index[k] = t;
        }
    }

    private MarginalLikelihood likelihoodOf(int[] index, int size, double[][] x, double[] ys, double[] extra,
                                            double noise) {
        double[][] sx = new double[size][];
        double[] sy = new double[size];
        double[] se = new double[size];
        for (int i = 0; i < size; i++) {
            sx[i] = x[index[i]];
            sy[i] = ys[index[i]];
            se[i] = extra[index[i]];
        }
        return new MarginalLikelihood(kernel, sx, sy, se, noise);
    }

    private double[] lowerBounds(int d, double noise) {
        double[] b = new double[d + (Double.isNaN(noise) ? 2 : 1)];
        Arrays.fill(b, 0, d, Math.log(minLengthScale));
        b[d] = Math.log(1e-3);
        if (Double.isNaN(noise)) {
            b[d + 1] = Math.log(1e-8);
        }
        return b;
    }

    private double[] upperBounds(int d, double noise) {
        double[] b = new double[d + (Double.isNaN(noise) ? 2 : 1)];
        Arrays.fill(b, 0, d, Math.log(maxLengthScale));
        b[d] = Math.log(1e3);
        if (Double.isNaN(noise)) {
            b[d + 1] = Math.log(10);
        }
        return b;
    }

    private double[] defaultStart(int d, double noise) {
        double[] t = new double[d + (Double.isNaN(noise) ? 2 : 1)];
        Arrays.fill(t, 0, d, Math.log(0.5));
        t[d] = 0;
        if (Double.isNaN(noise)) {
            t[d + 1] = Math.log(1e-2);
        }
        return t;
    }

    private double[] randomStart(int d, double noise, SplittableRandom random) {
        double[] t = new double[d + (Double.isNaN(noise) ? 2 : 1)];
        for (int j = 0; j < d; j++) {
            t[j] = Math.log(0.05) + random.nextDouble() * Math.log(100);
        }
        t[d] = Math.log(0.1) + random.nextDouble() * Math.log(100);
        if (Double.isNaN(noise)) {
            t[d + 1] = Math.log(1e-6) + random.nextDouble() * Math.log(1e5);
        }
        return t;
    }

    /** Configures a {@link GaussianProcess}. */
    public static final class Builder {
        private Kernel kernel = Kernel.MATERN_52;
        private double fixedNoise = Double.NaN;
        private int restarts = 4;
        private long seed;
        private double minLengthScale = 1e-3;
        private double maxLengthScale = 1e3;
        private int subset = 250;
        private int maxIterations = 200;
        private Optional<ModelState> fixedState = Optional.empty();

        private Builder() {
        }

        /** @param kernel the kernel (default Matérn 5/2)  @return this builder (for chaining) */
        public Builder kernel(Kernel kernel) {
            this.kernel = Objects.requireNonNull(kernel, "kernel");
            return this;
        }

        /**
         * @param variance the noise variance in squared target units (&gt; 0), fixed instead of learned
         * @return this builder (for chaining)
         */
        public Builder fixedNoise(double variance) {
            if (!(variance > 0) || Double.isInfinite(variance)) {
                throw new IllegalArgumentException("fixedNoise variance must be finite and > 0, got " + variance);
            }
            this.fixedNoise = variance;
            return this;
        }

        /** @param restarts random starts besides the default one (&gt;= 0, default 4)  @return this builder (for chaining) */
        public Builder restarts(int restarts) {
            if (restarts < 0) {
                throw new IllegalArgumentException("restarts must be >= 0, got " + restarts);
            }
            this.restarts = restarts;
            return this;
        }

        /** @param seed the seed of the random starts and subset  @return this builder (for chaining) */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param min the smallest length scale (&gt; 0; inputs are scaled to [0, 1])
         * @param max the largest, &gt; min
         * @return this builder (for chaining)
         */
        public Builder lengthScaleBounds(double min, double max) {
            if (!(min > 0 && max > min) || Double.isInfinite(max)) {
                throw new IllegalArgumentException("lengthScaleBounds must satisfy 0 < min < max, got [" + min + ", "
                        + max + "]");
            }
            this.minLengthScale = min;
            this.maxLengthScale = max;
            return this;
        }

        /** @param size points the multi-start search runs on (&gt;= 10, default 250)  @return this builder (for chaining) */
        public Builder hyperparameterSubset(int size) {
            if (size < 10) {
                throw new IllegalArgumentException("hyperparameterSubset must be >= 10, got " + size);
            }
            this.subset = size;
            return this;
        }

        /** @param iterations L-BFGS iterations per start (&gt;= 1, default 200)  @return this builder (for chaining) */
        public Builder maxIterations(int iterations) {
            if (iterations < 1) {
                throw new IllegalArgumentException("maxIterations must be >= 1, got " + iterations);
            }
            this.maxIterations = iterations;
            return this;
        }

        /**
         * Skips the search and uses a stored model's hyperparameters, target standardisation and jitter, so
         * fitting the same data reproduces that model exactly (a model registry's reload).
         *
         * @param state the state of a model fitted by a GP with the same kernel
         * @return this builder (for chaining)
         */
        public Builder fixedHyperparameters(ModelState state) {
            Objects.requireNonNull(state, "state");
            if (!state.kind().startsWith("gp-")) {
                throw new IllegalArgumentException("state must be of a GP model, got kind " + state.kind());
            }
            this.fixedState = Optional.of(state);
            return this;
        }

        /** @return the surrogate */
        public GaussianProcess build() {
            if (fixedState.isPresent() && !fixedState.get().kind().equals("gp-" + kernel.label())) {
                throw new IllegalArgumentException("state kind " + fixedState.get().kind() + " does not match kernel "
                        + kernel.label());
            }
            return new GaussianProcess(this);
        }
    }
}
