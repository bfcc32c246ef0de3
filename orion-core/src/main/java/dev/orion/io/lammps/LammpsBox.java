package dev.orion.io.lammps;

import dev.orion.structure.Lattice;
import dev.orion.structure.Matrix3;

/**
 * A lattice expressed as a LAMMPS box: a along x, b in the xy plane ({@code lx, ly, lz, xy, xz, yz}),
 * with the tilts LAMMPS accepts ({@code |xy| <= lx/2}, {@code |xz| <= lx/2}, {@code |yz| <= ly/2};
 * LAMMPS 29 Sep 2021 stops with "Triclinic box skew is too large" otherwise).
 *
 * <p>The box is the same lattice, rotated into LAMMPS's frame; when the tilts are too large, c and b
 * are replaced by equivalent vectors of the same lattice ({@code c - k b}, {@code c - k a},
 * {@code b - k a}), and a left-handed cell gets -c, since LAMMPS boxes are right-handed. The
 * fractional coordinates of a point are then {@link #fractional(double[])}.
 */
final class LammpsBox {

    final double lx;
    final double ly;
    final double lz;
    final double xy;
    final double xz;
    final double yz;
    /** Whether c was negated (left-handed input). */
    private final boolean flipped;
    /** The rotated but not reduced basis, rows. */
    private final double[][] rotated;
    private final Lattice original;

    private LammpsBox(Lattice original, boolean flipped, double[][] rotated, double[] reduced) {
        this.original = original;
        this.flipped = flipped;
        this.rotated = rotated;
        this.lx = reduced[0];
        this.ly = reduced[1];
        this.lz = reduced[2];
        this.xy = reduced[3];
        this.xz = reduced[4];
        this.yz = reduced[5];
    }

    static LammpsBox of(Lattice lattice) {
        double[] a = lattice.vector(0);
        double[] b = lattice.vector(1);
        double[] c = lattice.vector(2);
        boolean flipped = lattice.determinant() < 0;
        if (flipped) {
            c = new double[] {-c[0], -c[1], -c[2]};
        }
        // QR by unit vectors and a cross product: no cancellation for very skewed cells
        double lx = Matrix3.norm(a);
        double[] xHat = Matrix3.scale(a, 1 / lx);
        double[] normal = Matrix3.cross(xHat, b);
        double ly = Matrix3.norm(normal);
        double[] zHat = Matrix3.scale(normal, 1 / ly);
        double[] yHat = Matrix3.cross(zHat, xHat);
        double xy = Matrix3.dot(b, xHat);
        double xz = Matrix3.dot(c, xHat);
        double yz = Matrix3.dot(c, yHat);
        double lz = Matrix3.dot(c, zHat);
        double[][] rotated = {{lx, 0, 0}, {xy, ly, 0}, {xz, yz, lz}};
        // reduce the tilts by whole lattice vectors: c first against b (which moves xz), then against a
        if (Math.abs(yz) > ly / 2) {
            double k = Math.rint(yz / ly);
            yz -= k * ly;
            xz -= k * xy;
        }
        if (Math.abs(xz) > lx / 2) {
            xz -= Math.rint(xz / lx) * lx;
        }
        if (Math.abs(xy) > lx / 2) {
            xy -= Math.rint(xy / lx) * lx;
        }
        double[] box = {lx, ly, lz, xy, xz, yz};
        for (double v : box) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("the cell " + java.util.Arrays.deepToString(lattice.matrix())
                        + " cannot be written as a LAMMPS box: its components overflow double precision");
            }
        }
        if (!(lx > 0 && ly > 0 && lz > 0)) {
            throw new IllegalArgumentException("the cell " + java.util.Arrays.deepToString(lattice.matrix())
                    + " cannot be written as a LAMMPS box: it is too flat for double precision");
        }
        return new LammpsBox(lattice, flipped, rotated, box);
    }

    /** @return whether the box needs the {@code xy xz yz} line */
    boolean triclinic() {
        return xy != 0 || xz != 0 || yz != 0;
    }

    /**
     * @param frac fractional coordinates in the original lattice
     * @return the fractional coordinates of the same point in this box, wrapped into [0, 1)
     */
    double[] fractional(double[] frac) {
        double fz0 = flipped ? -frac[2] : frac[2];
        double x = frac[0] * rotated[0][0] + frac[1] * rotated[1][0] + fz0 * rotated[2][0];
        double y = frac[1] * rotated[1][1] + fz0 * rotated[2][1];
        double z = fz0 * rotated[2][2];
        double fz = z / lz;
        double fy = (y - yz * fz) / ly;
        double fx = (x - xy * fy - xz * fz) / lx;
        return new double[] {DataFile.wrap(fx), DataFile.wrap(fy), DataFile.wrap(fz)};
    }

    /**
     * @param frac fractional coordinates in this box
     * @return the Cartesian position in LAMMPS's frame, box origin at 0
     */
    double[] cartesian(double[] frac) {
        return new double[] {frac[0] * lx + frac[1] * xy + frac[2] * xz, frac[1] * ly + frac[2] * yz, frac[2] * lz};
    }

    /**
     * @param v a Cartesian vector (a velocity) in the original frame
     * @return the same vector in LAMMPS's frame (rotated with the cell)
     */
    double[] rotate(double[] v) {
        double[] f = original.toFractional(v);
        if (flipped) {
            f[2] = -f[2];
        }
        return new double[] {
            f[0] * rotated[0][0] + f[1] * rotated[1][0] + f[2] * rotated[2][0],
            f[1] * rotated[1][1] + f[2] * rotated[2][1],
            f[2] * rotated[2][2]};
    }
}
