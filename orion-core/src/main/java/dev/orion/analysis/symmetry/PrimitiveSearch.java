package dev.orion.analysis.symmetry;

import dev.orion.structure.Matrix3;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the primitive cell of a crystal: the pure translations that map the atoms onto atoms of
 * the same type within the tolerance, a basis of the lattice they generate (Delaunay reduced), and
 * the atoms of that cell, each averaged over the input atoms it stands for.
 */
final class PrimitiveSearch {

    /** The result: the primitive cell and how it relates to the input cell. */
    static final class Result {
        /** The Delaunay-reduced primitive cell. */
        final Cell cell;
        /** Columns: primitive basis vectors in the fractional coordinates of the input cell. */
        final double[] basis;
        /** Input atom index to primitive atom index. */
        final int[] mapping;
        /** The pure translations of the input cell (fractional, first is zero), exact multiples of 1/n. */
        final List<double[]> translations;

        Result(Cell cell, double[] basis, int[] mapping, List<double[]> translations) {
            this.cell = cell;
            this.basis = basis;
            this.mapping = mapping;
            this.translations = translations;
        }
    }

    private PrimitiveSearch() {
    }

    /** Returns the primitive cell, or null when the tolerance gives an inconsistent answer. */
    static Result find(Cell cell, double symprec) {
        int n = cell.size();
        int rare = cell.rarestType();
        int first = -1;
        for (int i = 0; i < n && first < 0; i++) {
            if (cell.types[i] == rare) {
                first = i;
            }
        }
        double[] p = cell.positions;
        List<double[]> translations = new ArrayList<>();
        translations.add(new double[3]);
        for (int j = 0; j < n; j++) {
            if (j == first || cell.types[j] != rare) {
                continue;
            }
            double[] t = {p[3 * j] - p[3 * first], p[3 * j + 1] - p[3 * first + 1], p[3 * j + 2] - p[3 * first + 2]};
            if (cell.distanceSquared(t[0], t[1], t[2]) < symprec * symprec) {
                continue;
            }
            if (cell.isSymmetry(Rotations.IDENTITY, t, symprec)) {
                translations.add(t);
            }
        }
        if (!closeUnderAddition(cell, translations, symprec)) {
            return null;
        }
        int m = translations.size();
        if (n % m != 0) {
            return null;
        }
        for (double[] t : translations) {
            for (int c = 0; c < 3; c++) {
                double snapped = Math.rint(t[c] * m) / m;
                t[c] = snapped - Math.floor(snapped);
            }
        }
        double[] basis = m == 1 ? Matrix3.toDouble(Rotations.IDENTITY) : primitiveBasis(cell, translations, m);
        if (basis == null) {
            return null;
        }
        int[] reduce = LatticeReduction.delaunayTransform(Matrix3.changeBasis(cell.lattice, basis));
        basis = Matrix3.multiply(basis, Matrix3.toDouble(reduce));
        double[] lattice = Matrix3.changeBasis(cell.lattice, basis);
        int[] inverse = Rotations.roundToInt(Matrix3.inverse(basis), 1e-6);
        if (inverse == null) {
            return null;
        }
        return collapse(cell, lattice, basis, inverse, translations, m, symprec);
    }

