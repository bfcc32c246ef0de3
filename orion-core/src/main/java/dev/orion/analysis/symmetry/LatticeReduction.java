package dev.orion.analysis.symmetry;

import dev.orion.symmetry.SymmetryException;

import dev.orion.structure.Lattice;
import dev.orion.structure.Matrix3;
import java.util.Objects;

/**
 * Reduced bases of a lattice: the Niggli cell (unique, the basis of the International Tables'
 * lattice characters) and the Delaunay (Selling) cell (the basis spglib searches in, whose
 * symmetry operations all have entries -1, 0 or 1).
 *
 * <pre>{@code
 * Lattice niggli = LatticeReduction.niggli(lattice);
 * Lattice delaunay = LatticeReduction.delaunay(lattice);
 * }</pre>
 *
 * <p>Both describe the same lattice (the same points) as the input, with a right-handed basis.
 */
public final class LatticeReduction {

    private static final int MAX_STEPS = 10_000;

    private LatticeReduction() {
    }

    /**
     * Returns the Niggli-reduced basis, with a tolerance of 1e-5 times the cube root of the
     * volume squared, in Å².
     *
     * @param lattice the lattice to reduce
     * @return the reduced lattice
     * @throws SymmetryException if the reduction does not converge (a degenerate cell)
     */
    public static Lattice niggli(Lattice lattice) {
        Objects.requireNonNull(lattice, "lattice");
        return niggli(lattice, 1e-5 * Math.pow(lattice.volume(), 2.0 / 3.0));
    }

