package dev.orion.analysis.symmetry;

import dev.orion.structure.Matrix3;

/**
 * A periodic cell as the search sees it: lattice vectors as the rows of {@code lattice}, fractional
 * positions (three per atom) and an integer type per atom. Two atoms may be exchanged by symmetry
 * only if their types are equal.
 */
final class Cell {

    final double[] lattice;
    final double[] positions;
    final int[] types;

    Cell(double[] lattice, double[] positions, int[] types) {
        this.lattice = lattice;
        this.positions = positions;
        this.types = types;
    }

    /** Wraps a fractional coordinate into [0, 1); exactly 1.0 after rounding becomes 0. */
    static double wrap(double x) {
        double w = x - Math.floor(x);
        return w >= 1.0 ? 0.0 : w;
    }

    int size() {
        return types.length;
    }

    double volume() {
        return Math.abs(Matrix3.determinant(lattice));
    }

    /**
     * Squared Cartesian length of the fractional difference {@code (dx, dy, dz)} after removing
     * whole lattice translations by rounding, as spglib's overlap test does.
     */
    double distanceSquared(double dx, double dy, double dz) {
        dx -= Math.rint(dx);
        dy -= Math.rint(dy);
        dz -= Math.rint(dz);
        double[] l = lattice;
        double x = dx * l[0] + dy * l[3] + dz * l[6];
        double y = dx * l[1] + dy * l[4] + dz * l[7];
        double z = dx * l[2] + dy * l[5] + dz * l[8];
        return x * x + y * y + z * z;
    }

    /**
     * Tells whether the operation {@code (w, t)} maps every atom onto an atom of the same type
     * within {@code symprec}.
     */
    boolean isSymmetry(int[] w, double[] t, double symprec) {
        int n = size();
        double tol2 = symprec * symprec;
        double[] p = positions;
        for (int i = 0; i < n; i++) {
            double x = p[3 * i];
            double y = p[3 * i + 1];
            double z = p[3 * i + 2];
            double rx = w[0] * x + w[1] * y + w[2] * z + t[0];
            double ry = w[3] * x + w[4] * y + w[5] * z + t[1];
            double rz = w[6] * x + w[7] * y + w[8] * z + t[2];
            if (findAtom(rx, ry, rz, types[i], tol2) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Index of an atom of the given type within sqrt(tol2) of the position, or -1. */
    int findAtom(double x, double y, double z, int type, double tol2) {
        if (types.length >= BIN_THRESHOLD) {
            return binned(tol2).find(this, x, y, z, type, tol2);
        }
        double[] p = positions;
        for (int k = 0; k < types.length; k++) {
            if (types[k] == type
                    && distanceSquared(x - p[3 * k], y - p[3 * k + 1], z - p[3 * k + 2]) < tol2) {
                return k;
            }
        }
        return -1;
    }

    private static final int BIN_THRESHOLD = 48;
    private AtomBins bins;

    private AtomBins binned(double tol2) {
        AtomBins b = bins;
        if (b == null || b.tolerance2 < tol2) {
            b = new AtomBins(this, tol2);
            bins = b;
        }
        return b;
    }

    /** The type with the fewest atoms (the smallest such type), whose atoms seed the searches. */
    int rarestType() {
        java.util.Map<Integer, Integer> counts = new java.util.TreeMap<>();
        for (int t : types) {
            counts.merge(t, 1, Integer::sum);
        }
        int best = types[0];
        int bestCount = Integer.MAX_VALUE;
        for (var e : counts.entrySet()) {
            if (e.getValue() < bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
