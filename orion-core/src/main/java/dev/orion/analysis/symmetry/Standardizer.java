package dev.orion.analysis.symmetry;

import dev.orion.symmetry.SettingTransformation;
import dev.orion.symmetry.SymmetryOperation;

import dev.orion.structure.Lattice;
import dev.orion.structure.Matrix3;
import dev.orion.structure.Site;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the parts of a dataset from a successful match: operations of the input cell, equivalent
 * atoms, the transformation to the standard setting and the standardised cells.
 */
final class Standardizer {

    private final Cell input;
    private final PrimitiveSearch.Result prim;
    private final List<Op> ops;
    private final StandardSetting.Match match;
    private final double symprec;
    /** Conventional basis in the fractional coordinates of the input cell (columns). */
    private final double[] convInInput;
    /** Symmetrised positions of the primitive atoms in the conventional cell, three per atom. */
    private final double[] convPositions;

    Standardizer(Cell input, PrimitiveSearch.Result prim, List<Op> ops, StandardSetting.Match match, double symprec) {
        this.input = input;
        this.prim = prim;
        this.ops = ops;
        this.match = match;
        this.symprec = symprec;
        this.convInInput = Matrix3.multiply(prim.basis, Matrix3.toDouble(match.p));
        this.convPositions = symmetrisedPositions();
    }

    SettingTransformation transformation() {
        double[] inv = Matrix3.inverse(convInInput);
        double[] pinv = Matrix3.inverse(Matrix3.toDouble(match.p));
        double[] shift = Matrix3.apply(pinv, match.shift);
        for (int i = 0; i < 3; i++) {
            shift[i] = Cell.wrap(shift[i]);
            if (shift[i] > 1 - 1e-9) {
                shift[i] = 0;
            }
        }
        return new SettingTransformation(new double[][] {
            {clean(inv[0]), clean(inv[1]), clean(inv[2])},
            {clean(inv[3]), clean(inv[4]), clean(inv[5])},
            {clean(inv[6]), clean(inv[7]), clean(inv[8])}}, shift);
    }

    /** The operations of the input cell: primitive ones that keep its lattice, times its pure translations. */
    List<SymmetryOperation> inputOperations() {
        double[] m = prim.basis;
        double[] minv = Matrix3.inverse(m);
        List<SymmetryOperation> out = new ArrayList<>();
        for (Op op : ops) {
            int[] w = Rotations.roundToInt(Matrix3.multiply(Matrix3.multiply(m, Matrix3.toDouble(op.w)), minv), 1e-6);
            if (w == null) {
                continue;
            }
            double[] t = Matrix3.apply(m, op.t);
            for (double[] tau : prim.translations) {
                SymmetryOperation so = SymmetryOperation.ofFlat(w, new double[] {t[0] + tau[0], t[1] + tau[1], t[2] + tau[2]});
                if (so.isIdentity()) {
                    out.add(0, so);
                } else {
                    out.add(so);
                }
            }
        }
        return out;
    }

