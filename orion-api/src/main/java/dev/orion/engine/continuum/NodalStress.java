package dev.orion.engine.continuum;

/**
 * The Cauchy stress at a node, extrapolated from the integration points of the elements around it
 * and averaged (CalculiX's {@code .frd} {@code STRESS}), in pressure units with tension positive.
 *
 * @param xx σxx
 * @param yy σyy
 * @param zz σzz
 * @param xy σxy
 * @param xz σxz
 * @param yz σyz
 */
public record NodalStress(double xx, double yy, double zz, double xy, double xz, double yz) {

    /** @return the von Mises equivalent stress */
    public double vonMises() {
        return vonMises(xx, yy, zz, xy, xz, yz);
    }

    static double vonMises(double xx, double yy, double zz, double xy, double xz, double yz) {
        double d = (xx - yy) * (xx - yy) + (yy - zz) * (yy - zz) + (zz - xx) * (zz - xx);
        return Math.sqrt(0.5 * d + 3 * (xy * xy + xz * xz + yz * yz));
    }
}
