package dev.orion.core.plot;

import java.util.Objects;

/**
 * A model's prediction of one observed value, as {@link Plots#parity} draws it.
 *
 * @param label             what was predicted (e.g. a candidate id)
 * @param observed          the observed value
 * @param predicted         the predicted value
 * @param standardDeviation the prediction's standard deviation (&gt;= 0; 0 when the model gives none)
 */
public record ParityPoint(String label, double observed, double predicted, double standardDeviation) {

    /** Validates. */
    public ParityPoint {
        Objects.requireNonNull(label, "label");
        if (!Double.isFinite(observed) || !Double.isFinite(predicted)) {
            throw new IllegalArgumentException("observed and predicted must be finite, got " + observed + " and " + predicted);
        }
        if (!(standardDeviation >= 0) || Double.isInfinite(standardDeviation)) {
            throw new IllegalArgumentException("standardDeviation must be finite and >= 0, got " + standardDeviation);
        }
    }
}
