package dev.orion.analysis.symmetry;

/**
 * Integer rotation matrices as the symmetry search handles them (row-major, nine entries): the
 * shared identity, a compact key for sets of rotations, and rounding a real matrix to an integer
 * one. The arithmetic itself is {@link dev.orion.structure.Matrix3}'s.
 */
final class Rotations {

    /** The identity rotation; shared, never modified. */
    static final int[] IDENTITY = {1, 0, 0, 0, 1, 0, 0, 0, 1};

    private Rotations() {
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
}
