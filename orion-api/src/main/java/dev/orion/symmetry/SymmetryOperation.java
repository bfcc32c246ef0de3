package dev.orion.symmetry;

import dev.orion.structure.Matrix3;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/**
 * A crystallographic symmetry operation {@code x' = R x + t} in fractional coordinates: an
 * integer 3×3 rotation matrix {@code R} (determinant ±1) and a translation {@code t}.
 *
 * <p>Instances are immutable and always <em>normalized</em>: each translation component is
 * reduced to [0, 1), and a component within 1e-6 of a multiple of 1/5040 (which covers halves,
 * thirds, quarters, sixths, eighths, twelfths, ...) is snapped onto that multiple. Equality is
 * therefore equality modulo lattice translations, robust to floating-point noise from
 * composition: {@code x+1,y,z} equals {@code x,y,z}, and {@code z+1/3} composed three times equals
 * the identity.
 *
 * <p>{@link #parse(String)} reads the forms that CIF files use ({@code x,y+1/2,-z},
 * {@code -x+y, -x, z+2/3}, {@code 1/2+X,1/2-Y,Z}, {@code 0.5+x}); {@link #toXyz()} prints a
 * canonical string such as {@code -x+1/2,y,-z}.
 */
public final class SymmetryOperation {

    /** The identity operation {@code x,y,z}. */
    public static final SymmetryOperation IDENTITY =
            new SymmetryOperation(new int[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[3]);

    /** Bound on rotation entries: far above any real basis, low enough that products cannot overflow. */
    private static final int MAX_ENTRY = 1000;

    /** Translations are snapped onto multiples of 1/GRID; 5040 = lcm(1..10) × 2 also holds 1/16. */
    private static final int GRID = 5040;
    private static final double SNAP_TOLERANCE = 1e-6;

    private final int[] rotation; // row-major, 9 entries
    private final double[] translation;
    /** Operations are hashed again and again (sets of them key the space-group table): computed once. */
    private final int hash;

    private SymmetryOperation(int[] rotation, double[] translation) {
        this.rotation = rotation;
        this.translation = translation;
        this.hash = 31 * Arrays.hashCode(rotation) + Arrays.hashCode(translation);
    }

    /**
     * Creates an operation from a rotation matrix and a translation.
     *
     * @param rotation    a 3×3 integer matrix (rows act on the column vector of fractional
     *                    coordinates) with determinant +1 or -1; it is copied
     * @param translation three fractional components; copied and reduced to [0, 1)
     * @return the normalized operation
     * @throws IllegalArgumentException if the shapes are wrong, the determinant is not ±1 or a
     *                                  translation component is not finite
     */
    public static SymmetryOperation of(int[][] rotation, double[] translation) {
        Objects.requireNonNull(rotation, "rotation");
        if (rotation.length != 3) {
            throw new IllegalArgumentException("rotation must have 3 rows, had " + rotation.length);
        }
        int[] flat = new int[9];
        for (int i = 0; i < 3; i++) {
            if (rotation[i] == null || rotation[i].length != 3) {
                throw new IllegalArgumentException("rotation row " + i + " must have 3 entries, was "
                        + Arrays.toString(rotation[i]));
            }
            System.arraycopy(rotation[i], 0, flat, 3 * i, 3);
        }
        return ofFlat(flat, translation);
    }

    /**
     * Creates an operation from a row-major rotation and a translation (see {@link #of(int[][],
     * double[])}).
     *
     * @param rotation    nine integers, row by row; copied
     * @param translation three fractional components; copied and reduced to [0, 1)
     * @return the normalized operation
     * @throws IllegalArgumentException if the shapes are wrong, an entry is outside -1000..1000,
     *                                  the determinant is not ±1 or a translation component is not
     *                                  finite
     */
    public static SymmetryOperation ofFlat(int[] rotation, double[] translation) {
        Objects.requireNonNull(rotation, "rotation");
        Objects.requireNonNull(translation, "translation");
        if (rotation.length != 9) {
            throw new IllegalArgumentException("rotation must have 9 entries, had " + rotation.length);
        }
        if (translation.length != 3) {
            throw new IllegalArgumentException("translation must have 3 components, had " + translation.length);
        }
        int[] r = rotation.clone();
        for (int i = 0; i < 9; i++) {
            if (Math.abs(r[i]) > MAX_ENTRY) {
                throw new IllegalArgumentException("rotation entries must be in -" + MAX_ENTRY + ".." + MAX_ENTRY
                        + ", was " + r[i] + " at row " + i / 3 + ", column " + i % 3);
            }
        }
        long det = determinant(r);
        if (det != 1 && det != -1) {
            throw new IllegalArgumentException("rotation must have determinant +1 or -1, had " + det
                    + ": " + Arrays.toString(r));
        }
        double[] t = new double[3];
        for (int i = 0; i < 3; i++) {
            if (!Double.isFinite(translation[i])) {
                throw new IllegalArgumentException("translation[" + i + "] must be finite, was " + translation[i]);
            }
            t[i] = normalize(translation[i]);
        }
        return new SymmetryOperation(r, t);
    }

    /**
     * Parses an operation written the CIF way, for example {@code x,y+1/2,-z},
     * {@code -x+y, -x, z+2/3}, {@code 1/2+X,1/2-Y,Z}, {@code 0.5+x} or {@code +x,-y,z-1/4}.
     * Each of the three comma-separated components is a sum of signed terms; a term is a
     * variable ({@code x y z}, any case), an integer coefficient times a variable ({@code 2x},
     * {@code 2*x}) or a number (integer, decimal or fraction). Spaces are ignored.
     *
     * @param xyz the operation text
     * @return the parsed, normalized operation
     * @throws IllegalArgumentException naming the text and the index of the offending character
     *                                  when the text is not an operation, or when its rotation part
     *                                  does not have determinant ±1
     */
    public static SymmetryOperation parse(String xyz) {
        Objects.requireNonNull(xyz, "xyz");
        return new SymmetryOperationParser(xyz).parse();
    }

    /** Returns a copy of the 3×3 rotation matrix. */
    public int[][] rotation() {
        return new int[][] {
            {rotation[0], rotation[1], rotation[2]},
            {rotation[3], rotation[4], rotation[5]},
            {rotation[6], rotation[7], rotation[8]}};
    }

    /**
     * Returns one entry of the rotation matrix without copying.
     *
     * @param row    0..2
     * @param column 0..2
     * @return {@code R[row][column]}
     */
    public int rotation(int row, int column) {
        Objects.checkIndex(row, 3);
        Objects.checkIndex(column, 3);
        return rotation[3 * row + column];
    }

    /** Returns a copy of the translation, each component in [0, 1). */
    public double[] translation() {
        return translation.clone();
    }

    /**
     * Returns one translation component without copying.
     *
     * @param axis 0..2
     * @return {@code t[axis]}, in [0, 1)
     */
    public double translation(int axis) {
        return translation[Objects.checkIndex(axis, 3)];
    }

    /** Returns the determinant of the rotation: +1 for a proper, -1 for an improper operation. */
    public int determinant() {
        return (int) determinant(rotation);
    }

    /** Tells whether this is the identity (modulo lattice translations). */
    public boolean isIdentity() {
        return equals(IDENTITY);
    }

    /**
     * Applies this operation to a point.
     *
     * @param frac fractional coordinates, three components
     * @return {@code R frac + t}, in a new array (not wrapped into the unit cell)
     */
    public double[] apply(double[] frac) {
        double[] out = new double[3];
        apply(frac, out);
        return out;
    }

    /**
     * Applies this operation to a point without allocating; {@code out} may be {@code frac}.
     *
     * @param frac fractional coordinates, three components
     * @param out  receives {@code R frac + t} (not wrapped into the unit cell)
     */
    public void apply(double[] frac, double[] out) {
        if (frac.length != 3 || out.length != 3) {
            throw new IllegalArgumentException("frac and out must have 3 components, had "
                    + frac.length + " and " + out.length);
        }
        double x = frac[0];
        double y = frac[1];
        double z = frac[2];
        for (int i = 0; i < 3; i++) {
            out[i] = rotation[3 * i] * x + rotation[3 * i + 1] * y + rotation[3 * i + 2] * z + translation[i];
        }
    }

    /**
     * Returns the operation that applies {@code first} and then this one:
     * {@code (this ∘ first)(x) = R (R' x + t') + t}.
     *
     * @param first the operation applied first
     * @return the product, normalized
     */
    public SymmetryOperation compose(SymmetryOperation first) {
        Objects.requireNonNull(first, "first");
        double[] t = Matrix3.apply(rotation, first.translation);
        for (int i = 0; i < 3; i++) {
            t[i] = normalize(t[i] + translation[i]);
        }
        return new SymmetryOperation(Matrix3.multiply(rotation, first.rotation), t);
    }

    /** Returns the inverse operation {@code x = R⁻¹ x' - R⁻¹ t}. */
    public SymmetryOperation inverse() {
        int det = (int) determinant(rotation);
        // adjugate / det; det is ±1 so the inverse is integral
        int[] inv = Matrix3.adjugate(rotation);
        for (int k = 0; k < 9; k++) {
            inv[k] *= det;
        }
        double[] t = new double[3];
        for (int i = 0; i < 3; i++) {
            t[i] = normalize(-(inv[3 * i] * translation[0] + inv[3 * i + 1] * translation[1]
                    + inv[3 * i + 2] * translation[2]));
        }
        return new SymmetryOperation(inv, t);
    }

    /**
     * Returns the canonical CIF form, for example {@code -x+1/2,y,-z} or {@code x-y,x,z+1/6}:
     * variables in the order x, y, z, then the translation as a reduced fraction (or a decimal
     * when it is not a multiple of 1/5040), no spaces.
     */
    public String toXyz() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            if (i > 0) {
                sb.append(',');
            }
            int start = sb.length();
            for (int j = 0; j < 3; j++) {
                int c = rotation[3 * i + j];
                if (c != 0) {
                    sb.append(c < 0 ? '-' : '+');
                    if (Math.abs(c) != 1) {
                        sb.append(Math.abs(c));
                    }
                    sb.append((char) ('x' + j));
                }
            }
            if (translation[i] != 0) {
                sb.append('+').append(formatFraction(translation[i]));
            }
            if (sb.charAt(start) == '+') {
                sb.deleteCharAt(start);
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SymmetryOperation other
                && hash == other.hash
                && Arrays.equals(rotation, other.rotation)
                && Arrays.equals(translation, other.translation);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Returns {@link #toXyz()}. */
    @Override
    public String toString() {
        return toXyz();
    }

    private static long determinant(int[] m) {
        return (long) m[0] * ((long) m[4] * m[8] - (long) m[5] * m[7])
                - (long) m[1] * ((long) m[3] * m[8] - (long) m[5] * m[6])
                + (long) m[2] * ((long) m[3] * m[7] - (long) m[4] * m[6]);
    }

    /** Reduces to [0, 1) and snaps onto the 1/5040 grid so that equal operations compare equal. */
    static double normalize(double value) {
        double v = value - Math.floor(value);
        double scaled = v * GRID;
        double k = Math.rint(scaled);
        if (Math.abs(scaled - k) < SNAP_TOLERANCE * GRID) {
            long n = ((long) k) % GRID;
            return n == 0 ? 0.0 : n / (double) GRID;
        }
        return v >= 1.0 ? 0.0 : v;
    }

    private static String formatFraction(double value) {
        double scaled = value * GRID;
        long k = Math.round(scaled);
        if (k / (double) GRID == value) {
            long g = gcd(k, GRID);
            return (k / g) + "/" + (GRID / g);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
