package dev.orion.analysis.symmetry;

import dev.orion.structure.Matrix3;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Candidate conventional bases of a primitive cell, from the rotation axes of its point group:
 * the unique axis and every unimodular choice (entries -1..1) of the perpendicular plane for
 * monoclinic groups; the three two-fold axes in all 24 orientations for orthorhombic ones; the
 * four-fold or three-fold axis and each shortest perpendicular lattice vector for tetragonal,
 * trigonal and hexagonal ones (obverse for R); the three four-fold (or two-fold) axes for cubic
 * ones; the Niggli cell for triclinic ones. Each basis is an integer matrix whose columns are the
 * conventional vectors in primitive coordinates.
 */
final class ConventionalBases {

    private static final int[][] BOX;
    private static final int[][] GL2;

    static {
        List<int[]> box = new ArrayList<>();
        for (int i = -3; i <= 3; i++) {
            for (int j = -3; j <= 3; j++) {
                for (int k = -3; k <= 3; k++) {
                    if (i != 0 || j != 0 || k != 0) {
                        box.add(new int[] {i, j, k});
                    }
                }
            }
        }
        BOX = box.toArray(new int[0][]);
        List<int[]> gl2 = new ArrayList<>();
        for (int m = 0; m < 81; m++) {
            int[] e = {m % 3 - 1, m / 3 % 3 - 1, m / 9 % 3 - 1, m / 27 % 3 - 1};
            int det = e[0] * e[3] - e[1] * e[2];
            if (det == 1 || det == -1) {
                gl2.add(e);
            }
        }
        gl2.sort((x, y) -> Integer.compare(weight(x), weight(y)));
        GL2 = gl2.toArray(new int[0][]);
    }


    private ConventionalBases() {
    }

    private static int weight(int[] e) {
        // the identity first, then the smallest changes of the a-c plane
        int w = Math.abs(e[1]) + Math.abs(e[2]) + (e[0] == 1 ? 0 : 1) + (e[3] == 1 ? 0 : 1);
        return w;
    }


    /**
     * The candidate bases; empty when the operations, found at a loose tolerance, lack the axes
     * their point group should have (the caller then reduces the tolerance).
     */
    static List<int[]> candidates(Cell prim, List<Op> ops, PointGroupClass pg) {
        try {
            return build(prim, ops, pg);
        } catch (NoBasis e) {
            return List.of();
        }
    }

