package dev.orion.campaign;

import java.util.Objects;
import java.util.Optional;

/**
 * What a model says about each item of an unlabelled pool, as a {@link Selector} needs it: class
 * probabilities (classifiers), predictions (regressors), committee members' predictions (query by
 * committee) and features (for diversity). Only the parts a selector uses need be given; arrays are
 * copied. Build with {@link #builder(int)}.
 */
public final class SelectionInput {

    private final int size;
    private final double[][] probabilities;
    private final Prediction[] predictions;
    private final double[][] committee;
    private final double[][] features;

    private SelectionInput(Builder b) {
        this.size = b.size;
        this.probabilities = b.probabilities;
        this.predictions = b.predictions;
        this.committee = b.committee;
        this.features = b.features;
    }

    /** @param size the number of pool items (&gt;= 1)  @return a builder */
    public static Builder builder(int size) {
        return new Builder(Checks.positive("size", size));
    }

    /** @return the number of pool items */
    public int size() {
        return size;
    }

    /** @return class probabilities, one row per item (each row sums to one), if given */
    public Optional<double[][]> probabilities() {
        return Optional.ofNullable(probabilities).map(SelectionInput::copy);
    }

    /** @return a prediction per item, if given */
    public Optional<Prediction[]> predictions() {
        return Optional.ofNullable(predictions).map(Prediction[]::clone);
    }

    /** @return committee predictions, one row per member and one column per item, if given */
    public Optional<double[][]> committee() {
        return Optional.ofNullable(committee).map(SelectionInput::copy);
    }

    /** @return features, one row per item, if given */
    public Optional<double[][]> features() {
        return Optional.ofNullable(features).map(SelectionInput::copy);
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    private static double[][] rows(String argument, double[][] a, int rows) {
        Objects.requireNonNull(a, argument);
        if (a.length != rows) {
            throw new IllegalArgumentException(argument + " must have " + rows + " rows, got " + a.length);
        }
        double[][] c = new double[rows][];
        for (int i = 0; i < rows; i++) {
            c[i] = Checks.finiteCopy(argument + "[" + i + "]", a[i]);
            if (c[i].length == 0 || c[i].length != c[0].length) {
                throw new IllegalArgumentException(argument + "[" + i + "] must have " + c[0].length
                        + " >= 1 columns, got " + c[i].length);
            }
        }
        return c;
    }

    /** Collects the parts of a selection input. */
    public static final class Builder {
        private final int size;
        private double[][] probabilities;
        private Prediction[] predictions;
        private double[][] committee;
        private double[][] features;

        private Builder(int size) {
            this.size = size;
        }

        /**
         * @param probabilities one row per item, entries in [0, 1] summing to one within 1e-6
         * @return this builder (for chaining)
         */
        public Builder probabilities(double[][] probabilities) {
            double[][] p = rows("probabilities", probabilities, size);
            for (int i = 0; i < size; i++) {
                double sum = 0;
                for (double v : p[i]) {
                    if (v < 0 || v > 1) {
                        throw new IllegalArgumentException("probabilities[" + i + "] must be in [0, 1], got " + v);
                    }
                    sum += v;
                }
                if (Math.abs(sum - 1) > 1e-6) {
                    throw new IllegalArgumentException("probabilities[" + i + "] must sum to 1, got " + sum);
                }
            }
            this.probabilities = p;
            return this;
        }

        /** @param predictions one per item  @return this builder (for chaining) */
        public Builder predictions(Prediction[] predictions) {
            Objects.requireNonNull(predictions, "predictions");
            if (predictions.length != size) {
                throw new IllegalArgumentException("predictions must have " + size + " entries, got "
                        + predictions.length);
            }
            for (int i = 0; i < size; i++) {
                Objects.requireNonNull(predictions[i], "predictions[" + i + "]");
            }
            this.predictions = predictions.clone();
            return this;
        }

        /** @param committee one row per member (&gt;= 2), one column per item  @return this builder (for chaining) */
        public Builder committee(double[][] committee) {
            Objects.requireNonNull(committee, "committee");
            if (committee.length < 2) {
                throw new IllegalArgumentException("committee must have >= 2 members, got " + committee.length);
            }
            double[][] c = rows("committee", committee, committee.length);
            if (c[0].length != size) {
                throw new IllegalArgumentException("committee rows must have " + size + " columns, got "
                        + c[0].length);
            }
            this.committee = c;
            return this;
        }

        /** @param features one row per item  @return this builder (for chaining) */
        public Builder features(double[][] features) {
            this.features = rows("features", features, size);
            return this;
        }

        /** @return the input */
        public SelectionInput build() {
            return new SelectionInput(this);
        }
    }
}
