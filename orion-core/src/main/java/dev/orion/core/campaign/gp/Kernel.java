package dev.orion.core.campaign.gp;

/**
 * A stationary covariance function of the scaled distance {@code r = sqrt(sum (dx_j / l_j)^2)}, times a
 * signal variance.
 */
public enum Kernel {

    /** Matérn with smoothness 5/2: twice differentiable, the usual choice for physical outcomes. */
    MATERN_52("matern52"),

    /** Radial basis function (squared exponential): infinitely smooth. */
    RBF("rbf");

    private static final double SQRT5 = Math.sqrt(5);

    private final String label;

    Kernel(String label) {
        this.label = label;
    }

    /** @return a short label ("matern52", "rbf") */
    public String label() {
        return label;
    }

    /** @param r2 the squared scaled distance  @return the correlation (1 at r = 0) */
    double correlation(double r2) {
        if (this == RBF) {
            return Math.exp(-0.5 * r2);
        }
        double r = Math.sqrt(r2);
        return (1 + SQRT5 * r + 5.0 / 3.0 * r2) * Math.exp(-SQRT5 * r);
    }

    /**
     * @param r2 the squared scaled distance
     * @return g / correlation, where d correlation / d log l_j = g * (dx_j / l_j)^2 (no exponential: the
     *         likelihood's gradient takes the correlation from the covariance matrix it already built)
     */
    double lengthScaleFactorRatio(double r2) {
        if (this == RBF) {
            return 1;
        }
        double sr = SQRT5 * Math.sqrt(r2);
        return 5.0 / 3.0 * (1 + sr) / (1 + sr + 5.0 / 3.0 * r2);
    }
}
