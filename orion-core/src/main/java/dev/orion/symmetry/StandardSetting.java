package dev.orion.symmetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Matches the operations of a primitive cell to the default Hall setting of a space-group type:
 * builds candidate conventional bases from the rotation axes of the point group (the unique axis
 * of monoclinic groups, the three two-fold axes of orthorhombic ones, the four- or three-fold axis
 * and the shortest perpendicular lattice vector of tetragonal, trigonal and hexagonal ones, the
 * three four- or two-fold axes of cubic ones), then, for each type of the point group in
 * number order, checks the centring vectors and the rotations in that basis and solves for the
 * origin shift that turns the translations into the tabulated ones.
 */
final class StandardSetting {

    /** A successful match. */
    static final class Match {
        final HallSettingData setting;
        /** Columns: conventional basis vectors in the coordinates of the primitive cell. */
        final int[] p;
        /** Origin shift in primitive coordinates: x' = x + shift maps the operations onto the table's. */
        final double[] shift;

        Match(HallSettingData setting, int[] p, double[] shift) {
            this.setting = setting;
            this.p = p;
            this.shift = shift;
        }
    }

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

    private StandardSetting() {
    }

    private static int weight(int[] e) {
        // the identity first, then the smallest changes of the a-c plane
        int w = Math.abs(e[1]) + Math.abs(e[2]) + (e[0] == 1 ? 0 : 1) + (e[3] == 1 ? 0 : 1);
        return w;
    }