    /** The axes a point group needs are missing; not an error of the caller. */
    private static final class NoBasis extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoBasis() {
            super(null, null, false, false);
        }
    }

    private static int[] first(List<int[]> list) {
        if (list.isEmpty()) {
            throw new NoBasis();
        }
        return list.get(0);
    }

    private static int[] found(int[] v) {
        if (v == null) {
            throw new NoBasis();
        }
        return v;
    }

    private static List<int[]> build(Cell prim, List<Op> ops, PointGroupClass pg) {
        double[] g = Matrix3.metric(prim.lattice);
        // sorted by length through primitive keys (length scaled to 40 bits, then the index, so
        // that lengths equal to 1e-12 keep the box order)
        double[] len = new double[BOX.length];
        double max = 0;
        for (int i = 0; i < BOX.length; i++) {
            len[i] = quad(g, BOX[i]);
            max = Math.max(max, len[i]);
        }
        long[] keys = new long[BOX.length];
        for (int i = 0; i < BOX.length; i++) {
            keys[i] = (Math.round(len[i] / max * (1L << 40)) << 10) | i;
        }
        Arrays.sort(keys);
        int[][] box = new int[BOX.length][];
        for (int i = 0; i < BOX.length; i++) {
            box[i] = BOX[(int) (keys[i] & 1023)];
        }
        List<int[]> proper = properParts(ops);
        List<int[]> out = new ArrayList<>();
        switch (pg.system) {
            case TRICLINIC:
                // spglib's standard triclinic cell is the Niggli cell
                out.add(LatticeReduction.niggliTransform(prim.lattice, 1e-5 * Math.pow(prim.volume(), 2.0 / 3.0)));
                out.add(Rotations.IDENTITY.clone());
                break;
            case MONOCLINIC: {
                int[] r2 = first(withTrace(proper, -1));
                int[] b = axis(box, r2);
                int[] a = null;
                int[] c = null;
                for (int[] v : box) {
                    if (Arrays.equals(Matrix3.apply(r2, v), neg(v))) {
                        if (a == null) {
                            a = v;
                        } else if (!parallel(a, v)) {
                            c = v;
                            break;
                        }
                    }
                }
                found(a);
                found(c);
                for (int[] m : GL2) {
                    int[] a2 = combine(m[0], a, m[2], c);
                    int[] c2 = combine(m[1], a, m[3], c);
                    int[] p = columns(a2, b, c2);
                    if (Matrix3.determinant(p) < 0) {
                        p = columns(a2, neg(b), c2);
                    }
                    out.add(p);
                }
                break;
            }
            case ORTHORHOMBIC:
                permutations(box, withTrace(proper, -1), out);
                break;
            case TETRAGONAL: {
                int[] r4 = first(withTrace(proper, 1));
                int[] c = axis(box, r4);
                int[] r2 = Matrix3.multiply(r4, r4);
                int[] a = null;
                for (int[] v : box) {
                    if (Arrays.equals(Matrix3.apply(r2, v), neg(v))) {
                        a = v;
                        break;
                    }
                }
                found(a);
                // the four equivalent choices of a, each with c up or down
                for (int k = 0; k < 4; k++) {
                    int[] b = Matrix3.apply(r4, a);
                    int[] p = columns(a, b, c);
                    out.add(Matrix3.determinant(p) > 0 ? p : columns(a, b, neg(c)));
                    out.add(Matrix3.determinant(p) > 0 ? columns(b, a, neg(c)) : columns(b, a, c));
                    a = b;
                }
                break;
            }
            case TRIGONAL:
            case HEXAGONAL: {
                int[] r3 = first(withTrace(proper, 0));
                int[] r3sq = Matrix3.multiply(r3, r3);
                int[] c = axis(box, r3);
                int[] a0 = null;
                for (int[] v : box) {
                    int[] x = Matrix3.apply(r3, v);
                    int[] y = Matrix3.apply(r3sq, v);
                    if (v[0] + x[0] + y[0] == 0 && v[1] + x[1] + y[1] == 0 && v[2] + x[2] + y[2] == 0) {
                        a0 = v;
                        break;
                    }
                }
                // the six shortest vectors of the hexagonal net as a, each with c up or down
                int[] a = found(a0);
                for (int k = 0; k < 6; k++) {
                    int[] b = Matrix3.apply(r3, a);
                    int[] p = columns(a, b, c);
                    if (Matrix3.determinant(p) < 0) {
                        p = columns(a, b, neg(c));
                    }
                    int[] q = columns(b, a, neg(column(p, 2)));
                    for (int[] cand : new int[][] {p, q}) {
                        if (Matrix3.determinant(cand) != 3 || isObverse(cand)) {
                            out.add(cand);
                        }
                    }
                    a = k == 2 ? neg(a0) : b;
                }
                break;
            }
            case CUBIC: {
                List<int[]> fourFolds = withTrace(proper, 1);
                permutations(box, fourFolds.isEmpty() ? withTrace(proper, -1) : fourFolds, out);
                break;
            }
            default:
                throw new IllegalStateException("unknown crystal system " + pg.system);
        }
        return out;
    }

    private static void permutations(int[][] box, List<int[]> rotations, List<int[]> out) {
        List<int[]> axes = new ArrayList<>();
        for (int[] r : rotations) {
            int[] v = axis(box, r);
            boolean seen = false;
            for (int[] u : axes) {
                seen |= parallel(u, v);
            }
            if (!seen) {
                axes.add(v);
            }
        }
        if (axes.size() < 3) {
            throw new NoBasis();
        }
        int[][] perms = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}, {1, 0, 2}, {0, 2, 1}, {2, 1, 0}};
        int[][] signs = {{1, 1, 1}, {-1, -1, 1}, {-1, 1, -1}, {1, -1, -1}};
        for (int[] pm : perms) {
            for (int[] s : signs) {
                int[] p = columns(scale(s[0], axes.get(pm[0])), scale(s[1], axes.get(pm[1])),
                        scale(s[2], axes.get(pm[2])));
                out.add(Matrix3.determinant(p) > 0 ? p : Matrix3.negate(p));
            }
        }
    }

    private static boolean isObverse(int[] p) {
        for (double[] c : centrings(p)) {
            if (Math.abs(c[0] - 2.0 / 3) < 1e-6 && Math.abs(c[1] - 1.0 / 3) < 1e-6 && Math.abs(c[2] - 1.0 / 3) < 1e-6) {
                return true;
            }
        }
        return false;
    }

    /** Proper parts (det * W) of the rotations, without repeats. */
    private static List<int[]> properParts(List<Op> ops) {
        List<int[]> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (Op op : ops) {
            int[] r = Matrix3.determinant(op.w) == 1 ? op.w : Matrix3.negate(op.w);
            if (seen.add(Rotations.key(r))) {
                out.add(r);
            }
        }
        return out;
    }

    private static List<int[]> withTrace(List<int[]> rotations, int trace) {
        List<int[]> out = new ArrayList<>();
        for (int[] r : rotations) {
            if (Matrix3.trace(r) == trace) {
                out.add(r);
            }
        }
        return out;
    }

    /** The shortest lattice vector of the box along the axis of a proper rotation. */
    private static int[] axis(int[][] box, int[] r) {
        for (int[] v : box) {
            if (Arrays.equals(Matrix3.apply(r, v), v)) {
                return v;
            }
        }
        throw new NoBasis();
    }

    /** Lattice points of the primitive lattice inside the conventional cell spanned by {@code p}. */
    static List<double[]> centrings(int[] p) {
        double[] inv = Matrix3.inverse(Matrix3.toDouble(p));
        int det = Math.abs(Matrix3.determinant(p));
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < det; i++) {
            for (int j = 0; j < det; j++) {
                for (int k = 0; k < det; k++) {
                    double[] c = Matrix3.apply(inv, new double[] {i, j, k});
                    for (int q = 0; q < 3; q++) {
                        c[q] = Cell.wrap(Math.rint(c[q] * det * 12) / (det * 12.0));
                    }
                    if (!containsMod1(out, c)) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    static boolean containsMod1(List<double[]> list, double[] v) {
        for (double[] u : list) {
            boolean same = true;
            for (int q = 0; q < 3 && same; q++) {
                double d = u[q] - v[q];
                same = Math.abs(d - Math.rint(d)) < 1e-6;
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    static double quad(double[] g, int[] v) {
        double s = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                s += v[i] * g[3 * i + j] * v[j];
            }
        }
        return s;
    }

    private static boolean parallel(int[] u, int[] v) {
        return u[1] * v[2] - u[2] * v[1] == 0 && u[2] * v[0] - u[0] * v[2] == 0 && u[0] * v[1] - u[1] * v[0] == 0;
    }

    private static int[] neg(int[] v) {
        return new int[] {-v[0], -v[1], -v[2]};
    }

    private static int[] scale(int s, int[] v) {
        return new int[] {s * v[0], s * v[1], s * v[2]};
    }

    private static int[] combine(int x, int[] u, int y, int[] v) {
        return new int[] {x * u[0] + y * v[0], x * u[1] + y * v[1], x * u[2] + y * v[2]};
    }

    static int[] column(int[] p, int j) {
        return new int[] {p[j], p[3 + j], p[6 + j]};
    }

    static int[] columns(int[] a, int[] b, int[] c) {
        return new int[] {a[0], b[0], c[0], a[1], b[1], c[1], a[2], b[2], c[2]};
    }
}