    /**
     * Returns the Niggli-reduced basis (Křivý and Gruber's algorithm with the epsilon comparisons
     * of Grosse-Kunstleve, Sauter and Adams).
     *
     * @param lattice   the lattice to reduce
     * @param tolerance the epsilon of the comparisons of metric entries, in Å², positive
     * @return the reduced lattice
     * @throws SymmetryException if the reduction does not converge (a degenerate cell)
     */
    public static Lattice niggli(Lattice lattice, double tolerance) {
        Objects.requireNonNull(lattice, "lattice");
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be positive and finite, was " + tolerance);
        }
        double[] lat = rows(lattice);
        return toLattice(Matrix3.changeBasis(lat, Matrix3.toDouble(niggliTransform(lat, tolerance))));
    }

    /**
     * Returns the Delaunay-reduced basis: the three shortest of the seven vectors of the Selling
     * reduced superbase that form a basis.
     *
     * @param lattice the lattice to reduce
     * @return the reduced lattice
     * @throws SymmetryException if the reduction does not converge (a degenerate cell)
     */
    public static Lattice delaunay(Lattice lattice) {
        Objects.requireNonNull(lattice, "lattice");
        double[] lat = rows(lattice);
        return toLattice(Matrix3.changeBasis(lat, Matrix3.toDouble(delaunayTransform(lat))));
    }

    static double[] rows(Lattice lattice) {
        double[][] m = lattice.matrix();
        return new double[] {m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]};
    }

    static Lattice toLattice(double[] lat) {
        return Lattice.of(new double[][] {
            {lat[0], lat[1], lat[2]}, {lat[3], lat[4], lat[5]}, {lat[6], lat[7], lat[8]}});
    }

    /**
     * The integer matrix whose columns are the Delaunay basis vectors in the coordinates of the
     * given basis; determinant +1.
     */
    static int[] delaunayTransform(double[] lat) {
        int[][] b = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {-1, -1, -1}};
        double[][] v = new double[4][];
        double scale = 0;
        for (int i = 0; i < 4; i++) {
            v[i] = cartesian(lat, b[i]);
            scale = Math.max(scale, Matrix3.dot(v[i], v[i]));
        }
        double eps = 1e-10 * scale;
        int steps = 0;
        boolean changed = true;
        while (changed) {
            if (++steps > MAX_STEPS) {
                throw new SymmetryException("Delaunay reduction did not converge; the cell is degenerate");
            }
            changed = false;
            outer:
            for (int i = 0; i < 4; i++) {
                for (int j = i + 1; j < 4; j++) {
                    if (Matrix3.dot(v[i], v[j]) > eps) {
                        for (int k = 0; k < 4; k++) {
                            if (k != i && k != j) {
                                for (int c = 0; c < 3; c++) {
                                    b[k][c] += b[i][c];
                                    v[k][c] += v[i][c];
                                }
                            }
                        }
                        for (int c = 0; c < 3; c++) {
                            b[i][c] = -b[i][c];
                            v[i][c] = -v[i][c];
                        }
                        changed = true;
                        break outer;
                    }
                }
            }
        }
        int[][] cand = {b[0], b[1], b[2], b[3], add(b[0], b[1]), add(b[1], b[2]), add(b[2], b[0])};
        double[] len = new double[7];
        Integer[] order = new Integer[7];
        for (int i = 0; i < 7; i++) {
            double[] c = cartesian(lat, cand[i]);
            len[i] = Matrix3.dot(c, c);
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(len[x], len[y]));
        for (int i = 0; i < 7; i++) {
            for (int j = i + 1; j < 7; j++) {
                for (int k = j + 1; k < 7; k++) {
                    int[] p = columns(cand[order[i]], cand[order[j]], cand[order[k]]);
                    int det = Matrix3.determinant(p);
                    if (det == 1) {
                        return p;
                    }
                    if (det == -1) {
                        return Matrix3.negate(p);
                    }
                }
            }
        }
        throw new SymmetryException("Delaunay reduction found no basis; the cell is degenerate");
    }

    /** The integer matrix whose columns are the Niggli basis vectors in the given basis. */
    static int[] niggliTransform(double[] lat, double eps) {
        int[] p = Rotations.IDENTITY.clone();
        for (int step = 0; step < MAX_STEPS; step++) {
            double[] g = Matrix3.metric(Matrix3.changeBasis(lat, Matrix3.toDouble(p)));
            double a = g[0];
            double b = g[4];
            double c = g[8];
            double xi = 2 * g[5];
            double eta = 2 * g[2];
            double zeta = 2 * g[1];
            int[] m = niggliStep(a, b, c, xi, eta, zeta, eps);
            if (m == null) {
                return p;
            }
            p = Matrix3.multiply(p, m);
        }
        throw new SymmetryException("Niggli reduction did not converge; the cell is degenerate");
    }

    /** One step of the algorithm, or null when the cell is reduced. */
    private static int[] niggliStep(double a, double b, double c, double xi, double eta, double zeta, double e) {
        if (a > b + e || (Math.abs(a - b) <= e && Math.abs(xi) > Math.abs(eta) + e)) {
            return new int[] {0, -1, 0, -1, 0, 0, 0, 0, -1};
        }
        if (b > c + e || (Math.abs(b - c) <= e && Math.abs(eta) > Math.abs(zeta) + e)) {
            return new int[] {-1, 0, 0, 0, 0, -1, 0, -1, 0};
        }
        int l = sign(xi, e);
        int m = sign(eta, e);
        int n = sign(zeta, e);
        if (l * m * n == 1) {
            if (xi < 0 || eta < 0 || zeta < 0) {
                return new int[] {l, 0, 0, 0, m, 0, 0, 0, n};
            }
        } else {
            int[] s = {1, 1, 1};
            int free = -1;
            int[] signs = {l, m, n};
            for (int i = 0; i < 3; i++) {
                if (signs[i] == 1) {
                    s[i] = -1;
                } else if (signs[i] == 0) {
                    free = i;
                }
            }
            if (s[0] * s[1] * s[2] < 0) {
                if (free < 0) {
                    throw new SymmetryException("Niggli reduction reached an inconsistent sign state");
                }
                s[free] = -1;
            }
            if (s[0] != 1 || s[1] != 1 || s[2] != 1) {
                return new int[] {s[0], 0, 0, 0, s[1], 0, 0, 0, s[2]};
            }
        }
        if (Math.abs(xi) > b + e || (Math.abs(xi - b) <= e && 2 * eta < zeta - e)
                || (Math.abs(xi + b) <= e && zeta < -e)) {
            return new int[] {1, 0, 0, 0, 1, -(int) Math.signum(xi), 0, 0, 1};
        }
        if (Math.abs(eta) > a + e || (Math.abs(eta - a) <= e && 2 * xi < zeta - e)
                || (Math.abs(eta + a) <= e && zeta < -e)) {
            return new int[] {1, 0, -(int) Math.signum(eta), 0, 1, 0, 0, 0, 1};
        }
        if (Math.abs(zeta) > a + e || (Math.abs(zeta - a) <= e && 2 * xi < eta - e)
                || (Math.abs(zeta + a) <= e && eta < -e)) {
            return new int[] {1, -(int) Math.signum(zeta), 0, 0, 1, 0, 0, 0, 1};
        }
        double sum = xi + eta + zeta + a + b;
        if (sum < -e || (Math.abs(sum) <= e && 2 * (a + eta) + zeta > e)) {
            return new int[] {1, 0, 1, 0, 1, 1, 0, 0, 1};
        }
        return null;
    }

    private static int sign(double x, double e) {
        return x > e ? 1 : (x < -e ? -1 : 0);
    }

    private static int[] add(int[] x, int[] y) {
        return new int[] {x[0] + y[0], x[1] + y[1], x[2] + y[2]};
    }

    private static int[] columns(int[] x, int[] y, int[] z) {
        return new int[] {x[0], y[0], z[0], x[1], y[1], z[1], x[2], y[2], z[2]};
    }

    private static double[] cartesian(double[] lat, int[] f) {
        return new double[] {
            f[0] * lat[0] + f[1] * lat[3] + f[2] * lat[6],
            f[0] * lat[1] + f[1] * lat[4] + f[2] * lat[7],
            f[0] * lat[2] + f[1] * lat[5] + f[2] * lat[8]};
    }
}
