package dev.orion.core.campaign.selection;

import dev.orion.campaign.Prediction;
import dev.orion.campaign.SelectionInput;
import dev.orion.campaign.Selector;
import java.util.Objects;

/**
 * Active-learning selectors (as in modAL), each picking the pool items whose labels would teach the model
 * most:
 * <ul>
 *   <li>classifiers (need {@code probabilities}): {@link #entropy()} (the most uncertain over all
 *       classes), {@link #margin()} (the smallest gap between the two likeliest classes),
 *       {@link #leastConfidence()} (the lowest top-class probability);</li>
 *   <li>regressors: {@link #maxVariance()} (needs {@code predictions}), {@link #queryByCommittee()} (the
 *       largest disagreement between committee members; needs {@code committee});</li>
 *   <li>{@link #diverse(Selector, double)}: spreads any selector's batch out in feature space (needs
 *       {@code features}), so a batch does not spend its labels on near-duplicates.</li>
 * </ul>
 * Ties are broken by the lower index, so selections are deterministic.
 */
public final class Selectors {

    private Selectors() {
    }

    /** @return Shannon entropy of the class probabilities */
    public static Selector entropy() {
        return new ScoringSelector("entropy", pool -> {
            double[][] p = probabilities(pool);
            double[] s = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                for (double v : p[i]) {
                    s[i] -= v > 0 ? v * Math.log(v) : 0;
                }
            }
            return s;
        });
    }

    /** @return one minus the gap between the two likeliest classes */
    public static Selector margin() {
        return new ScoringSelector("margin", pool -> {
            double[][] p = probabilities(pool);
            double[] s = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                double first = 0;
                double second = 0;
                for (double v : p[i]) {
                    if (v > first) {
                        second = first;
                        first = v;
                    } else if (v > second) {
                        second = v;
                    }
                }
                s[i] = 1 - (first - second);
            }
            return s;
        });
    }

    /** @return one minus the top-class probability */
    public static Selector leastConfidence() {
        return new ScoringSelector("least-confidence", pool -> {
            double[][] p = probabilities(pool);
            double[] s = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                s[i] = 1 - java.util.Arrays.stream(p[i]).max().orElse(0);
            }
            return s;
        });
    }

    /** @return the predictive variance */
    public static Selector maxVariance() {
        return new ScoringSelector("max-variance", pool -> {
            Prediction[] p = pool.predictions().orElseThrow(() -> missing("predictions", "max-variance"));
            double[] s = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                s[i] = p[i].variance();
            }
            return s;
        });
    }

    /** @return the variance of the committee members' predictions */
    public static Selector queryByCommittee() {
        return new ScoringSelector("query-by-committee", pool -> {
            double[][] c = pool.committee().orElseThrow(() -> missing("committee", "query-by-committee"));
            double[] s = new double[pool.size()];
            for (int i = 0; i < s.length; i++) {
                double sum = 0;
                double squares = 0;
                for (double[] member : c) {
                    sum += member[i];
                    squares += member[i] * member[i];
                }
                double mean = sum / c.length;
                s[i] = Math.max(0, squares / c.length - mean * mean);
            }
            return s;
        });
    }

    /**
     * @param base   the selector whose scores rank items
     * @param weight how much distance counts against score, in [0, 1]: each pick maximises
     *               {@code (1 - weight) * normalised score + weight * normalised distance to the picks so far}
     * @return a diversity-aware selector
     */
    public static Selector diverse(Selector base, double weight) {
        Objects.requireNonNull(base, "base");
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be in [0, 1], got " + weight);
        }
        return new DiverseSelector(base, weight);
    }

    private static double[][] probabilities(SelectionInput pool) {
        return pool.probabilities().orElseThrow(() -> missing("probabilities", "this classifier selector"));
    }

    static IllegalArgumentException missing(String part, String selector) {
        return new IllegalArgumentException("pool has no " + part + ", which " + selector + " needs");
    }
}
