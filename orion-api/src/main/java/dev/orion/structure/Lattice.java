package dev.orion.structure;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The periodic cell of a crystal: an immutable 3x3 matrix whose rows are the lattice vectors
 * a, b and c in Å. Fractional coordinates are row vectors: {@code cart = frac . M}.
 *
 * <p>Left-handed cells are accepted ({@link #volume()} is always positive); singular cells are not.
 * {@link #equals} compares the matrices exactly; use {@link #almostEquals} for tolerances.
 *
 * <pre>{@code
 * Lattice cu = Lattice.cubic(3.61);
 * Lattice tri = Lattice.fromParameters(5.0, 6.0, 7.0, 80, 95, 100);
 * double[] cart = tri.toCartesian(new double[] {0.5, 0.5, 0.5});
 * }</pre>
 */
public final class Lattice {

    private static final double SINGULAR = 1e-12;

    private final double[] m;
    private final double[] inv;
    private final double det;
    /** Lengths of the crystallographic reciprocal vectors: bounds for the image search. */
    private final double[] recipLengths;

    private Lattice(double[] m) {
        this.m = m;
        this.det = Matrix3.determinant(m);
        if (!(Math.abs(det) >= SINGULAR)) {
            throw new IllegalArgumentException("lattice vectors are (nearly) linearly dependent: |det| = "
                    + Math.abs(det) + " < " + SINGULAR + " for matrix " + Arrays.toString(m));
        }
        double[] i = Matrix3.inverse(m);
        this.inv = i;
        // column k of the inverse is the k-th crystallographic reciprocal vector
        this.recipLengths = new double[3];
        for (int k = 0; k < 3; k++) {
            recipLengths[k] = Math.sqrt(i[k] * i[k] + i[3 + k] * i[3 + k] + i[6 + k] * i[6 + k]);
        }
    }

    /**
     * A lattice from its three row vectors a, b, c (Å).
     *
     * @throws IllegalArgumentException if the array is not 3x3, holds non-finite values, or is singular
     */
    public static Lattice of(double[][] rows) {
        Objects.requireNonNull(rows, "rows");
        if (rows.length != 3) {
            throw new IllegalArgumentException("lattice needs 3 vectors, got " + rows.length);
        }
        double[] m = new double[9];
        for (int r = 0; r < 3; r++) {
            if (rows[r] == null || rows[r].length != 3) {
                throw new IllegalArgumentException("lattice vector " + r + " must have 3 components, got "
                        + Arrays.toString(rows[r]));
            }
            for (int c = 0; c < 3; c++) {
                if (!Double.isFinite(rows[r][c])) {
                    throw new IllegalArgumentException("lattice vector " + r + " has a non-finite component: "
                            + Arrays.toString(rows[r]));
                }
                m[3 * r + c] = rows[r][c] == 0.0 ? 0.0 : rows[r][c];
            }
        }
        return new Lattice(m);
    }

    /**
     * A lattice from lengths (Å) and angles (degrees): a along x, b in the xy plane, c completing a
     * right-handed set. Alpha is the angle between b and c, beta between a and c, gamma between a and b.
     *
     * @throws IllegalArgumentException if a length is not positive or the angles cannot form a cell
     */
    public static Lattice fromParameters(double a, double b, double c, double alpha, double beta, double gamma) {
        requirePositive("a", a);
        requirePositive("b", b);
        requirePositive("c", c);
        requireAngle("alpha", alpha);
        requireAngle("beta", beta);
        requireAngle("gamma", gamma);
        double ca = cosDeg(alpha);
        double cb = cosDeg(beta);
        double cg = cosDeg(gamma);
        double sg = sinDeg(gamma);
        double cx = c * cb;
        double cy = c * (ca - cb * cg) / sg;
        double cz2 = c * c - cx * cx - cy * cy;
        // V / (abc) = sin(gamma) cz / c; below 1e-6 the angles describe a flat (impossible) cell
        if (!(cz2 > 0) || Math.sqrt(cz2) * sg < 1e-6 * c) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "angles alpha=%s, beta=%s, gamma=%s cannot form a cell", alpha, beta, gamma));
        }
        return of(new double[][] {{a, 0, 0}, {b * cg, b * sg, 0}, {cx, cy, Math.sqrt(cz2)}});
    }

    /** A cubic cell of edge {@code a}. */
    public static Lattice cubic(double a) {
        return fromParameters(a, a, a, 90, 90, 90);
    }

    /** A tetragonal cell (a = b, all angles 90°). */
    public static Lattice tetragonal(double a, double c) {
        return fromParameters(a, a, c, 90, 90, 90);
    }

    /** An orthorhombic cell (all angles 90°). */
    public static Lattice orthorhombic(double a, double b, double c) {
        return fromParameters(a, b, c, 90, 90, 90);
    }

    /** A hexagonal cell (a = b, gamma = 120°). */
    public static Lattice hexagonal(double a, double c) {
        return fromParameters(a, a, c, 90, 90, 120);
    }

    private static double cosDeg(double deg) {
        // exact zero for right angles, so orthogonal cells get exactly orthogonal matrices
        return deg == 90 ? 0 : Math.cos(Math.toRadians(deg));
    }

    private static double sinDeg(double deg) {
        return deg == 90 ? 1 : Math.sin(Math.toRadians(deg));
    }

    private static void requirePositive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a positive length, got " + v);
        }
    }

    private static void requireAngle(String name, double v) {
        if (!(v > 0 && v < 180)) {
            throw new IllegalArgumentException(name + " must be an angle in (0, 180) degrees, got " + v);
        }
    }

    /** Length of a, Å. */
    public double a() {
        return length(0);
    }

    /** Length of b, Å. */
    public double b() {
        return length(1);
    }

    /** Length of c, Å. */
    public double c() {
        return length(2);
    }

    /** Angle between b and c, degrees. */
    public double alpha() {
        return angle(1, 2);
    }

    /** Angle between a and c, degrees. */
    public double beta() {
        return angle(0, 2);
    }

    /** Angle between a and b, degrees. */
    public double gamma() {
        return angle(0, 1);
    }

    private double length(int r) {
        return Math.sqrt(dot(r, r));
    }

    private double dot(int r, int s) {
        return m[3 * r] * m[3 * s] + m[3 * r + 1] * m[3 * s + 1] + m[3 * r + 2] * m[3 * s + 2];
    }

    private double angle(int r, int s) {
        double cos = dot(r, s) / (length(r) * length(s));
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
    }

    /** Cell volume in Å³, always positive. */
    public double volume() {
        return Math.abs(det);
    }

    /** Signed determinant of the matrix; negative for a left-handed cell. */
    public double determinant() {
        return det;
    }

    /** A copy of the matrix; rows are a, b, c. */
    public double[][] matrix() {
        return new double[][] {vector(0), vector(1), vector(2)};
    }

    /** A copy of lattice vector {@code i} (0 = a, 1 = b, 2 = c). */
    public double[] vector(int i) {
        Objects.checkIndex(i, 3);
        return new double[] {m[3 * i], m[3 * i + 1], m[3 * i + 2]};
    }

    /** The reciprocal lattice with the 2π factor: {@code a_i . b_j = 2π δ_ij}. */
    public Lattice reciprocal() {
        double[] r = reciprocalMatrix();
        for (int k = 0; k < 9; k++) {
            r[k] *= 2 * Math.PI;
        }
        return new Lattice(r);
    }

    /** The crystallographic reciprocal lattice, without 2π: {@code a_i . b_j = δ_ij}. */
    public Lattice reciprocalCrystallographic() {
        return new Lattice(reciprocalMatrix());
    }

    private double[] reciprocalMatrix() {
        return Matrix3.transpose(inv);
    }

    /** Cartesian coordinates (Å) of a fractional point, as a new array. */
    public double[] toCartesian(double[] frac) {
        requireVector("frac", frac);
        return Matrix3.applyTransposed(m, frac);
    }

    /** Writes the Cartesian coordinates of {@code (fx, fy, fz)} into {@code out[0..2]}; allocation-free. */
    public void toCartesian(double fx, double fy, double fz, double[] out) {
        Matrix3.applyTransposed(m, fx, fy, fz, out);
    }

    /** Fractional coordinates of a Cartesian point (Å), as a new array. */
    public double[] toFractional(double[] cart) {
        requireVector("cart", cart);
        return Matrix3.applyTransposed(inv, cart);
    }

    /** Writes the fractional coordinates of {@code (x, y, z)} into {@code out[0..2]}; allocation-free. */
    public void toFractional(double x, double y, double z, double[] out) {
        Matrix3.applyTransposed(inv, x, y, z, out);
    }

    private static void requireVector(String name, double[] v) {
        if (v == null || v.length != 3) {
            throw new IllegalArgumentException(name + " must have 3 components, got " + Arrays.toString(v));
        }
    }

    /**
     * The shortest distance (Å) between point A and any periodic image of point B. Exact for any
     * cell shape: after the nearest-rounding guess, all images that could be closer are searched.
     */
    public double minimumImageDistance(double[] fracA, double[] fracB) {
        requireVector("fracA", fracA);
        requireVector("fracB", fracB);
        return minimumImageDistance(fracB[0] - fracA[0], fracB[1] - fracA[1], fracB[2] - fracA[2]);
    }

    /** Minimum-image length (Å) of the fractional difference vector {@code (dx, dy, dz)}. */
    public double minimumImageDistance(double dx, double dy, double dz) {
        dx -= Math.rint(dx);
        dy -= Math.rint(dy);
        dz -= Math.rint(dz);
        double best2 = norm2(dx, dy, dz);
        double r = Math.sqrt(best2);
        // |frac_k| <= |cart| * |b*_k|: images with any |dk + nk| beyond that bound cannot be closer
        int[] lo = new int[3];
        int[] hi = new int[3];
        double[] d = {dx, dy, dz};
        for (int k = 0; k < 3; k++) {
            double bound = r * recipLengths[k] + 1e-12;
            lo[k] = (int) Math.ceil(-d[k] - bound);
            hi[k] = (int) Math.floor(-d[k] + bound);
        }
        for (int i = lo[0]; i <= hi[0]; i++) {
            for (int j = lo[1]; j <= hi[1]; j++) {
                for (int k = lo[2]; k <= hi[2]; k++) {
                    double n2 = norm2(dx + i, dy + j, dz + k);
                    if (n2 < best2) {
                        best2 = n2;
                    }
                }
            }
        }
        return Math.sqrt(best2);
    }

    private double norm2(double fx, double fy, double fz) {
        double x = fx * m[0] + fy * m[3] + fz * m[6];
        double y = fx * m[1] + fy * m[4] + fz * m[7];
        double z = fx * m[2] + fy * m[5] + fz * m[8];
        return x * x + y * y + z * z;
    }

    /**
     * This lattice scaled isotropically to {@code newVolume} Å³ (angles unchanged).
     *
     * @throws IllegalArgumentException if the volume is not positive
     */
    public Lattice scaled(double newVolume) {
        requirePositive("newVolume", newVolume);
        double f = Math.cbrt(newVolume / volume());
        double[] s = m.clone();
        for (int k = 0; k < 9; k++) {
            s[k] *= f;
        }
        return new Lattice(s);
    }

    /** True if every matrix element differs by at most {@code tolerance} Å. */
    public boolean almostEquals(Lattice other, double tolerance) {
        for (int k = 0; k < 9; k++) {
            if (!(Math.abs(m[k] - other.m[k]) <= tolerance)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lattice l && Arrays.equals(m, l.m);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }

    /** Parameters, volume and matrix, e.g. for a notebook. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Lattice(a=%.6f, b=%.6f, c=%.6f, alpha=%.4f, beta=%.4f, gamma=%.4f, volume=%.4f)",
                a(), b(), c(), alpha(), beta(), gamma(), volume()));
        for (int r = 0; r < 3; r++) {
            sb.append(String.format(Locale.ROOT, "%n  %14.8f %14.8f %14.8f", m[3 * r], m[3 * r + 1], m[3 * r + 2]));
        }
        return sb.toString();
    }
}
