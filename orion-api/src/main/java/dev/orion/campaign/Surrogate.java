package dev.orion.campaign;

/**
 * Fits a model of one outcome from encoded inputs (a Gaussian process, a committee of models). Pure and
 * deterministic for a given configuration and data.
 */
public interface Surrogate {

    /** @return a short name ("gp-matern52") */
    String name();

    /**
     * @param data the training data, at least one point
     * @return the fitted model
     * @throws IllegalArgumentException if the data is empty or of the wrong width
     */
    SurrogateModel fit(TrainingSet data);
}
