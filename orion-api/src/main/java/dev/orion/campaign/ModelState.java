package dev.orion.campaign;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The serialisable state of a fitted surrogate: what a model registry stores to reload the model on the
 * same data (a {@link Surrogate} that fits with fixed hyperparameters from this state reproduces it).
 *
 * @param kind                 the model kind ("gp-matern52", "committee")
 * @param hyperparameters      hyperparameters by name, in the model's order (e.g. {@code lengthScale.0})
 * @param dataHash             a hash of the training data (SHA-256 hex of inputs and targets)
 * @param trainingSize         how many points it was fitted on
 * @param logMarginalLikelihood the log marginal likelihood, if the model has one
 * @param crossValidatedRmse   the cross-validated root-mean-square error in target units, if computed
 */
public record ModelState(String kind, Map<String, Double> hyperparameters, String dataHash, int trainingSize,
                         OptionalDouble logMarginalLikelihood, OptionalDouble crossValidatedRmse) {

    /** Validates and copies (keeping the order). */
    public ModelState {
        Checks.name("kind", kind);
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        hyperparameters.forEach((k, v) -> Checks.finite("hyperparameter " + k, Objects.requireNonNull(v, k)));
        hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
        Checks.name("dataHash", dataHash);
        if (trainingSize < 0) {
            throw new IllegalArgumentException("trainingSize must be >= 0, got " + trainingSize);
        }
        Objects.requireNonNull(logMarginalLikelihood, "logMarginalLikelihood");
        Objects.requireNonNull(crossValidatedRmse, "crossValidatedRmse");
    }

    /**
     * @param name a hyperparameter
     * @return its value
     * @throws IllegalArgumentException naming it if absent
     */
    public double hyperparameter(String name) {
        Double v = hyperparameters.get(name);
        if (v == null) {
            throw new IllegalArgumentException("model state of kind " + kind + " has no hyperparameter " + name
                    + "; it has " + hyperparameters.keySet());
        }
        return v;
    }
}
