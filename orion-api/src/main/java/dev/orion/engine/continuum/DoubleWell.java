package dev.orion.engine.continuum;

/**
 * The double-well bulk free energy density of a phase-field model,
 * {@code f(c) = height (c - cAlpha)^2 (cBeta - c)^2}, with minima at the two equilibrium
 * concentrations {@code cAlpha} and {@code cBeta}. PFHub benchmark 1 uses {@code (5, 0.3, 0.7)}.
 *
 * @param height the barrier scale ρ (> 0)
 * @param cAlpha the first equilibrium concentration
 * @param cBeta  the second (> cAlpha)
 */
public record DoubleWell(double height, double cAlpha, double cBeta) {

    /** Validates. */
    public DoubleWell {
        if (!(height > 0) || !Double.isFinite(height)) {
            throw new IllegalArgumentException("height must be finite and > 0, got " + height);
        }
        if (!Double.isFinite(cAlpha) || !Double.isFinite(cBeta) || !(cBeta > cAlpha)) {
            throw new IllegalArgumentException("cBeta must exceed cAlpha, both finite, got " + cAlpha + ", " + cBeta);
        }
    }

    /** @param c a concentration  @return f(c) */
    public double energy(double c) {
        double a = c - cAlpha;
        double b = cBeta - c;
        return height * a * a * b * b;
    }

    /** @param c a concentration  @return f'(c), the bulk chemical potential */
    public double derivative(double c) {
        double a = c - cAlpha;
        double b = cBeta - c;
        return 2 * height * a * b * (b - a);
    }

    /** @param c a concentration  @return f''(c), the thermodynamic factor of the mobility {@code M = D / f''} */
    public double curvature(double c) {
        double a = c - cAlpha;
        double b = cBeta - c;
        return 2 * height * (a * a - 4 * a * b + b * b);
    }

    /** @return the largest curvature f'' between the wells, 2 height (cBeta - cAlpha)^2 */
    public double maxCurvature() {
        double w = cBeta - cAlpha;
        return 2 * height * w * w;
    }
}
