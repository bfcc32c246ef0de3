package dev.orion.core.campaign.internal;

/** The standard normal density, distribution function and the log of expected improvement. */
public final class Normal {

    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    private static final double LOG_SQRT_2PI = Math.log(SQRT_2PI);

    private Normal() {
    }

    /** @param z a point  @return the standard normal density */
    public static double pdf(double z) {
        return Math.exp(-0.5 * z * z) / SQRT_2PI;
    }

    /** @param z a point  @return the standard normal distribution function (|error| &lt; 1.5e-7) */
    public static double cdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /**
     * Complementary error function, Numerical Recipes' Chebyshev fit (relative error &lt; 1.2e-7).
     *
     * @param x a point
     * @return erfc(x)
     */
    public static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    /**
     * The expected improvement of a unit normal over a threshold, {@code h(z) = z Phi(z) + phi(z)}.
     *
     * @param z (incumbent - mean) / sd
     * @return h(z)
     */
    public static double improvement(double z) {
        return z * cdf(z) + pdf(z);
    }

    /**
     * log h(z), accurate for very negative z where h underflows (the asymptotic expansion
     * {@code h(z) ~ phi(z)/z^2 (1 - 3/z^2 + 15/z^4)}), so log-EI still ranks points far from the incumbent.
     *
     * @param z (incumbent - mean) / sd
     * @return log h(z)
     */
    public static double logImprovement(double z) {
        if (z > -6) {
            return Math.log(improvement(z));
        }
        double z2 = z * z;
        return -0.5 * z2 - LOG_SQRT_2PI - Math.log(z2) + Math.log1p(-3 / z2 + 15 / (z2 * z2));
    }
}
