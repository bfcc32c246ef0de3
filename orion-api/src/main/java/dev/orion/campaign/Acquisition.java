package dev.orion.campaign;

/**
 * Scores how much evaluating a point is worth under a surrogate model of an outcome to be minimised
 * (expected improvement, upper confidence bound, ...). Larger scores are better.
 */
public interface Acquisition {

    /** @return a short name ("ei", "log-ei", "ucb") */
    String name();

    /**
     * @param model      the model of the outcome, oriented so that smaller is better
     * @param points     inputs to score
     * @param incumbent  the best (smallest) value observed so far
     * @return one score per point
     */
    double[] score(SurrogateModel model, double[][] points, double incumbent);
}
