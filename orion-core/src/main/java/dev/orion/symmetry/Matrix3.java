package dev.orion.symmetry;

/**
 * Row-major 3×3 integer and real matrices as flat arrays, for the change-of-basis arithmetic of
 * the symmetry search. Kept to what the search needs; values never escape the package.
 */
final class Matrix3 {

    static final int[] IDENTITY = {1, 0, 0, 0, 1, 0, 0, 0, 1};

    private Matrix3() {
    }

    static int[] multiply(int[] a, int[] b) {
        int[] r = new int[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return r;
    }

    static double[] multiply(double[] a, double[] b) {
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return r;
    }

    static double[] toDouble(int[] a) {
        double[] r = new double[9];
        for (int i = 0; i < 9; i++) {
            r[i] = a[i];
        }
        return r;
    }

    static int determinant(int[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    static double determinant(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    static double[] inverse(double[] m) {
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

    /** Adjugate of an integer matrix: {@code m * adjugate(m) = det(m) * I}. */
    static int[] adjugate(int[] m) {
        return new int[] {
            m[4] * m[8] - m[5] * m[7], m[2] * m[7] - m[1] * m[8], m[1] * m[5] - m[2] * m[4],
            m[5] * m[6] - m[3] * m[8], m[0] * m[8] - m[2] * m[6], m[2] * m[3] - m[0] * m[5],
            m[3] * m[7] - m[4] * m[6], m[1] * m[6] - m[0] * m[7], m[0] * m[4] - m[1] * m[3]};
    }

    static double[] apply(double[] m, double[] v) {
        return new double[] {
            m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
            m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
            m[6] * v[0] + m[7] * v[1] + m[8] * v[2]};
    }

    static double[] apply(int[] m, double[] v) {
        return new double[] {
            m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
            m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
            m[6] * v[0] + m[7] * v[1] + m[8] * v[2]};
    }

    static int[] apply(int[] m, int[] v) {
        return new int[] {
            m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
            m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
            m[6] * v[0] + m[7] * v[1] + m[8] * v[2]};
    }

    static int trace(int[] m) {
        return m[0] + m[4] + m[8];
    }

    static int[] negate(int[] m) {
        int[] r = new int[9];
        for (int i = 0; i < 9; i++) {
            r[i] = -m[i];
        }
        return r;
    }

    /** Rounds a real matrix to integers, or returns null when an entry is further than tol from one. */
    static int[] roundToInt(double[] m, double tol) {
        int[] r = new int[9];
        for (int i = 0; i < 9; i++) {
            long v = Math.round(m[i]);
            if (Math.abs(m[i] - v) > tol || Math.abs(v) > 1000) {
                return null;
            }
            r[i] = (int) v;
        }
        return r;
    }

    /** Rows of the lattice matrix {@code lat} (vectors as rows) combined by the columns of {@code p}. */
    static double[] changeBasis(double[] lat, double[] p) {
        double[] r = new double[9];
        for (int j = 0; j < 3; j++) {
            for (int c = 0; c < 3; c++) {
                r[3 * j + c] = p[j] * lat[c] + p[3 + j] * lat[3 + c] + p[6 + j] * lat[6 + c];
            }
        }
        return r;
    }

    /** Metric tensor of a lattice given as rows. */
    static double[] metric(double[] lat) {
        double[] g = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                g[3 * i + j] = lat[3 * i] * lat[3 * j] + lat[3 * i + 1] * lat[3 * j + 1]
                        + lat[3 * i + 2] * lat[3 * j + 2];
            }
        }
        return g;
    }

    /** Rotation key: nine entries in -1..1 packed base 3, or -1 if an entry is outside. */
    static int key(int[] m) {
        int k = 0;
        for (int i = 0; i < 9; i++) {
            if (m[i] < -1 || m[i] > 1) {
                return -1;
            }
            k = k * 3 + m[i] + 1;
        }
        return k;
    }

    static double wrap(double x) {
        double w = x - Math.floor(x);
        return w >= 1.0 ? 0.0 : w;
    }
}
