package dev.orion.analysis.symmetry;

import dev.orion.structure.Matrix3;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the symmetry operations of a primitive, Delaunay-reduced cell: first the rotations that
 * keep its metric (lattice point group, within the length and angle tolerances), then for each
 * the translations that map the atoms onto atoms of the same type.
 */
final class OperationSearch {

    private static final int[][] VECTORS = new int[26][];

    static {
        int k = 0;
        for (int i = -1; i <= 1; i++) {
            for (int j = -1; j <= 1; j++) {
                for (int l = -1; l <= 1; l++) {
                    if (i != 0 || j != 0 || l != 0) {
                        VECTORS[k++] = new int[] {i, j, l};
                    }
                }
            }
        }
    }

    private OperationSearch() {
    }

    /**
     * The rotations (integer, in the basis of {@code lattice}) that keep the metric within the
     * tolerances. The basis must be Delaunay reduced, so that every such rotation has entries -1, 0
     * or 1.
     *
     * @param angleTolerance in degrees; negative selects spglib's default, a bound on the
     *                       displacement that the angle change causes
     */
    static List<int[]> latticeRotations(double[] lattice, double symprec, double angleTolerance) {
        double[] g = Matrix3.metric(lattice);
        double[] len = {Math.sqrt(g[0]), Math.sqrt(g[4]), Math.sqrt(g[8])};
        List<List<int[]>> columns = new ArrayList<>();
        for (int axis = 0; axis < 3; axis++) {
            List<int[]> c = new ArrayList<>();
            for (int[] v : VECTORS) {
                double l = Math.sqrt(quad(g, v, v));
                if (Math.abs(l - len[axis]) <= symprec) {
                    c.add(v);
                }
            }
            columns.add(c);
        }
        List<int[]> out = new ArrayList<>();
        for (int[] a : columns.get(0)) {
            for (int[] b : columns.get(1)) {
                for (int[] c : columns.get(2)) {
                    int[] w = {a[0], b[0], c[0], a[1], b[1], c[1], a[2], b[2], c[2]};
                    int det = Matrix3.determinant(w);
                    if (det != 1 && det != -1) {
                        continue;
                    }
                    if (keepsMetric(g, w, a, b, c, symprec, angleTolerance)) {
                        out.add(w);
                    }
                }
            }
        }
        return out;
    }

    private static boolean keepsMetric(double[] g, int[] w, int[] a, int[] b, int[] c,
            double symprec, double angleTolerance) {
        int[][] cols = {a, b, c};
        double[] rot = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                rot[3 * i + j] = quad(g, cols[i], cols[j]);
            }
        }
        double[] lo = {Math.sqrt(g[0]), Math.sqrt(g[4]), Math.sqrt(g[8])};
        double[] lr = {Math.sqrt(rot[0]), Math.sqrt(rot[4]), Math.sqrt(rot[8])};
        for (int i = 0; i < 3; i++) {
            if (Math.abs(lo[i] - lr[i]) > symprec) {
                return false;
            }
        }
        int[][] pairs = {{0, 1}, {0, 2}, {1, 2}};
        for (int[] pr : pairs) {
            int j = pr[0];
            int k = pr[1];
            double cos1 = g[3 * j + k] / lo[j] / lo[k];
            double cos2 = rot[3 * j + k] / lr[j] / lr[k];
            if (angleTolerance > 0) {
                double d = Math.toDegrees(Math.acos(clamp(cos1)) - Math.acos(clamp(cos2)));
                if (Math.abs(d) > angleTolerance) {
                    return false;
                }
            } else {
                // sin of the angle change times the mean lengths: the displacement it causes
                double x = cos1 * cos2 + Math.sqrt(Math.max(0, 1 - cos1 * cos1)) * Math.sqrt(Math.max(0, 1 - cos2 * cos2));
                double sin2 = 1 - x * x;
                double lengthAve2 = (lo[j] + lr[j]) * (lo[k] + lr[k]) / 4;
                if (sin2 > 1e-12 && sin2 * lengthAve2 > symprec * symprec) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The space-group operations of a primitive cell: one translation per lattice rotation that
     * maps the atoms onto themselves.
     */
    static List<Op> operations(Cell prim, double symprec, double angleTolerance) {
        List<int[]> rotations = latticeRotations(prim.lattice, symprec, angleTolerance);
        int rare = prim.rarestType();
        List<Integer> seeds = new ArrayList<>();
        for (int i = 0; i < prim.size(); i++) {
            if (prim.types[i] == rare) {
                seeds.add(i);
            }
        }
        double[] p = prim.positions;
        int s0 = seeds.get(0);
        double[] x0 = {p[3 * s0], p[3 * s0 + 1], p[3 * s0 + 2]};
        List<Op> ops = new ArrayList<>();
        for (int[] w : rotations) {
            double[] y = Matrix3.apply(w, x0);
            for (int j : seeds) {
                double[] t = {p[3 * j] - y[0], p[3 * j + 1] - y[1], p[3 * j + 2] - y[2]};
                if (prim.isSymmetry(w, t, symprec)) {
                    for (int c = 0; c < 3; c++) {
                        t[c] = Cell.wrap(t[c]);
                    }
                    ops.add(new Op(w, t));
                    break;
                }
            }
        }
        return ops;
    }

    private static double quad(double[] g, int[] u, int[] v) {
        double s = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                s += u[i] * g[3 * i + j] * v[j];
            }
        }
        return s;
    }

    private static double clamp(double c) {
        return Math.max(-1, Math.min(1, c));
    }
}
