package dev.orion.campaign;

/**
 * A surrogate's prediction at one point: the posterior mean and variance of the latent function
 * (observation noise excluded).
 *
 * @param mean     the mean
 * @param variance the variance (&gt;= 0)
 */
public record Prediction(double mean, double variance) {

    /** Validates. */
    public Prediction {
        Checks.finite("mean", mean);
        if (!(variance >= 0) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("variance must be finite and >= 0, got " + variance);
        }
    }

    /** @return the standard deviation */
    public double standardDeviation() {
        return Math.sqrt(variance);
    }
}
