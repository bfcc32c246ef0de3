package dev.orion.core.campaign.strategy;

import dev.orion.campaign.Acquisition;
import dev.orion.campaign.ModelState;
import dev.orion.campaign.Objective;
import dev.orion.campaign.OutcomeConstraint;
import dev.orion.campaign.Prediction;
import dev.orion.campaign.Proposal;
import dev.orion.campaign.ProposalRequest;
import dev.orion.campaign.Strategy;
import dev.orion.campaign.Surrogate;
import dev.orion.campaign.SurrogateModel;
import dev.orion.core.campaign.gp.GaussianProcess;
import dev.orion.core.campaign.internal.Normal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Single-objective Bayesian optimisation. Until {@code initialPoints} observations have succeeded it
 * proposes Sobol points; then it fits the surrogate to the objective (and one to each constrained
 * outcome, whose probability of lying in its band weights the acquisition), and maximises the acquisition
 * over Sobol candidates and perturbations of the best points, refining the best few locally (over a pool:
 * every unused entry). A batch of q is chosen greedily: after each choice the model is conditioned on a
 * fantasy (its own predicted mean at the chosen point, the "kriging believer"), so the next choice looks
 * elsewhere; pending evaluations are fantasised the same way before the first choice. With a Monte Carlo
 * acquisition ({@link Acquisitions#qExpectedImprovement}, {@link Acquisitions#qNoisyExpectedImprovement})
 * each choice instead maximises the joint value of the batch so far (pending points included) plus the
 * candidate, on fixed quasi-random base samples.
 *
 * <pre>{@code
 * Strategy bo = BayesianOptimization.builder().acquisition(Acquisitions.upperConfidenceBound(2)).build();
 * List<Proposal> next = bo.propose(ProposalRequest.of(space, goal, observations, 3, seed));
 * }</pre>
 */
public final class BayesianOptimization implements Strategy {

    private final Surrogate surrogate;
    private final Acquisition acquisition;
    private final int initialPoints;
    private final int rawSamples;
    private final int refined;

    private BayesianOptimization(Builder b) {
        this.surrogate = b.surrogate;
        this.acquisition = b.acquisition;
        this.initialPoints = b.initialPoints;
        this.rawSamples = b.rawSamples;
        this.refined = b.refined;
    }

    /** @return a builder (Matérn 5/2 GP, log-EI, 10 initial points, 1,024 raw samples, 3 refined) */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "bo-" + acquisition.name();
    }

    @Override
    public List<Proposal> propose(ProposalRequest request) {
        if (request.goal().isMultiObjective()) {
            throw new IllegalArgumentException("goal has " + request.goal().objectives().size()
                    + " objectives; use MultiObjectiveOptimization for more than one");
        }
        History history = new History(request);
        if (history.measured.size() < initialPoints) {
            return new SpaceFilling(SpaceFilling.Design.SOBOL).propose(request);
        }
        Objective objective = request.goal().objectives().get(0);
        double[] y = history.minimized(objective);
        SurrogateModel fitted = surrogate.fit(history.trainingSet(y, objective.outcome()));
        ModelState state = fitted.state();
        List<ConstraintModel> constraints = constraintModels(history);
        double incumbent = incumbent(y, history.satisfiesGoal());
        Greedy greedy = acquisition instanceof MonteCarloAcquisition mc
                ? new MonteCarloGreedy(mc.batch(fitted, history.pendingFeatures,
                        request.batchSize(), incumbent, request.seed()))
                : new BelieverGreedy(fitted, history.pendingFeatures, incumbent);
        double[][] around = IntStream.range(0, y.length).boxed().sorted(Comparator.comparingDouble(i -> y[i]))
                .limit(5).map(i -> history.features[i]).toArray(double[][]::new);
        List<CandidateSearch.Point> candidates = CandidateSearch.candidates(history, rawSamples, around, request.seed());
        double[][] features = candidates.stream().map(CandidateSearch.Point::features).toArray(double[][]::new);
        List<Proposal> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int k = 0; k < request.batchSize() && used.size() < candidates.size(); k++) {
            double[] scores = weighted(greedy.score(features), features, constraints);
            Integer[] order = IntStream.range(0, features.length).boxed()
                    .filter(i -> !used.contains(candidates.get(i).candidate().id()))
                    .sorted(Comparator.comparingDouble(i -> -scores[i])).limit(refined).toArray(Integer[]::new);
            CandidateSearch.Point best = candidates.get(order[0]);
            double bestScore = scores[order[0]];
            for (Integer i : order) {
                CandidateSearch.Point r = CandidateSearch.refine(history, candidates.get(i),
                        f -> weighted(greedy.score(new double[][] {f}), new double[][] {f}, constraints)[0], used);
                double s = r == candidates.get(i) ? scores[i]
                        : weighted(greedy.score(new double[][] {r.features()}), new double[][] {r.features()},
                                constraints)[0];
                if (s > bestScore) {
                    best = r;
                    bestScore = s;
                }
            }
            used.add(best.candidate().id());
            out.add(new Proposal(best.candidate(), name(), OptionalDouble.of(bestScore), Optional.of(state)));
            greedy.choose(best.features());
        }
        return out;
    }

    /** How a batch is filled one choice at a time. */
    private interface Greedy {
        double[] score(double[][] points);

        void choose(double[] features);
    }

    /** Kriging believer: condition on the model's own mean at each pending or chosen point. */
    private final class BelieverGreedy implements Greedy {
        private SurrogateModel model;
        private final double incumbent;

        BelieverGreedy(SurrogateModel fitted, double[][] pending, double incumbent) {
            this.model = fitted;
            this.incumbent = incumbent;
            for (double[] p : pending) {
                choose(p);
            }
        }

        @Override
        public double[] score(double[][] points) {
            return acquisition.score(model, points, incumbent);
        }

        @Override
        public void choose(double[] features) {
            model = model.withPoint(features, model.predict(features).mean(), 0);
        }
    }

    /** Monte Carlo qEI/qNEI: the joint value of the batch so far plus each candidate. */
    private record MonteCarloGreedy(MonteCarloAcquisition.Batch batch) implements Greedy {
        @Override
        public double[] score(double[][] points) {
            return batch.score(points);
        }

        @Override
        public void choose(double[] features) {
            batch.add(features);
        }
    }

    private record ConstraintModel(OutcomeConstraint constraint, SurrogateModel model) {
    }

    private List<ConstraintModel> constraintModels(History history) {
        List<ConstraintModel> out = new ArrayList<>();
        for (OutcomeConstraint c : history.request.goal().constraints()) {
            double[] values = history.measured.stream()
                    .mapToDouble(o -> o.value(c.outcome()).orElse(Double.NaN)).toArray();
            if (java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).count() >= 2) {
                out.add(new ConstraintModel(c, surrogate.fit(history.trainingSet(values, c.outcome()))));
            }
        }
        return out;
    }

    /** Weights scores by the probability that every constrained outcome lies in its band. */
    private double[] weighted(double[] scores, double[][] features, List<ConstraintModel> constraints) {
        if (constraints.isEmpty()) {
            return scores;
        }
        double[] logFeasible = new double[scores.length];
        for (ConstraintModel c : constraints) {
            Prediction[] p = c.model().predict(features);
            for (int i = 0; i < scores.length; i++) {
                double sd = Math.max(p[i].standardDeviation(), 1e-9);
                double upper = Double.isInfinite(c.constraint().upper()) ? 1
                        : Normal.cdf((c.constraint().upper() - p[i].mean()) / sd);
                double lower = Double.isInfinite(c.constraint().lower()) ? 0
                        : Normal.cdf((c.constraint().lower() - p[i].mean()) / sd);
                logFeasible[i] += Math.log(Math.max(upper - lower, 1e-300));
            }
        }
        boolean logScale = acquisition.name().startsWith("log");
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            double pf = Math.exp(logFeasible[i]);
            out[i] = logScale ? scores[i] + logFeasible[i]
                    : scores[i] >= 0 ? scores[i] * pf : scores[i] / Math.max(pf, 1e-12);
        }
        return out;
    }

    private static double incumbent(double[] y, boolean[] feasible) {
        double best = Double.POSITIVE_INFINITY;
        double bestAny = Double.POSITIVE_INFINITY;
        for (int i = 0; i < y.length; i++) {
            bestAny = Math.min(bestAny, y[i]);
            if (feasible[i]) {
                best = Math.min(best, y[i]);
            }
        }
        return Double.isFinite(best) ? best : bestAny;
    }

    /** Configures {@link BayesianOptimization}. */
    public static final class Builder {
        private Surrogate surrogate = GaussianProcess.builder().restarts(2).build();
        private Acquisition acquisition = Acquisitions.logExpectedImprovement();
        private int initialPoints = 10;
        private int rawSamples = 1024;
        private int refined = 3;

        private Builder() {
        }

        /** @param surrogate the model (default a Matérn 5/2 GP with 2 restarts)  @return this builder (for chaining) */
        public Builder surrogate(Surrogate surrogate) {
            this.surrogate = Objects.requireNonNull(surrogate, "surrogate");
            return this;
        }

        /** @param acquisition the acquisition (default log-EI)  @return this builder (for chaining) */
        public Builder acquisition(Acquisition acquisition) {
            this.acquisition = Objects.requireNonNull(acquisition, "acquisition");
            return this;
        }

        /** @param count Sobol points before the first model (&gt;= 1, default 10)  @return this builder (for chaining) */
        public Builder initialPoints(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("initialPoints must be >= 1, got " + count);
            }
            this.initialPoints = count;
            return this;
        }

        /** @param count Sobol candidates scored per choice (&gt;= 16, default 1,024)  @return this builder (for chaining) */
        public Builder rawSamples(int count) {
            if (count < 16) {
                throw new IllegalArgumentException("rawSamples must be >= 16, got " + count);
            }
            this.rawSamples = count;
            return this;
        }

        /** @param count best candidates refined by local search (&gt;= 1, default 3)  @return this builder (for chaining) */
        public Builder refined(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("refined must be >= 1, got " + count);
            }
            this.refined = count;
            return this;
        }

        /** @return the strategy */
        public BayesianOptimization build() {
            return new BayesianOptimization(this);
        }
    }
}
