package dev.orion.campaign;

/**
 * Active learning over a pool: picks which unlabelled items to label next from what a model says about
 * them (class probabilities, predictive variance, committee disagreement), optionally spreading a batch
 * out in feature space. Pure and deterministic.
 */
public interface Selector {

    /** @return a short name ("entropy", "max-variance") */
    String name();

    /**
     * @param pool      what the model says about each pool item
     * @param batchSize how many to pick (&gt;= 1); fewer are returned when the pool is smaller
     * @return the chosen indices with their scores, best first
     * @throws IllegalArgumentException if the pool lacks what this selector needs, naming it
     */
    Selection select(SelectionInput pool, int batchSize);
}
