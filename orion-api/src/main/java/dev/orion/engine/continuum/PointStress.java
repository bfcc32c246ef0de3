package dev.orion.engine.continuum;

/**
 * The Cauchy stress at one integration point of an element, in pressure units (tension positive,
 * the engineering sign, unlike {@link dev.orion.engine.Stress}).
 *
 * @param element the element id
 * @param point   the integration point (from 1)
 * @param xx      σxx
 * @param yy      σyy
 * @param zz      σzz
 * @param xy      σxy
 * @param xz      σxz
 * @param yz      σyz
 */
public record PointStress(int element, int point, double xx, double yy, double zz, double xy, double xz, double yz) {

    /** @return the von Mises equivalent stress */
    public double vonMises() {
        return NodalStress.vonMises(xx, yy, zz, xy, xz, yz);
    }
}
