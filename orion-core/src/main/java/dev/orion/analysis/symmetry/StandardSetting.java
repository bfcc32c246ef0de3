package dev.orion.analysis.symmetry;

import dev.orion.symmetry.CrystalSystem;

import dev.orion.structure.Matrix3;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Matches the operations of a primitive cell to the default Hall setting of a space-group type:
 * for each type of the point group in number order, and each candidate conventional basis
 * ({@link ConventionalBases}), checks the centring vectors and the rotations in that basis and
 * solves for the origin shift that turns the translations into the tabulated ones
 * ({@link ModularSolver}, {@link OriginShift}).
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

    private StandardSetting() {
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
        for (int[] p : ConventionalBases.candidates(prim, ops, pg)) {
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
            int[] v = ConventionalBases.column(p, j);
            len[j] = Math.sqrt(ConventionalBases.quad(g, v));
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
            if (det <= 0) {
                // axes that do not span space (a degenerate candidate at a loose tolerance)
                return null;
            }
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
                keys[i] = Rotations.key(wc);
                if (keys[i] < 0) {
                    return null;
                }
            }
            return new Basis(p, ConventionalBases.centrings(p), keys);
        }
    }

    private static double[] match(Cell prim, List<Op> ops, int[][] gens, Basis basis, HallSettingData h, double symprec) {
        int[] p = basis.p;
        if (basis.centrings.size() != h.centrings.size()) {
            return null;
        }
        for (double[] c : basis.centrings) {
            if (!ConventionalBases.containsMod1(h.centrings, c)) {
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
        double[] s = OriginShift.smallestShift(prim, all);
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

    /** Indices into {@code ops} of rotations that generate the point group (as single-element arrays). */
    private static int[][] generators(List<Op> ops) {
        Set<Integer> group = new HashSet<>();
        List<int[]> members = new ArrayList<>();
        members.add(Rotations.IDENTITY);
        group.add(Rotations.key(Rotations.IDENTITY));
        List<int[]> gens = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            int[] w = ops.get(i).w;
            if (group.contains(Rotations.key(w))) {
                continue;
            }
            gens.add(new int[] {i});
            boolean grew = true;
            List<int[]> add = new ArrayList<>();
            add.add(w);
            while (grew) {
                grew = false;
                for (int[] x : add) {
                    if (group.add(Rotations.key(x))) {
                        members.add(x);
                        grew = true;
                    }
                }
                add.clear();
                if (grew) {
                    for (int[] x : members) {
                        for (int[] y : members) {
                            int[] xy = Matrix3.multiply(x, y);
                            int key = Rotations.key(xy);
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
}