    /** For each input atom, the lowest index of an atom in its orbit. */
    int[] equivalentAtoms() {
        Cell p = prim.cell;
        int np = p.size();
        int[] orbit = new int[np];
        for (int k = 0; k < np; k++) {
            orbit[k] = k;
        }
        double tol2 = symprec * symprec;
        for (Op op : ops) {
            for (int k = 0; k < np; k++) {
                double[] y = Matrix3.apply(op.w, new double[] {p.positions[3 * k], p.positions[3 * k + 1], p.positions[3 * k + 2]});
                int j = p.findAtom(y[0] + op.t[0], y[1] + op.t[1], y[2] + op.t[2], p.types[k], 4 * tol2);
                if (j >= 0) {
                    union(orbit, k, j);
                }
            }
        }
        int[] firstInput = new int[np];
        java.util.Arrays.fill(firstInput, -1);
        int[] out = new int[input.size()];
        for (int i = 0; i < input.size(); i++) {
            int root = find(orbit, prim.mapping[i]);
            if (firstInput[root] < 0) {
                firstInput[root] = i;
            }
            out[i] = firstInput[root];
        }
        return out;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    /** Positions of the primitive atoms in the standard conventional cell, averaged over their site groups. */
    private double[] symmetrisedPositions() {
        Cell p = prim.cell;
        int np = p.size();
        double[] pinv = Matrix3.inverse(Matrix3.toDouble(match.p));
        double[] convLattice = Matrix3.changeBasis(p.lattice, Matrix3.toDouble(match.p));
        Cell conv = new Cell(convLattice, new double[0], new int[0]);
        double tol2 = 4 * symprec * symprec;
        double[] out = new double[3 * np];
        List<SymmetryOperation> hallOps = match.setting.operations;
        for (int k = 0; k < np; k++) {
            double[] x = Matrix3.apply(pinv, new double[] {
                p.positions[3 * k] + match.shift[0], p.positions[3 * k + 1] + match.shift[1],
                p.positions[3 * k + 2] + match.shift[2]});
            double[] sum = new double[3];
            int count = 0;
            double[] y = new double[3];
            for (SymmetryOperation op : hallOps) {
                op.apply(x, y);
                double dx = y[0] - x[0];
                double dy = y[1] - x[1];
                double dz = y[2] - x[2];
                if (conv.distanceSquared(dx, dy, dz) < tol2) {
                    sum[0] += y[0] - Math.rint(dx);
                    sum[1] += y[1] - Math.rint(dy);
                    sum[2] += y[2] - Math.rint(dz);
                    count++;
                }
            }
            for (int c = 0; c < 3; c++) {
                out[3 * k + c] = count == 0 ? Cell.wrap(x[c]) : Cell.wrap(sum[c] / count);
            }
        }
        return out;
    }

    /** The Wyckoff position of each input atom, through the primitive atom it stands for. */
    List<WyckoffTable.Position> wyckoffPositions() {
        int np = prim.cell.size();
        WyckoffTable.Position[] byPrim = new WyckoffTable.Position[np];
        for (int k = 0; k < np; k++) {
            byPrim[k] = WyckoffTable.assign(match.setting.type.hallNumber(), match.setting.operations,
                    new double[] {convPositions[3 * k], convPositions[3 * k + 1], convPositions[3 * k + 2]}, 1e-6);
        }
        List<WyckoffTable.Position> out = new ArrayList<>(input.size());
        for (int i = 0; i < input.size(); i++) {
            out.add(byPrim[prim.mapping[i]]);
        }
        return out;
    }

    /** The idealised conventional lattice in the standard orientation. */
    Lattice conventionalLattice() {
        double[] lat = Matrix3.changeBasis(input.lattice, convInInput);
        double[] g = Matrix3.metric(lat);
        double a = Math.sqrt(g[0]);
        double b = Math.sqrt(g[4]);
        double c = Math.sqrt(g[8]);
        double alpha = Math.toDegrees(Math.acos(g[5] / (b * c)));
        double beta = Math.toDegrees(Math.acos(g[2] / (a * c)));
        double gamma = Math.toDegrees(Math.acos(g[1] / (a * b)));
        switch (match.setting.type.crystalSystem()) {
            case TRICLINIC:
                return Lattice.fromParameters(a, b, c, alpha, beta, gamma);
            case MONOCLINIC:
                return Lattice.fromParameters(a, b, c, 90, beta, 90);
            case ORTHORHOMBIC:
                return Lattice.fromParameters(a, b, c, 90, 90, 90);
            case TETRAGONAL: {
                double ab = (a + b) / 2;
                return Lattice.fromParameters(ab, ab, c, 90, 90, 90);
            }
            case TRIGONAL:
            case HEXAGONAL: {
                double ab = (a + b) / 2;
                return Lattice.fromParameters(ab, ab, c, 90, 90, 120);
            }
            default: {
                double abc = (a + b + c) / 3;
                return Lattice.fromParameters(abc, abc, abc, 90, 90, 90);
            }
        }
    }

    Structure conventional(Map<Integer, Map<Species, Double>> speciesOfType) {
        Lattice lattice = conventionalLattice();
        List<double[]> centrings = match.setting.centrings;
        StructureBuilder b = Structure.builder().lattice(lattice);
        for (double[] c : centrings) {
            for (int k = 0; k < prim.cell.size(); k++) {
                b.addSite(site(speciesOfType.get(prim.cell.types[k]),
                        convPositions[3 * k] + c[0], convPositions[3 * k + 1] + c[1], convPositions[3 * k + 2] + c[2]));
            }
        }
        return b.build();
    }

    Structure primitive(Map<Integer, Map<Species, Double>> speciesOfType) {
        double[] centring = CentringMatrices.of(match.setting.type.hallSymbol());
        double[] conv = LatticeReduction.rows(conventionalLattice());
        Lattice lattice = LatticeReduction.toLattice(Matrix3.changeBasis(conv, centring));
        double[] inv = Matrix3.inverse(centring);
        StructureBuilder b = Structure.builder().lattice(lattice);
        for (int k = 0; k < prim.cell.size(); k++) {
            double[] x = Matrix3.apply(inv, new double[] {convPositions[3 * k], convPositions[3 * k + 1], convPositions[3 * k + 2]});
            b.addSite(site(speciesOfType.get(prim.cell.types[k]), x[0], x[1], x[2]));
        }
        return b.build();
    }

    private static Site site(Map<Species, Double> species, double x, double y, double z) {
        return Site.builder().species(species).frac(Cell.wrap(clean(x)), Cell.wrap(clean(y)), Cell.wrap(clean(z))).build();
    }

    /** Rounds values within 1e-12 of a multiple of 1/48 onto it, so exact positions print exactly. */
    private static double clean(double v) {
        double r = Math.rint(v * 48) / 48;
        return Math.abs(r - v) < 1e-12 ? r : v;
    }
}
