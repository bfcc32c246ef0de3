package dev.orion.analysis.symmetry;

import dev.orion.symmetry.SymmetryOperation;

import dev.orion.structure.Matrix3;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Wyckoff positions of the default setting of each space-group type (letter, multiplicity,
 * site-symmetry symbol and one point, from {@code wyckoff-positions.tsv}), and the assignment of a
 * point of the standard cell to its position.
 *
 * <p>Each position is turned into an affine map onto its fixed subspace with integer
 * coefficients, {@code F(y) = x0 + E (y_free - x0_free)} (the form of the coordinate triplets of
 * the International Tables, {@code x,2x,1/4} for example): a point lies on the position's subspace
 * modulo lattice translations exactly when {@code F(y) - y} is a lattice vector.
 */
final class WyckoffTable {

    private static final double TOL = 1e-6;

    /** One Wyckoff position. */
    static final class Position {
        final String letter;
        final int multiplicity;
        final String siteSymmetry;
        private final double[] x0;
        private final int[] free;
        private final double[][] e;

        Position(String letter, int multiplicity, String siteSymmetry, double[] x0, int[] free, double[][] e) {
            this.letter = letter;
            this.multiplicity = multiplicity;
            this.siteSymmetry = siteSymmetry;
            this.x0 = x0;
            this.free = free;
            this.e = e;
        }

        boolean contains(double[] y) {
            for (int r = 0; r < 3; r++) {
                double f = x0[r];
                for (int k = 0; k < free.length; k++) {
                    f += e[r][k] * (y[free[k]] - x0[free[k]]);
                }
                double d = f - y[r];
                if (Math.abs(d - Math.rint(d)) > TOL) {
                    return false;
                }
            }
            return true;
        }
    }

    private WyckoffTable() {
    }

    /** The positions of a default setting, letter a first. */
    static List<Position> positions(int hallNumber) {
        List<Position> p = Holder.TABLE.get(hallNumber);
        if (p == null) {
            throw new IllegalArgumentException("no Wyckoff positions for Hall number " + hallNumber);
        }
        return p;
    }

    /**
     * The position of a point of the standard conventional cell.
     *
     * @param ops the operations of the setting, centring included
     * @param y   a point, already averaged over its site-symmetry group
     * @param tol the fractional tolerance of "fixes the point"
     */
    static Position assign(int hallNumber, List<SymmetryOperation> ops, double[] y, double tol) {
        int fixing = 0;
        double[] img = new double[3];
        for (SymmetryOperation op : ops) {
            op.apply(y, img);
            if (sameMod1(img, y, tol)) {
                fixing++;
            }
        }
        int multiplicity = ops.size() / Math.max(1, fixing);
        List<Position> positions = positions(hallNumber);
        Position sameMultiplicity = null;
        for (Position p : positions) {
            if (p.multiplicity != multiplicity) {
                continue;
            }
            sameMultiplicity = p;
            for (SymmetryOperation op : ops) {
                op.apply(y, img);
                if (p.contains(img)) {
                    return p;
                }
            }
        }
        // only reachable through rounding at the tolerance's edge: the last candidate of the multiplicity
        return sameMultiplicity != null ? sameMultiplicity : positions.get(positions.size() - 1);
    }

    private static boolean sameMod1(double[] a, double[] b, double tol) {
        for (int i = 0; i < 3; i++) {
            double d = a[i] - b[i];
            if (Math.abs(d - Math.rint(d)) > tol) {
                return false;
            }
        }
        return true;
    }

    private static final class Holder {
        static final Map<Integer, List<Position>> TABLE = load();

        private static Map<Integer, List<Position>> load() {
            Map<Integer, List<Position>> out = new HashMap<>();
            try (InputStream in = WyckoffTable.class.getResourceAsStream("wyckoff-positions.tsv");
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split("\t");
                    int hall = Integer.parseInt(f[0]);
                    double[] x0 = {fraction(f[4]), fraction(f[5]), fraction(f[6])};
                    out.computeIfAbsent(hall, k -> new ArrayList<>())
                            .add(build(hall, f[1], Integer.parseInt(f[2]), f[3], x0));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read wyckoff-positions.tsv", e);
            }
            out.replaceAll((k, v) -> List.copyOf(v));
            return out;
        }

        private static double fraction(String s) {
            int slash = s.indexOf('/');
            return slash < 0 ? Double.parseDouble(s)
                    : Double.parseDouble(s.substring(0, slash)) / Double.parseDouble(s.substring(slash + 1));
        }

