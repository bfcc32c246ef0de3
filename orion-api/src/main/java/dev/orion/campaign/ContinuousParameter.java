package dev.orion.campaign;

/**
 * A real parameter in {@code [lower, upper]}; on a log scale (both bounds positive) models and samplers
 * work with its logarithm, which suits quantities that span decades (pressures, concentrations).
 *
 * @param name     the name
 * @param lower    the smallest value
 * @param upper    the largest value, greater than {@code lower}
 * @param logScale whether to work on the logarithm
 */
public record ContinuousParameter(String name, double lower, double upper, boolean logScale) implements Parameter {

    /** Validates. */
    public ContinuousParameter {
        Checks.name("name", name);
        Checks.finite("lower of " + name, lower);
        Checks.finite("upper of " + name, upper);
        if (!(upper > lower)) {
            throw new IllegalArgumentException("upper of " + name + " must be > lower " + lower + ", got " + upper);
        }
        if (logScale && lower <= 0) {
            throw new IllegalArgumentException("lower of log-scale " + name + " must be > 0, got " + lower);
        }
    }

    /** @param name name  @param lower lower bound  @param upper upper bound  @return a linear-scale parameter */
    public static ContinuousParameter of(String name, double lower, double upper) {
        return new ContinuousParameter(name, lower, upper, false);
    }

    /** @param name name  @param lower lower bound (&gt; 0)  @param upper upper bound  @return a log-scale parameter */
    public static ContinuousParameter logScale(String name, double lower, double upper) {
        return new ContinuousParameter(name, lower, upper, true);
    }

    /** @param value a value  @return whether it lies within the bounds */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
