package dev.orion.campaign;

/**
 * A band an outcome must fall in for a candidate to count, e.g. a band gap in [1.5, 3] eV. Infinite bounds
 * mean one-sided.
 *
 * @param outcome the outcome's name
 * @param lower   the smallest acceptable value (may be negative infinity)
 * @param upper   the largest acceptable value (may be positive infinity), at least {@code lower}
 * @param unit    the unit both bounds are in (may be empty for dimensionless)
 */
public record OutcomeConstraint(String outcome, double lower, double upper, String unit) {

    /** Validates. */
    public OutcomeConstraint {
        Checks.name("outcome", outcome);
        if (Double.isNaN(lower) || Double.isNaN(upper) || upper < lower || lower == Double.POSITIVE_INFINITY
                || upper == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("bounds of " + outcome + " must satisfy lower <= upper, got ["
                    + lower + ", " + upper + "]");
        }
        java.util.Objects.requireNonNull(unit, "unit");
    }

    /** @param outcome outcome  @param lower lower  @param upper upper  @param unit unit  @return the band */
    public static OutcomeConstraint between(String outcome, double lower, double upper, String unit) {
        return new OutcomeConstraint(outcome, lower, upper, unit);
    }

    /** @param outcome outcome  @param upper upper  @param unit unit  @return {@code outcome <= upper} */
    public static OutcomeConstraint atMost(String outcome, double upper, String unit) {
        return new OutcomeConstraint(outcome, Double.NEGATIVE_INFINITY, upper, unit);
    }

    /** @param outcome outcome  @param lower lower  @param unit unit  @return {@code outcome >= lower} */
    public static OutcomeConstraint atLeast(String outcome, double lower, String unit) {
        return new OutcomeConstraint(outcome, lower, Double.POSITIVE_INFINITY, unit);
    }

    /** @param value a value  @return whether it lies in the band */
    public boolean isSatisfiedBy(double value) {
        return value >= lower && value <= upper;
    }
}
