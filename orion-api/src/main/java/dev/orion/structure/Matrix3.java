package dev.orion.structure;

/**
 * The 3×3 matrix and 3-vector arithmetic that ORION's lattices, symmetry search, engines and file
 * formats share, on plain arrays: a matrix is nine entries in row-major order ({@code m[3 * row +
 * column]}), a vector three. One home for it, so a cell inverse or a change of basis is written and
 * tested once.
 *
 * <p>Every method returns a new array and leaves its arguments alone; none checks array lengths
 * (a short array fails with {@link ArrayIndexOutOfBoundsException}), because the symmetry search and
 * the force loops call them millions of times. Callers validate at their own boundary, as
 * {@link Lattice#of(double[][])} does.
 *
 * <pre>{@code
 * double[] m = Matrix3.flat(lattice.matrix());
 * double[] inv = Matrix3.inverse(m);               // m . inv = I
 * double[] g = Matrix3.metric(m);                  // metric tensor of the rows
 * }</pre>
 */
public final class Matrix3 {

    private Matrix3() {
    }

    /** @return a new integer identity matrix */
    public static int[] identity() {
        return new int[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
    }

    /**
     * @param rows a 3×3 matrix as three rows
     * @return the same matrix, row-major in nine entries
     */
    public static double[] flat(double[][] rows) {
        return new double[] {
            rows[0][0], rows[0][1], rows[0][2],
            rows[1][0], rows[1][1], rows[1][2],
            rows[2][0], rows[2][1], rows[2][2]};
    }

    /**
     * @param m a row-major matrix
     * @return the same matrix as three rows
     */
    public static double[][] rows(double[] m) {
        return new double[][] {{m[0], m[1], m[2]}, {m[3], m[4], m[5]}, {m[6], m[7], m[8]}};
    }

    /** @param a left factor  @param b right factor  @return the product {@code a b} */
    public static int[] multiply(int[] a, int[] b) {
        int[] r = new int[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return r;
    }

    /** @param a left factor  @param b right factor  @return the product {@code a b} */
    public static double[] multiply(double[] a, double[] b) {
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return r;
    }

    /** @param m a matrix  @return its transpose */
    public static double[] transpose(double[] m) {
        return new double[] {m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]};
    }

    /** @param a an integer matrix  @return the same entries as doubles */
    public static double[] toDouble(int[] a) {
        double[] r = new double[9];
        for (int i = 0; i < 9; i++) {
            r[i] = a[i];
        }
        return r;
    }

    /** @param m an integer matrix (entries small enough that the products fit an int)  @return its determinant */
    public static int determinant(int[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    /** @param m a matrix  @return its determinant */
    public static double determinant(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    /**
     * @param m a matrix
     * @return its inverse; infinite or NaN entries when {@code m} is singular (callers that can meet a
     *         singular matrix check the {@link #determinant(double[])} first)
     */
    public static double[] inverse(double[] m) {
        double det = determinant(m);
        double[] i = new double[9];
        i[0] = (m[4] * m[8] - m[5] * m[7]) / det;
        i[1] = (m[2] * m[7] - m[1] * m[8]) / det;
        i[2] = (m[1] * m[5] - m[2] * m[4]) / det;
        i[3] = (m[5] * m[6] - m[3] * m[8]) / det;
        i[4] = (m[0] * m[8] - m[2] * m[6]) / det;
        i[5] = (m[2] * m[3] - m[0] * m[5]) / det;
        i[6] = (m[3] * m[7] - m[4] * m[6]) / det;
        i[7] = (m[1] * m[6] - m[0] * m[7]) / det;
        i[8] = (m[0] * m[4] - m[1] * m[3]) / det;
        return i;
    }

    /** @param m an integer matrix  @return its adjugate: {@code m adjugate(m) = det(m) I} */
    public static int[] adjugate(int[] m) {
        return new int[] {
            m[4] * m[8] - m[5] * m[7], m[2] * m[7] - m[1] * m[8], m[1] * m[5] - m[2] * m[4],
            m[5] * m[6] - m[3] * m[8], m[0] * m[8] - m[2] * m[6], m[2] * m[3] - m[0] * m[5],
            m[3] * m[7] - m[4] * m[6], m[1] * m[6] - m[0] * m[7], m[0] * m[4] - m[1] * m[3]};
    }

    /** @param m a matrix  @param v a column vector  @return {@code m v} */
    public static double[] apply(double[] m, double[] v) {
        return new double[] {
            m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
            m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
            m[6] * v[0] + m[7] * v[1] + m[8] * v[2]};
    }

    /** @param m an integer matrix  @param v a column vector  @return {@code m v} */
    public static double[] apply(int[] m, double[] v) {
        return new double[] {
            m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
            m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
            m[6] * v[0] + m[7] * v[1] + m[8] * v[2]};
    }

    /** @param m an integer matrix  @param v an integer column vector  @return {@code m v} */
    public static int[] apply(int[] m, int[] v) {
        return new int[] {
            m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
            m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
            m[6] * v[0] + m[7] * v[1] + m[8] * v[2]};
    }

    /** @param m a matrix  @param v a column vector  @return {@code mᵀ v} (the row vector {@code v m}) */
    public static double[] applyTransposed(double[] m, double[] v) {
        double[] out = new double[3];
        applyTransposed(m, v[0], v[1], v[2], out);
        return out;
    }

    /**
     * Writes {@code mᵀ (x, y, z)} (the row vector {@code (x, y, z) m}) into {@code out[0..2]} without
     * allocating: a fractional point times the lattice rows is its Cartesian position.
     *
     * @param m   a matrix
     * @param x   first component
     * @param y   second component
     * @param z   third component
     * @param out receives the product; may not alias {@code m}
     */
    public static void applyTransposed(double[] m, double x, double y, double z, double[] out) {
        out[0] = x * m[0] + y * m[3] + z * m[6];
        out[1] = x * m[1] + y * m[4] + z * m[7];
        out[2] = x * m[2] + y * m[5] + z * m[8];
    }

    /** @param m an integer matrix  @return its trace */
    public static int trace(int[] m) {
        return m[0] + m[4] + m[8];
    }

    /** @param m an integer matrix  @return {@code -m} */
    public static int[] negate(int[] m) {
        int[] r = new int[9];
        for (int i = 0; i < 9; i++) {
            r[i] = -m[i];
        }
        return r;
    }

    /**
     * A change of basis of a lattice given by its rows: row {@code j} of the result is the combination
     * of the rows of {@code lattice} by column {@code j} of {@code p}, that is {@code pᵀ lattice}.
     *
     * @param lattice lattice vectors as rows
     * @param p       the transformation, new basis vectors as columns of coefficients
     * @return the new lattice vectors as rows
     */
    public static double[] changeBasis(double[] lattice, double[] p) {
        double[] r = new double[9];
        for (int j = 0; j < 3; j++) {
            for (int c = 0; c < 3; c++) {
                r[3 * j + c] = p[j] * lattice[c] + p[3 + j] * lattice[3 + c] + p[6 + j] * lattice[6 + c];
            }
        }
        return r;
    }

    /** @param lattice lattice vectors as rows  @return the metric tensor {@code lattice latticeᵀ} */
    public static double[] metric(double[] lattice) {
        double[] g = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                g[3 * i + j] = lattice[3 * i] * lattice[3 * j] + lattice[3 * i + 1] * lattice[3 * j + 1]
                        + lattice[3 * i + 2] * lattice[3 * j + 2];
            }
        }
        return g;
    }

    /** @param u a vector  @param v a vector  @return {@code u · v} */
    public static double dot(double[] u, double[] v) {
        return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    }

    /** @param u a vector  @param v a vector  @return {@code u × v} */
    public static double[] cross(double[] u, double[] v) {
        return new double[] {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
    }

    /** @param u a vector  @return its Euclidean length, without overflow for components near the double range */
    public static double norm(double[] u) {
        return Math.hypot(Math.hypot(u[0], u[1]), u[2]);
    }

    /** @param u a vector  @param f a factor  @return {@code f u} */
    public static double[] scale(double[] u, double f) {
        return new double[] {u[0] * f, u[1] * f, u[2] * f};
    }
}
