package dev.orion.llm.router.experiment;

/** The few statistics the experiments need: normal CDF, Wilson interval, z and Welch tests. */
final class Statistics {

    static final double Z95 = 1.959963984540054;

    private Statistics() {
    }

    /** Standard normal CDF via the complementary error function (Numerical Recipes erfc, |error| < 1.2e-7). */
    static double normalCdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    static double twoSidedP(double z) {
        return 2 * (1 - normalCdf(Math.abs(z)));
    }

    /** Wilson score interval at 95%: {low, high}. */
    static double[] wilson(long successes, long n) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denom;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** Two-proportion z-test p-value; NaN when undefined. */
    static double twoProportionP(long s1, long n1, long s2, long n2) {
        if (n1 == 0 || n2 == 0) {
            return Double.NaN;
        }
        double pooled = (double) (s1 + s2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (se == 0) {
            return 1.0;
        }
        return twoSidedP(((double) s1 / n1 - (double) s2 / n2) / se);
    }

    /** Welch test p-value using the normal approximation (fine for the sample sizes a stop rule needs). */
    static double welchP(double mean1, double var1, long n1, double mean2, double var2, long n2) {
        if (n1 < 2 || n2 < 2) {
            return Double.NaN;
        }
        double se = Math.sqrt(var1 / n1 + var2 / n2);
        if (se == 0) {
            return mean1 == mean2 ? 1.0 : 0.0;
        }
        return twoSidedP((mean1 - mean2) / se);
    }
}
