package dev.orion.engine;

/**
 * A symmetric stress tensor in GPa, sign convention of LAMMPS's pressure tensor and QE's stress
 * output: positive components mean the cell wants to expand (compressive state, positive pressure).
 * Pressure is {@code (xx + yy + zz) / 3}.
 *
 * @param xx xx component (GPa)
 * @param yy yy component (GPa)
 * @param zz zz component (GPa)
 * @param yz yz component (GPa)
 * @param xz xz component (GPa)
 * @param xy xy component (GPa)
 */
public record Stress(double xx, double yy, double zz, double yz, double xz, double xy) {

    /** GPa per kbar. */
    public static final double GPA_PER_KBAR = 0.1;
    /** GPa per bar (LAMMPS metal units). */
    public static final double GPA_PER_BAR = 1e-4;

    /** @return the pressure {@code (xx+yy+zz)/3} in GPa */
    public double pressure() {
        return (xx + yy + zz) / 3;
    }

    /** @return the tensor as a 3x3 array (a fresh copy) */
    public double[][] matrix() {
        return new double[][] {{xx, xy, xz}, {xy, yy, yz}, {xz, yz, zz}};
    }

    /** @param m a 3x3 tensor in GPa (the symmetric part is kept)  @return the stress */
    public static Stress of(double[][] m) {
        return new Stress(m[0][0], m[1][1], m[2][2], (m[1][2] + m[2][1]) / 2, (m[0][2] + m[2][0]) / 2,
                (m[0][1] + m[1][0]) / 2);
    }
}