    /**
     * Finds the type, and among the bases that match it, the one closest to the input cell's own
     * axes, so that a cell already in the standard setting keeps its axes (and, through the
     * smallest origin shift, its origin), as spglib keeps them.
     *
     * @param primInInput columns: the primitive basis in the fractional coordinates of the input cell
     */
    static Match find(Cell prim, List<Op> ops, PointGroupClass pg, double symprec, double[] primInInput) {
        List<HallSettingData> settings = HallSettingData.byPointGroup().get(pg.symbol);
        List<Basis> bases = new ArrayList<>();
        for (int[] p : candidates(prim, ops, pg)) {
            Basis b = Basis.of(p, ops);
            if (b != null) {
                bases.add(b);
            }
        }
        int[][] gens = generators(ops);
        for (HallSettingData h : settings) {
            if (h.translationByRotation.size() != ops.size()) {
                continue;
            }
            Match best = null;
            double bestScore = Double.MAX_VALUE;
            double[] g = Matrix3.metric(prim.lattice);
            for (Basis basis : bases) {
                int[] p = basis.p;
                double[] shift = match(prim, ops, gens, basis, h, symprec);
                if (shift != null) {
                    double score = distanceFromInputAxes(Matrix3.multiply(primInInput, Matrix3.toDouble(p)));
                    if (pg.system == dev.orion.symmetry.CrystalSystem.ORTHORHOMBIC) {
                        // spglib orders orthorhombic axes by length where the setting allows it
                        score += 1000 * lengthOrder(g, p, symprec);
                    }
                    if (score < bestScore - 1e-9) {
                        bestScore = score;
                        best = new Match(h, p, shift);
                    }
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    /** 0 when a <= b <= c, more the further the lengths are from ascending order (a first). */
    private static double lengthOrder(double[] g, int[] p, double symprec) {
        double[] len = new double[3];
        for (int j = 0; j < 3; j++) {
            int[] v = column(p, j);
            len[j] = Math.sqrt(quad(g, v));
        }
        double tol = Math.max(symprec, 1e-9);
        return (len[0] > len[1] + tol ? 2 : 0) + (len[0] > len[2] + tol ? 2 : 0) + (len[1] > len[2] + tol ? 1 : 0);
    }

    /** How far the conventional axes (columns, in input coordinates) are from the input's own a, b, c. */
    private static double distanceFromInputAxes(double[] q) {
        double score = 0;
        for (int j = 0; j < 3; j++) {
            double norm = Math.max(Math.abs(q[j]), Math.max(Math.abs(q[3 + j]), Math.abs(q[6 + j])));
            for (int i = 0; i < 3; i++) {
                score += Math.abs(q[3 * i + j] / norm - (i == j ? 1 : 0));
            }
        }
        return score;
    }

    // --- candidate conventional bases -------------------------------------------------------

    static List<int[]> candidates(Cell prim, List<Op> ops, PointGroupClass pg) {
        double[] g = Matrix3.metric(prim.lattice);
        double[] len = new double[BOX.length];
        Integer[] order = new Integer[BOX.length];
        for (int i = 0; i < BOX.length; i++) {
            len[i] = quad(g, BOX[i]);
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(len[x], len[y]));
        int[][] box = new int[BOX.length][];
        for (int i = 0; i < BOX.length; i++) {
            box[i] = BOX[order[i]];
        }
        List<int[]> proper = properParts(ops);
        List<int[]> out = new ArrayList<>();
        switch (pg.system) {
            case TRICLINIC:
                // spglib's standard triclinic cell is the Niggli cell
                out.add(LatticeReduction.niggliTransform(prim.lattice, 1e-5 * Math.pow(prim.volume(), 2.0 / 3.0)));
                out.add(Matrix3.IDENTITY.clone());
                break;
            case MONOCLINIC: {
                int[] r2 = withTrace(proper, -1).get(0);
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
                int[] r4 = withTrace(proper, 1).get(0);
                int[] c = axis(box, r4);
                int[] r2 = Matrix3.multiply(r4, r4);
                int[] a = null;
                for (int[] v : box) {
                    if (Arrays.equals(Matrix3.apply(r2, v), neg(v))) {
                        a = v;
                        break;
                    }
                }
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
                int[] r3 = withTrace(proper, 0).get(0);
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
                int[] a = a0;
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
            if (seen.add(Matrix3.key(r))) {
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
        throw new IllegalStateException("no lattice vector along a rotation axis");
    }

    // --- matching ----------------------------------------------------------------------------

    /** A candidate basis with what does not depend on the setting tried: centrings and rotation keys. */
    private static final class Basis {
        final int[] p;
        final List<double[]> centrings;
        final int[] keys;

        private Basis(int[] p, List<double[]> centrings, int[] keys) {
            this.p = p;
            this.centrings = centrings;
            this.keys = keys;
        }

        /** The basis, or null if some rotation is not integral in it. */
        static Basis of(int[] p, List<Op> ops) {
            int det = Matrix3.determinant(p);
            int[] adj = Matrix3.adjugate(p);
            int[] keys = new int[ops.size()];
            for (int i = 0; i < ops.size(); i++) {
                int[] num = Matrix3.multiply(Matrix3.multiply(adj, ops.get(i).w), p);
                int[] wc = new int[9];
                for (int k = 0; k < 9; k++) {
                    if (num[k] % det != 0) {
                        return null;
                    }
                    wc[k] = num[k] / det;
                }
                keys[i] = Matrix3.key(wc);
                if (keys[i] < 0) {
                    return null;
                }
            }
            return new Basis(p, centrings(p), keys);
        }
    }

    private static double[] match(Cell prim, List<Op> ops, int[][] gens, Basis basis, HallSettingData h, double symprec) {
        int[] p = basis.p;
        if (basis.centrings.size() != h.centrings.size()) {
            return null;
        }
        for (double[] c : basis.centrings) {
            if (!containsMod1(h.centrings, c)) {
                return null;
            }
        }
        int[] keys = basis.keys;
        for (int key : keys) {
            if (!h.translationByRotation.containsKey(key)) {
                return null;
            }
        }
        // origin shift from the generators, then checked against every operation
        int[][] rows = new int[3 * gens.length][];
        double[] rhs = new double[3 * gens.length];
        for (int g = 0; g < gens.length; g++) {
            Op op = ops.get(gens[g][0]);
            double[] th = Matrix3.apply(p, h.translationByRotation.get(keys[gens[g][0]]));
            for (int r = 0; r < 3; r++) {
                int[] row = new int[3];
                for (int c = 0; c < 3; c++) {
                    row[c] = op.w[3 * r + c] - (r == c ? 1 : 0);
                }
                rows[3 * g + r] = row;
                rhs[3 * g + r] = op.t[r] - th[r];
            }
        }
        ModularSolver.Solutions all = ModularSolver.solveAll(rows, rhs);
        if (all == null) {
            return null;
        }
        double[] s = smallestShift(prim, all);
        double tol2 = 4 * symprec * symprec;
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            double[] th = Matrix3.apply(p, h.translationByRotation.get(keys[i]));
            double[] ws = Matrix3.apply(op.w, s);
            double dx = op.t[0] - ws[0] + s[0] - th[0];
            double dy = op.t[1] - ws[1] + s[1] - th[1];
            double dz = op.t[2] - ws[2] + s[2] - th[2];
            if (prim.distanceSquared(dx, dy, dz) > tol2) {
                return null;
            }
        }
        return s;
    }

    /**
     * Among the equivalent origin shifts (the particular solution plus the discrete solutions of
     * the homogeneous equations, and any amount along free polar directions), the one closest to
     * the input origin, so that a cell already in the standard setting keeps its origin.
     */
    private static double[] smallestShift(Cell prim, ModularSolver.Solutions all) {
        List<double[]> discrete = all.discrete();
        int[] counts = new int[discrete.size()];
        int combos = 1;
        for (int j = 0; j < counts.length; j++) {
            double[] k = discrete.get(j);
            int order = 1;
            while (order < 48) {
                double ax = k[0] * order;
                double ay = k[1] * order;
                double az = k[2] * order;
                if (Math.abs(ax - Math.rint(ax)) < 1e-9 && Math.abs(ay - Math.rint(ay)) < 1e-9
                        && Math.abs(az - Math.rint(az)) < 1e-9) {
                    break;
                }
                order++;
            }
            counts[j] = order;
            combos *= order;
        }
        double[] g = Matrix3.metric(prim.lattice);
        double[] best = null;
        double bestNorm = Double.MAX_VALUE;
        for (int c = 0; c < combos; c++) {
            double[] s = all.particular().clone();
            int rest = c;
            for (int j = 0; j < counts.length; j++) {
                int m = rest % counts[j];
                rest /= counts[j];
                for (int q = 0; q < 3; q++) {
                    s[q] += m * discrete.get(j)[q];
                }
            }
            for (int q = 0; q < 3; q++) {
                s[q] -= Math.rint(s[q]);
            }
            alongFree(s, all.free(), g);
            double norm = prim.distanceSquared(s[0], s[1], s[2]);
            if (norm < bestNorm - 1e-12) {
                bestNorm = norm;
                best = s;
            }
        }
        return best;
    }

    /** Moves s along the free directions to the point nearest the origin (least squares in the metric). */
    private static void alongFree(double[] s, List<double[]> free, double[] g) {
        int k = free.size();
        if (k == 0) {
            return;
        }
        double[][] n = new double[k][k];
        double[] r = new double[k];
        for (int i = 0; i < k; i++) {
            double[] gi = Matrix3.apply(g, free.get(i));
            for (int j = 0; j < k; j++) {
                double[] fj = free.get(j);
                n[i][j] = gi[0] * fj[0] + gi[1] * fj[1] + gi[2] * fj[2];
            }
            r[i] = -(gi[0] * s[0] + gi[1] * s[1] + gi[2] * s[2]);
        }
        double[] lambda = new double[k];
        if (k == 1) {
            lambda[0] = r[0] / n[0][0];
        } else if (k == 2) {
            double det = n[0][0] * n[1][1] - n[0][1] * n[1][0];
            lambda[0] = (r[0] * n[1][1] - n[0][1] * r[1]) / det;
            lambda[1] = (n[0][0] * r[1] - n[1][0] * r[0]) / det;
        } else {
            for (int q = 0; q < 3; q++) {
                s[q] = 0;
            }
            return;
        }
        for (int i = 0; i < k; i++) {
            for (int q = 0; q < 3; q++) {
                s[q] += lambda[i] * free.get(i)[q];
            }
        }
    }

    /** Indices into {@code ops} of rotations that generate the point group (as single-element arrays). */
    private static int[][] generators(List<Op> ops) {
        Set<Integer> group = new HashSet<>();
        List<int[]> members = new ArrayList<>();
        members.add(Matrix3.IDENTITY);
        group.add(Matrix3.key(Matrix3.IDENTITY));
        List<int[]> gens = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            int[] w = ops.get(i).w;
            if (group.contains(Matrix3.key(w))) {
                continue;
            }
            gens.add(new int[] {i});
            boolean grew = true;
            List<int[]> add = new ArrayList<>();
            add.add(w);
            while (grew) {
                grew = false;
                for (int[] x : add) {
                    if (group.add(Matrix3.key(x))) {
                        members.add(x);
                        grew = true;
                    }
                }
                add.clear();
                if (grew) {
                    for (int[] x : members) {
                        for (int[] y : members) {
                            int[] xy = Matrix3.multiply(x, y);
                            int key = Matrix3.key(xy);
                            if (key >= 0 && !group.contains(key)) {
                                add.add(xy);
                            }
                        }
                    }
                    grew = !add.isEmpty();
                }
            }
        }
        return gens.toArray(new int[0][]);
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
                        c[q] = Matrix3.wrap(Math.rint(c[q] * det * 12) / (det * 12.0));
                    }
                    if (!containsMod1(out, c)) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    private static boolean containsMod1(List<double[]> list, double[] v) {
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

    private static double quad(double[] g, int[] v) {
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

    private static int[] column(int[] p, int j) {
        return new int[] {p[j], p[3 + j], p[6 + j]};
    }

    static int[] columns(int[] a, int[] b, int[] c) {
        return new int[] {a[0], b[0], c[0], a[1], b[1], c[1], a[2], b[2], c[2]};
    }
}
