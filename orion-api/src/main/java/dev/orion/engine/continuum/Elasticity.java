package dev.orion.engine.continuum;

/**
 * Linear elasticity of a {@link Material}: isotropic (Young's modulus and Poisson's ratio) or
 * cubic (C11, C12, C44 in the material's cubic axes, which ORION aligns with the mesh's x, y, z).
 */
public sealed interface Elasticity {

    /**
     * @param youngsModulus E, in pressure units (Pa), > 0
     * @param poissonRatio  ν, in (-1, 0.5)
     * @return isotropic elasticity
     */
    static Isotropic isotropic(double youngsModulus, double poissonRatio) {
        return new Isotropic(youngsModulus, poissonRatio);
    }

    /**
     * @param c11 C11 (Pa)
     * @param c12 C12 (Pa)
     * @param c44 C44 (Pa)
     * @return cubic elasticity
     */
    static Cubic cubic(double c11, double c12, double c44) {
        return new Cubic(c11, c12, c44);
    }

    /**
     * Isotropic elasticity.
     *
     * @param youngsModulus E (> 0)
     * @param poissonRatio  ν (between -1 and 0.5, exclusive)
     */
    record Isotropic(double youngsModulus, double poissonRatio) implements Elasticity {
        /** Validates. */
        public Isotropic {
            if (!(youngsModulus > 0) || !Double.isFinite(youngsModulus)) {
                throw new IllegalArgumentException("youngsModulus must be finite and > 0, got " + youngsModulus);
            }
            if (!(poissonRatio > -1 && poissonRatio < 0.5)) {
                throw new IllegalArgumentException("poissonRatio must be in (-1, 0.5), got " + poissonRatio);
            }
        }
    }

    /**
     * Cubic elasticity; the stiffness must be positive definite (C44 > 0, C11 > |C12|, C11 + 2 C12 > 0).
     *
     * @param c11 C11
     * @param c12 C12
     * @param c44 C44
     */
    record Cubic(double c11, double c12, double c44) implements Elasticity {
        /** Validates. */
        public Cubic {
            if (!Double.isFinite(c11) || !Double.isFinite(c12) || !Double.isFinite(c44)
                    || !(c44 > 0) || !(c11 > Math.abs(c12)) || !(c11 + 2 * c12 > 0)) {
                throw new IllegalArgumentException("cubic constants must be finite and positive definite "
                        + "(C44 > 0, C11 > |C12|, C11 + 2 C12 > 0), got C11=" + c11 + ", C12=" + c12 + ", C44=" + c44);
            }
        }
    }
}
