package dev.orion.core.campaign.strategy;

import dev.orion.campaign.Acquisition;
import dev.orion.campaign.Prediction;
import dev.orion.campaign.SurrogateModel;
import dev.orion.campaign.TrainingSet;
import dev.orion.core.campaign.internal.Normal;

/**
 * The analytic acquisition functions, for an outcome to minimise:
 * <ul>
 *   <li>{@link #expectedImprovement()}: the classic EI, balanced; flat (zero) far from the incumbent.</li>
 *   <li>{@link #logExpectedImprovement()}: log of EI, computed stably where EI underflows, so the optimiser
 *       still sees a slope (BoTorch's recommendation; the default of {@link BayesianOptimization}).</li>
 *   <li>{@link #probabilityOfImprovement()}: greedy; good when any improvement matters.</li>
 *   <li>{@link #upperConfidenceBound(double)}: {@code -(mean - sqrt(beta) sd)}, exploration set by beta.</li>
 *   <li>{@link #noisyExpectedImprovement()}: EI over the best posterior mean at the observed points
 *       instead of the best (noisy) observation, so one lucky noisy value does not stop the search.</li>
 *   <li>{@link #qExpectedImprovement(int)} and {@link #qNoisyExpectedImprovement(int)}: Monte Carlo batch
 *       EI and noisy EI on fixed quasi-random base samples. In {@link BayesianOptimization} a batch of q is
 *       then chosen by sequential greedy maximisation of the joint batch value, pending evaluations
 *       included, instead of the kriging believer's fantasies. They need a GP surrogate.</li>
 * </ul>
 */
public final class Acquisitions {

    private Acquisitions() {
    }

    /** @return expected improvement */
    public static Acquisition expectedImprovement() {
        return new Analytic("ei", 0, Analytic.Kind.EI);
    }

    /** @return the logarithm of expected improvement */
    public static Acquisition logExpectedImprovement() {
        return new Analytic("log-ei", 0, Analytic.Kind.LOG_EI);
    }

    /** @return probability of improvement */
    public static Acquisition probabilityOfImprovement() {
        return new Analytic("pi", 0, Analytic.Kind.PI);
    }

    /**
     * @param beta the exploration weight (&gt;= 0; 0 is pure exploitation, 2-4 is typical)
     * @return the (lower, for minimisation) confidence bound, negated so that larger is better
     */
    public static Acquisition upperConfidenceBound(double beta) {
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and >= 0, got " + beta);
        }
        return new Analytic("ucb", beta, Analytic.Kind.UCB);
    }

    /** @return expected improvement over the best posterior mean at the observed points */
    public static Acquisition noisyExpectedImprovement() {
        return new Analytic("noisy-ei", 0, Analytic.Kind.NOISY_EI);
    }

    /**
     * @param samples Monte Carlo samples of the joint posterior (&gt;= 16; 256 or more is typical)
     * @return batch expected improvement (qEI); at q = 1 it is EI up to Monte Carlo error
     */
    public static Acquisition qExpectedImprovement(int samples) {
        return new MonteCarloAcquisition(false, samples);
    }

    /**
     * @param samples Monte Carlo samples of the joint posterior (&gt;= 16; 256 or more is typical)
     * @return batch noisy expected improvement (qNEI): the improvement over the best of the observed points'
     *         latent values, sampled jointly with the batch
     */
    public static Acquisition qNoisyExpectedImprovement(int samples) {
        return new MonteCarloAcquisition(true, samples);
    }

    /** The analytic acquisitions as one small class; they differ only in the formula per point. */
    private record Analytic(String name, double beta, Kind kind) implements Acquisition {

        enum Kind { EI, LOG_EI, PI, UCB, NOISY_EI }

        @Override
        public double[] score(SurrogateModel model, double[][] points, double incumbent) {
            double best = kind == Kind.NOISY_EI ? bestMean(model, incumbent) : incumbent;
            Prediction[] p = model.predict(points);
            double[] out = new double[points.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = value(p[i], best);
            }
            return out;
        }

        private double value(Prediction p, double best) {
            double sd = p.standardDeviation();
            if (kind == Kind.UCB) {
                return -(p.mean() - Math.sqrt(beta) * sd);
            }
            if (sd < 1e-12) {
                double gain = Math.max(0, best - p.mean());
                return switch (kind) {
                    case PI -> gain > 0 ? 1 : 0;
                    case LOG_EI -> gain > 0 ? Math.log(gain) : -1e300;
                    default -> gain;
                };
            }
            double z = (best - p.mean()) / sd;
            return switch (kind) {
                case PI -> Normal.cdf(z);
                case LOG_EI -> Math.log(sd) + Normal.logImprovement(z);
                default -> sd * Normal.improvement(z);
            };
        }

        private static double bestMean(SurrogateModel model, double incumbent) {
            TrainingSet data = model.data();
            if (data.size() == 0) {
                return incumbent;
            }
            double best = Double.POSITIVE_INFINITY;
            for (Prediction p : model.predict(data.inputs())) {
                best = Math.min(best, p.mean());
            }
            return best;
        }
    }
}
