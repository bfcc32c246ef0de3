package dev.orion.core.campaign.strategy;

import dev.orion.campaign.Acquisition;
import dev.orion.campaign.Objective;
import dev.orion.campaign.Prediction;
import dev.orion.campaign.Proposal;
import dev.orion.campaign.ProposalRequest;
import dev.orion.campaign.Strategy;
import dev.orion.campaign.Surrogate;
import dev.orion.campaign.SurrogateModel;
import dev.orion.campaign.TrainingSet;
import dev.orion.core.campaign.Pareto;
import dev.orion.core.campaign.gp.GaussianProcess;
import dev.orion.core.campaign.internal.QuasiRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import org.hipparchus.special.Erf;

/**
 * Bayesian optimisation of two or three objectives (outcome constraints count only through which
 * observations form the Pareto front).
 * <ul>
 *   <li>{@link Method#PAREGO}: each choice draws random weights on the simplex, scalarises the normalised
 *       objectives with the augmented Chebyshev function and maximises EI of one GP on that scalar.
 *       Cheap; any number of objectives.</li>
 *   <li>{@link Method#EHVI}: one GP per objective; expected hypervolume improvement over the current front,
 *       estimated with fixed quasi-random normal base samples (so scores are smooth and reproducible).</li>
 *   <li>{@link Method#EXACT_EHVI}: the same expectation in closed form for two objectives (box
 *       decomposition of the non-dominated region): no Monte Carlo error, and cheaper per candidate.</li>
 * </ul>
 * Both start with Sobol points, and build batches greedily with kriging-believer fantasies, pending
 * evaluations included. The reference point defaults to the worst observed value of each objective plus
 * 10% of its range.
 */
public final class MultiObjectiveOptimization implements Strategy {

    /** How candidates are scored. */
    public enum Method {
        /** random Chebyshev scalarisations (Knowles 2006) */
        PAREGO,
        /** expected hypervolume improvement (Monte Carlo) */
        EHVI,
        /** expected hypervolume improvement in closed form (box decomposition), two objectives only */
        EXACT_EHVI
    }

    private static final double RHO = 0.05;

    private final Method method;
    private final Surrogate surrogate;
    private final int initialPoints;
    private final int rawSamples;
    private final int samples;
    private final Optional<double[]> reference;

    private MultiObjectiveOptimization(Builder b) {
        this.method = b.method;
        this.surrogate = b.surrogate;
        this.initialPoints = b.initialPoints;
        this.rawSamples = b.rawSamples;
        this.samples = b.samples;
        this.reference = b.reference;
    }