    /**
     * Completes the translations to a group: noise can leave out a sum of two found translations
     * (three of the four centring vectors of an F lattice, say). A missing sum is accepted when it
     * maps the atoms within twice the tolerance (the sum of two errors within it); false when it
     * does not, so that the caller reduces the tolerance.
     */
    private static boolean closeUnderAddition(Cell cell, List<double[]> translations, double symprec) {
        double tol2 = symprec * symprec;
        for (int i = 1; i < translations.size(); i++) {
            for (int j = i; j < translations.size(); j++) {
                double[] a = translations.get(i);
                double[] b = translations.get(j);
                double[] sum = {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
                boolean known = false;
                for (double[] t : translations) {
                    known |= cell.distanceSquared(sum[0] - t[0], sum[1] - t[1], sum[2] - t[2]) < tol2;
                }
                if (!known) {
                    if (translations.size() >= cell.size() || !cell.isSymmetry(Rotations.IDENTITY, sum, 2 * symprec)) {
                        return false;
                    }
                    translations.add(sum);
                }
            }
        }
        return true;
    }

    private static double[] primitiveBasis(Cell cell, List<double[]> translations, int m) {
        List<double[]> cand = new ArrayList<>();
        for (int i = 1; i < translations.size(); i++) {
            double[] t = translations.get(i).clone();
            for (int c = 0; c < 3; c++) {
                if (t[c] > 0.5) {
                    t[c] -= 1;
                }
            }
            cand.add(t);
        }
        cand.add(new double[] {1, 0, 0});
        cand.add(new double[] {0, 1, 0});
        cand.add(new double[] {0, 0, 1});
        double[] len = new double[cand.size()];
        double[] g = Matrix3.metric(cell.lattice);
        for (int i = 0; i < len.length; i++) {
            double[] t = cand.get(i);
            double[] gt = Matrix3.apply(g, t);
            len[i] = t[0] * gt[0] + t[1] * gt[1] + t[2] * gt[2];
        }
        Integer[] order = new Integer[len.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(len[x], len[y]));
        double target = 1.0 / m;
        for (int i = 0; i < order.length; i++) {
            for (int j = i + 1; j < order.length; j++) {
                for (int k = j + 1; k < order.length; k++) {
                    double[] x = cand.get(order[i]);
                    double[] y = cand.get(order[j]);
                    double[] z = cand.get(order[k]);
                    double[] b = {x[0], y[0], z[0], x[1], y[1], z[1], x[2], y[2], z[2]};
                    double det = Matrix3.determinant(b);
                    if (Math.abs(Math.abs(det) - target) < 1e-9) {
                        if (det < 0) {
                            for (int r = 0; r < 3; r++) {
                                b[3 * r] = -b[3 * r];
                            }
                        }
                        return b;
                    }
                }
            }
        }
        return null;
    }

    private static Result collapse(Cell cell, double[] lattice, double[] basis, int[] inverse,
            List<double[]> translations, int m, double symprec) {
        int n = cell.size();
        int np = n / m;
        double[] sum = new double[3 * np];
        double[] rep = new double[3 * np];
        int[] count = new int[np];
        int[] types = new int[np];
        int[] mapping = new int[n];
        Cell probe = new Cell(lattice, rep, types);
        int found = 0;
        double tol2 = symprec * symprec;
        for (int i = 0; i < n; i++) {
            double[] f = Matrix3.apply(inverse, new double[] {
                cell.positions[3 * i], cell.positions[3 * i + 1], cell.positions[3 * i + 2]});
            int k = -1;
            for (int q = 0; q < found; q++) {
                if (types[q] == cell.types[i]
                        && probe.distanceSquared(f[0] - rep[3 * q], f[1] - rep[3 * q + 1], f[2] - rep[3 * q + 2]) < tol2) {
                    k = q;
                    break;
                }
            }
            if (k < 0) {
                if (found == np) {
                    return null;
                }
                k = found++;
                types[k] = cell.types[i];
                for (int c = 0; c < 3; c++) {
                    rep[3 * k + c] = f[c];
                }
            }
            for (int c = 0; c < 3; c++) {
                sum[3 * k + c] += f[c] - Math.rint(f[c] - rep[3 * k + c]);
            }
            count[k]++;
            mapping[i] = k;
        }
        if (found != np) {
            return null;
        }
        double[] pos = new double[3 * np];
        for (int k = 0; k < np; k++) {
            if (count[k] != m) {
                return null;
            }
            for (int c = 0; c < 3; c++) {
                pos[3 * k + c] = Cell.wrap(sum[3 * k + c] / m);
            }
        }
        return new Result(new Cell(lattice, pos, types), basis, mapping, translations);
    }
}
