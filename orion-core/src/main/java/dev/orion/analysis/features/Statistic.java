package dev.orion.analysis.features;

/**
 * Statistics of a property over the elements of a composition, each element weighted by its atomic
 * fraction (as matminer's Magpie-style {@code ElementProperty} featuriser does).
 */
public enum Statistic {
    /** Fraction-weighted mean. */
    MEAN("mean"),
    /** Smallest value over the elements present. */
    MIN("min"),
    /** Largest value over the elements present. */
    MAX("max"),
    /** {@code max - min}. */
    RANGE("range"),
    /** Fraction-weighted population standard deviation, {@code sqrt(sum x_i (p_i - mean)^2)}. */
    STD_DEV("std"),
    /** Value of the most abundant element; among equally abundant ones, the smallest value. */
    MODE("mode");

    private final String featureName;

    Statistic(String featureName) {
        this.featureName = featureName;
    }

    /** The suffix of this statistic's feature names ({@code "std"} in {@code "Z_std"}). */
    public String featureName() {
        return featureName;
    }

    /** This statistic of {@code values} weighted by {@code weights} (which sum to 1, all positive). */
    double of(double[] values, double[] weights) {
        double mean = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                return Double.NaN;
            }
            mean += weights[i] * values[i];
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        return switch (this) {
            case MEAN -> mean;
            case MIN -> min;
            case MAX -> max;
            case RANGE -> max - min;
            case STD_DEV -> {
                double var = 0;
                for (int i = 0; i < values.length; i++) {
                    double d = values[i] - mean;
                    var += weights[i] * d * d;
                }
                yield Math.sqrt(var);
            }
            case MODE -> {
                int best = 0;
                for (int i = 1; i < values.length; i++) {
                    // abundances within rounding count as ties
                    double diff = weights[i] - weights[best];
                    if (diff > 1e-12 || (Math.abs(diff) <= 1e-12 && values[i] < values[best])) {
                        best = i;
                    }
                }
                yield values[best];
            }
        };
    }
}
