package dev.orion.analysis.symmetry;

import dev.orion.structure.Matrix3;

/**
 * Atoms of a cell sorted into a grid of fractional bins, each at least as wide as the tolerance
 * along its axis, so that an atom near a point is found among the 27 bins around it instead of
 * among all atoms: the symmetry checks of large cells become linear in the number of atoms.
 */
final class AtomBins {

    final double tolerance2;
    private final int[] n = new int[3];
    private final int[][] bins;

    AtomBins(Cell cell, double tolerance2) {
        this.tolerance2 = tolerance2;
        double tol = Math.sqrt(tolerance2);
        double[] inv = Matrix3.inverse(cell.lattice);
        int atoms = cell.size();
        int target = Math.max(1, (int) Math.cbrt(atoms / 2.0));
        for (int axis = 0; axis < 3; axis++) {
            // column `axis` of the inverse is the reciprocal vector: the fractional change per Å
            double recip = Math.sqrt(inv[axis] * inv[axis] + inv[3 + axis] * inv[3 + axis] + inv[6 + axis] * inv[6 + axis]);
            int widest = (int) Math.floor(1.0 / (tol * recip + 1e-12));
            n[axis] = Math.max(1, Math.min(target, widest));
        }
        int[] counts = new int[n[0] * n[1] * n[2]];
        int[] of = new int[atoms];
        double[] p = cell.positions;
        for (int i = 0; i < atoms; i++) {
            of[i] = index(p[3 * i], p[3 * i + 1], p[3 * i + 2]);
            counts[of[i]]++;
        }
        bins = new int[counts.length][];
        for (int b = 0; b < counts.length; b++) {
            bins[b] = new int[counts[b]];
            counts[b] = 0;
        }
        for (int i = 0; i < atoms; i++) {
            bins[of[i]][counts[of[i]]++] = i;
        }
    }

    private int bin(double x, int axis) {
        int b = (int) Math.floor(Cell.wrap(x) * n[axis]);
        return Math.min(b, n[axis] - 1);
    }

    private int index(double x, double y, double z) {
        return (bin(x, 0) * n[1] + bin(y, 1)) * n[2] + bin(z, 2);
    }

    int find(Cell cell, double x, double y, double z, int type, double tol2) {
        int bx = bin(x, 0);
        int by = bin(y, 1);
        int bz = bin(z, 2);
        int rx = n[0] >= 3 ? 1 : 0;
        int ry = n[1] >= 3 ? 1 : 0;
        int rz = n[2] >= 3 ? 1 : 0;
        double[] p = cell.positions;
        int[] types = cell.types;
        for (int dx = -rx; dx <= rx + (n[0] == 2 ? 1 : 0); dx++) {
            int ix = Math.floorMod(bx + dx, n[0]);
            for (int dy = -ry; dy <= ry + (n[1] == 2 ? 1 : 0); dy++) {
                int iy = Math.floorMod(by + dy, n[1]);
                for (int dz = -rz; dz <= rz + (n[2] == 2 ? 1 : 0); dz++) {
                    int iz = Math.floorMod(bz + dz, n[2]);
                    for (int k : bins[(ix * n[1] + iy) * n[2] + iz]) {
                        if (types[k] == type
                                && cell.distanceSquared(x - p[3 * k], y - p[3 * k + 1], z - p[3 * k + 2]) < tol2) {
                            return k;
                        }
                    }
                }
            }
        }
        return -1;
    }
}