        /** Derives the affine map onto the fixed subspace of the point's site-symmetry group. */
        private static Position build(int hall, String letter, int multiplicity, String site, double[] x0) {
            List<SymmetryOperation> ops = SpaceGroups.operations(SpaceGroups.byHallNumber(hall));
            double[] avg = new double[9];
            int n = 0;
            double[] img = new double[3];
            for (SymmetryOperation op : ops) {
                op.apply(x0, img);
                if (sameMod1(img, x0, 1e-9)) {
                    for (int i = 0; i < 9; i++) {
                        avg[i] += op.rotation(i / 3, i % 3);
                    }
                    n++;
                }
            }
            for (int i = 0; i < 9; i++) {
                avg[i] /= n;
            }
            // the columns of the averaging operator span the directions of the fixed subspace
            List<double[]> basis = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                double[] v = {avg[c], avg[3 + c], avg[6 + c]};
                if (independent(basis, v)) {
                    basis.add(v);
                }
            }
            int k = basis.size();
            for (int[] free : subsets(k)) {
                double[][] e = solve(basis, free);
                if (e != null) {
                    return new Position(letter, multiplicity, site, x0, free, e);
                }
            }
            throw new IllegalStateException("Wyckoff position " + letter + " of Hall " + hall
                    + " has no integer coordinate triplet");
        }

        private static boolean independent(List<double[]> basis, double[] v) {
            double[][] m = new double[basis.size() + 1][];
            for (int i = 0; i < basis.size(); i++) {
                m[i] = basis.get(i);
            }
            m[basis.size()] = v;
            return rank(m) == m.length;
        }

        private static int rank(double[][] rows) {
            double[][] a = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                a[i] = rows[i].clone();
            }
            int rank = 0;
            for (int c = 0; c < 3 && rank < a.length; c++) {
                int piv = -1;
                for (int r = rank; r < a.length; r++) {
                    if (Math.abs(a[r][c]) > 1e-9 && (piv < 0 || Math.abs(a[r][c]) > Math.abs(a[piv][c]))) {
                        piv = r;
                    }
                }
                if (piv < 0) {
                    continue;
                }
                double[] t = a[rank];
                a[rank] = a[piv];
                a[piv] = t;
                for (int r = 0; r < a.length; r++) {
                    if (r != rank) {
                        double f = a[r][c] / a[rank][c];
                        for (int q = 0; q < 3; q++) {
                            a[r][q] -= f * a[rank][q];
                        }
                    }
                }
                rank++;
            }
            return rank;
        }

        private static List<int[]> subsets(int k) {
            List<int[]> out = new ArrayList<>();
            if (k == 0) {
                out.add(new int[0]);
            } else if (k == 1) {
                out.add(new int[] {0});
                out.add(new int[] {1});
                out.add(new int[] {2});
            } else if (k == 2) {
                out.add(new int[] {0, 1});
                out.add(new int[] {0, 2});
                out.add(new int[] {1, 2});
            } else {
                out.add(new int[] {0, 1, 2});
            }
            return out;
        }

        /** E with E[free[k]][j] = delta(k, j) spanning the basis, if its entries are integers. */
        private static double[][] solve(List<double[]> basis, int[] free) {
            int k = free.length;
            if (k == 0) {
                return new double[3][0];
            }
            double[][] bf = new double[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    bf[i][j] = basis.get(j)[free[i]];
                }
            }
            double[][] inv = invert(bf);
            if (inv == null) {
                return null;
            }
            double[][] e = new double[3][k];
            for (int r = 0; r < 3; r++) {
                for (int j = 0; j < k; j++) {
                    double v = 0;
                    for (int q = 0; q < k; q++) {
                        v += basis.get(q)[r] * inv[q][j];
                    }
                    if (Math.abs(v - Math.rint(v)) > 1e-9) {
                        return null;
                    }
                    e[r][j] = Math.rint(v);
                }
            }
            return e;
        }

        private static double[][] invert(double[][] m) {
            int k = m.length;
            if (k == 1) {
                return Math.abs(m[0][0]) < 1e-9 ? null : new double[][] {{1 / m[0][0]}};
            }
            if (k == 2) {
                double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
                if (Math.abs(det) < 1e-9) {
                    return null;
                }
                return new double[][] {{m[1][1] / det, -m[0][1] / det}, {-m[1][0] / det, m[0][0] / det}};
            }
            double[] flat = {m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]};
            if (Math.abs(Matrix3.determinant(flat)) < 1e-9) {
                return null;
            }
            double[] i = Matrix3.inverse(flat);
            return new double[][] {{i[0], i[1], i[2]}, {i[3], i[4], i[5]}, {i[6], i[7], i[8]}};
        }
    }
}
