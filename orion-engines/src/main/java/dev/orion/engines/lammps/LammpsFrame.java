package dev.orion.engines.lammps;

import dev.orion.structure.Lattice;
import dev.orion.structure.Matrix3;

/**
 * The rotation between a structure's Cartesian frame and LAMMPS's (a along x, b in the xy plane),
 * as {@code LammpsDataWriter} applies it: {@code v_lammps = Q v}. Results are rotated back, so
 * forces, stresses and final cells come out in the frame of the input structure.
 */
final class LammpsFrame {

    /** Rows are the unit vectors of LAMMPS's x, y and z in the structure's frame. */
    private final double[] q;

    private LammpsFrame(double[] q) {
        this.q = q;
    }

    static LammpsFrame of(Lattice lattice) {
        double[] a = lattice.vector(0);
        double[] x = Matrix3.scale(a, 1 / Matrix3.norm(a));
        double[] n = Matrix3.cross(x, lattice.vector(1));
        double[] z = Matrix3.scale(n, 1 / Matrix3.norm(n));
        double[] y = Matrix3.cross(z, x);
        return new LammpsFrame(new double[] {x[0], x[1], x[2], y[0], y[1], y[2], z[0], z[1], z[2]});
    }

    /** @param v a vector in LAMMPS's frame  @return it in the structure's frame ({@code Q^T v}) */
    double[] toStructure(double[] v) {
        return Matrix3.applyTransposed(q, v);
    }

    /** @param t a tensor in LAMMPS's frame  @return {@code Q^T t Q} */
    double[][] tensorToStructure(double[][] t) {
        return Matrix3.rows(Matrix3.multiply(Matrix3.multiply(Matrix3.transpose(q), Matrix3.flat(t)), q));
    }
}