    /** @return a builder (EHVI, GP, 10 initial points, 512 raw samples, 64 MC samples) */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return switch (method) {
            case PAREGO -> "parego";
            case EHVI -> "ehvi";
            case EXACT_EHVI -> "ehvi-exact";
        };
    }

    @Override
    public List<Proposal> propose(ProposalRequest request) {
        if (method == Method.EXACT_EHVI && request.goal().objectives().size() != 2) {
            throw new IllegalArgumentException("EXACT_EHVI needs exactly two objectives, got "
                    + request.goal().objectives().size() + "; use EHVI");
        }
        History history = new History(request);
        if (history.measured.size() < initialPoints) {
            return new SpaceFilling(SpaceFilling.Design.SOBOL).propose(request);
        }
        List<CandidateSearch.Point> candidates = CandidateSearch.candidates(history, rawSamples, new double[0][],
                request.seed());
        double[][] features = candidates.stream().map(CandidateSearch.Point::features).toArray(double[][]::new);
        List<Proposal> out = new ArrayList<>();
        if (method == Method.PAREGO) {
            parEgo(history, candidates, features, out);
        } else {
            ehvi(history, candidates, features, out);
        }
        return out;
    }

    private void parEgo(History history, List<CandidateSearch.Point> candidates, double[][] features,
                        List<Proposal> out) {
        double[][] y = normalised(history.objectiveMatrix());
        int m = y.length == 0 ? 0 : y[0].length;
        SplittableRandom random = new SplittableRandom(history.request.seed());
        Acquisition ei = Acquisitions.expectedImprovement();
        List<double[]> chosen = new ArrayList<>(List.of(history.pendingFeatures));
        Set<String> used = new HashSet<>();
        for (int k = 0; k < history.request.batchSize() && used.size() < candidates.size(); k++) {
            double[] lambda = new double[m];
            double sum = 0;
            for (int j = 0; j < m; j++) {
                lambda[j] = -Math.log(1 - random.nextDouble());
                sum += lambda[j];
            }
            double[] s = new double[y.length];
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < y.length; i++) {
                double max = Double.NEGATIVE_INFINITY;
                double total = 0;
                for (int j = 0; j < m; j++) {
                    max = Math.max(max, lambda[j] / sum * y[i][j]);
                    total += lambda[j] / sum * y[i][j];
                }
                s[i] = max + RHO * total;
                best = Math.min(best, s[i]);
            }
            SurrogateModel model = surrogate.fit(TrainingSet.of(history.features, s));
            for (double[] f : chosen) {
                model = model.withPoint(f, model.predict(f).mean(), 0);
            }
            double[] scores = ei.score(model, features, best);
            int pick = argmax(scores, candidates, used);
            used.add(candidates.get(pick).candidate().id());
            chosen.add(features[pick]);
            out.add(new Proposal(candidates.get(pick).candidate(), name(), OptionalDouble.of(scores[pick]),
                    Optional.of(model.state())));
        }
    }

    private void ehvi(History history, List<CandidateSearch.Point> candidates, double[][] features,
                      List<Proposal> out) {
        List<Objective> objectives = history.request.goal().objectives();
        int m = objectives.size();
        double[][] y = history.objectiveMatrix();
        SurrogateModel[] models = new SurrogateModel[m];
        for (int j = 0; j < m; j++) {
            models[j] = surrogate.fit(history.trainingSet(history.minimized(objectives.get(j)), objectives.get(j).outcome()));
        }
        double[] ref = referencePoint(y, objectives);
        List<double[]> front = new ArrayList<>();
        boolean[] ok = history.satisfiesGoal();
        for (int i = 0; i < y.length; i++) {
            if (ok[i]) {
                front.add(y[i]);
            }
        }
        for (double[] p : history.pendingFeatures) {
            front.add(fantasise(models, p));
        }
        double[][] z = method == Method.EHVI ? baseSamples(m, history.request.seed()) : new double[0][];
        Set<String> used = new HashSet<>();
        for (int k = 0; k < history.request.batchSize() && used.size() < candidates.size(); k++) {
            double[][] currentFront = front(front);
            double baseVolume = Pareto.hypervolume(currentFront, ref);
            Prediction[][] p = new Prediction[m][];
            for (int j = 0; j < m; j++) {
                p[j] = models[j].predict(features);
            }
            double[] scores = new double[features.length];
            java.util.stream.IntStream.range(0, features.length).parallel().forEach(i -> {
                double[] mean = new double[m];
                double[] sd = new double[m];
                for (int j = 0; j < m; j++) {
                    mean[j] = p[j][i].mean();
                    sd[j] = p[j][i].standardDeviation();
                }
                scores[i] = method == Method.EXACT_EHVI ? ExpectedHypervolume.exact2d(currentFront, ref, mean, sd)
                        : ExpectedHypervolume.monteCarlo(currentFront, baseVolume, ref, mean, sd, z);
            });
            int pick = argmax(scores, candidates, used);
            used.add(candidates.get(pick).candidate().id());
            front.add(fantasise(models, features[pick]));
            out.add(new Proposal(candidates.get(pick).candidate(), name(), OptionalDouble.of(scores[pick]),
                    Optional.of(models[0].state())));
        }
    }

    /** Conditions every model on its own mean at the point; returns the means. */
    private static double[] fantasise(SurrogateModel[] models, double[] x) {
        double[] means = new double[models.length];
        for (int j = 0; j < models.length; j++) {
            means[j] = models[j].predict(x).mean();
            models[j] = models[j].withPoint(x, means[j], 0);
        }
        return means;
    }

    private double[] referencePoint(double[][] y, List<Objective> objectives) {
        int m = objectives.size();
        double[] ref = new double[m];
        if (reference.isPresent()) {
            if (reference.get().length != m) {
                throw new IllegalArgumentException("reference must have " + m + " entries, got "
                        + reference.get().length);
            }
            for (int j = 0; j < m; j++) {
                ref[j] = objectives.get(j).toMinimized(reference.get()[j]);
            }
            return ref;
        }
        for (int j = 0; j < m; j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : y) {
                min = Math.min(min, row[j]);
                max = Math.max(max, row[j]);
            }
            ref[j] = max + 0.1 * Math.max(max - min, 1e-9);
        }
        return ref;
    }

    private double[][] baseSamples(int m, long seed) {
        double[][] u = QuasiRandom.sobol(samples, m, 0, seed);
        for (double[] row : u) {
            for (int j = 0; j < m; j++) {
                double v = Math.min(Math.max(row[j], 1e-9), 1 - 1e-9);
                row[j] = Math.sqrt(2) * Erf.erfInv(2 * v - 1);
            }
        }
        return u;
    }

    private static double[][] front(List<double[]> points) {
        double[][] all = points.toArray(new double[0][]);
        int[] idx = Pareto.nonDominated(all);
        double[][] out = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = all[idx[i]];
        }
        return out;
    }

    private static double[][] normalised(double[][] y) {
        if (y.length == 0) {
            return y;
        }
        int m = y[0].length;
        double[][] out = new double[y.length][m];
        for (int j = 0; j < m; j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : y) {
                min = Math.min(min, row[j]);
                max = Math.max(max, row[j]);
            }
            double span = max > min ? max - min : 1;
            for (int i = 0; i < y.length; i++) {
                out[i][j] = (y[i][j] - min) / span;
            }
        }
        return out;
    }

    private static int argmax(double[] scores, List<CandidateSearch.Point> candidates, Set<String> used) {
        int best = -1;
        for (int i = 0; i < scores.length; i++) {
            if (!used.contains(candidates.get(i).candidate().id()) && (best < 0 || scores[i] > scores[best])) {
                best = i;
            }
        }
        return best;
    }

    /** Configures {@link MultiObjectiveOptimization}. */
    public static final class Builder {
        private Method method = Method.EHVI;
        private Surrogate surrogate = GaussianProcess.builder().restarts(2).build();
        private int initialPoints = 10;
        private int rawSamples = 512;
        private int samples = 64;
        private Optional<double[]> reference = Optional.empty();

        private Builder() {
        }

        /** @param method PAREGO, EHVI (default) or EXACT_EHVI  @return this builder (for chaining) */
        public Builder method(Method method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /** @param surrogate the model of each objective  @return this builder (for chaining) */
        public Builder surrogate(Surrogate surrogate) {
            this.surrogate = Objects.requireNonNull(surrogate, "surrogate");
            return this;
        }

        /** @param count Sobol points before the first model (&gt;= 1)  @return this builder (for chaining) */
        public Builder initialPoints(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("initialPoints must be >= 1, got " + count);
            }
            this.initialPoints = count;
            return this;
        }

        /** @param count Sobol candidates scored (&gt;= 16)  @return this builder (for chaining) */
        public Builder rawSamples(int count) {
            if (count < 16) {
                throw new IllegalArgumentException("rawSamples must be >= 16, got " + count);
            }
            this.rawSamples = count;
            return this;
        }

        /** @param count Monte Carlo samples for EHVI (&gt;= 8)  @return this builder (for chaining) */
        public Builder samples(int count) {
            if (count < 8) {
                throw new IllegalArgumentException("samples must be >= 8, got " + count);
            }
            this.samples = count;
            return this;
        }

        /**
         * @param reference the hypervolume reference point in the objectives' units and order (worst
         *                  acceptable values), finite
         * @return this builder (for chaining)
         */
        public Builder reference(double... reference) {
            Objects.requireNonNull(reference, "reference");
            for (double v : reference) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("reference must be finite, got " + java.util.Arrays.toString(reference));
                }
            }
            this.reference = Optional.of(reference.clone());
            return this;
        }

        /** @return the strategy */
        public MultiObjectiveOptimization build() {
            return new MultiObjectiveOptimization(this);
        }
    }
}
