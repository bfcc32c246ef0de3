package dev.orion.engines.lammps;

import dev.orion.structure.Lattice;

/**
 * The rotation between a structure's Cartesian frame and LAMMPS's (a along x, b in the xy plane),
 * as {@code LammpsDataWriter} applies it: {@code v_lammps = Q v}. Results are rotated back, so
 * forces, stresses and final cells come out in the frame of the input structure.
 */
final class LammpsFrame {

    private final double[][] q;

    private LammpsFrame(double[][] q) {
        this.q = q;
    }

    static LammpsFrame of(Lattice lattice) {
        double[] a = lattice.vector(0);
        double[] b = lattice.vector(1);
        double[] x = scale(a, 1 / norm(a));
        double[] n = cross(x, b);
        double[] z = scale(n, 1 / norm(n));
        double[] y = cross(z, x);
        return new LammpsFrame(new double[][] {x, y, z});
    }

    /** @param v a vector in LAMMPS's frame  @return it in the structure's frame ({@code Q^T v}) */
    double[] toStructure(double[] v) {
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                out[i] += q[k][i] * v[k];
            }
        }
        return out;
    }

    /** @param t a tensor in LAMMPS's frame  @return {@code Q^T t Q} */
    double[][] tensorToStructure(double[][] t) {
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    for (int l = 0; l < 3; l++) {
                        s += q[k][i] * t[k][l] * q[l][j];
                    }
                }
                out[i][j] = s;
            }
        }
        return out;
    }

    private static double norm(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }

    private static double[] scale(double[] v, double s) {
        return new double[] {v[0] * s, v[1] * s, v[2] * s};
    }

    private static double[] cross(double[] u, double[] v) {
        return new double[] {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
    }
}
