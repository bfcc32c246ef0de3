package dev.orion.analysis.symmetry;

import dev.orion.symmetry.CrystalSystem;
import dev.orion.symmetry.SpaceGroupType;
import dev.orion.symmetry.SymmetryOperation;

import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random crystals of a given space-group type, and the transformations that must keep it. */
final class GeneratedCrystals {

    private GeneratedCrystals() {
    }

    /**
     * A crystal of the default setting of {@code number}: a lattice with random parameters of its
     * system and random general-position orbits of distinct elements (three for the triclinic
     * types, so that P1 does not gain an inversion centre, two otherwise).
     */
    static Structure of(int number, Random rnd) {
        SpaceGroupType type = SpaceGroups.byNumber(number);
        List<SymmetryOperation> ops = SpaceGroups.operations(type);
        StructureBuilder b = Structure.builder().lattice(lattice(type.crystalSystem(), rnd));
        int orbits = number <= 2 ? 3 : 2;
        for (int o = 0; o < orbits; o++) {
            double[] x = {rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()};
            List<double[]> seen = new ArrayList<>();
            for (SymmetryOperation op : ops) {
                double[] y = op.apply(x);
                for (int c = 0; c < 3; c++) {
                    y[c] -= Math.floor(y[c]);
                }
                boolean dup = false;
                for (double[] s : seen) {
                    double d = 0;
                    for (int c = 0; c < 3; c++) {
                        double e = s[c] - y[c];
                        d += Math.abs(e - Math.rint(e));
                    }
                    dup |= d < 1e-9;
                }
                if (!dup) {
                    seen.add(y);
                    b.addSite(Element.ofZ(6 + o), y[0], y[1], y[2]);
                }
            }
        }
        return b.build();
    }

    static Lattice lattice(CrystalSystem system, Random rnd) {
        double a = 4 + 2 * rnd.nextDouble();
        double b = a + 0.5 + rnd.nextDouble();
        double c = b + 0.5 + rnd.nextDouble();
        switch (system) {
            case TRICLINIC:
                return Lattice.fromParameters(a, b, c, 80 + 8 * rnd.nextDouble(), 95 + 8 * rnd.nextDouble(),
                        100 + 8 * rnd.nextDouble());
            case MONOCLINIC:
                return Lattice.fromParameters(a, b, c, 90, 100 + 10 * rnd.nextDouble(), 90);
            case ORTHORHOMBIC:
                return Lattice.orthorhombic(a, b, c);
            case TETRAGONAL:
                return Lattice.tetragonal(a, c);
            case TRIGONAL:
            case HEXAGONAL:
                return Lattice.hexagonal(a, c);
            default:
                return Lattice.cubic(a);
        }
    }

    /** Rotates the Cartesian frame by a random proper rotation (fractional coordinates unchanged). */
    static Structure rotated(Structure s, Random rnd) {
        double[] q = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
        double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        double w = q[0] / n;
        double x = q[1] / n;
        double y = q[2] / n;
        double z = q[3] / n;
        double[][] r = {
            {1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)},
            {2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)},
            {2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)}};
        double[][] m = s.lattice().matrix();
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[i][j] = r[j][0] * m[i][0] + r[j][1] * m[i][1] + r[j][2] * m[i][2];
            }
        }
        return s.withLattice(Lattice.of(out));
    }

    /** Moves the origin by a random vector. */
    static Structure shifted(Structure s, Random rnd) {
        return s.translated(new double[] {rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()});
    }

    /** The same sites in a random order. */
    static Structure permuted(Structure s, Random rnd) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, rnd);
        StructureBuilder b = Structure.builder().lattice(s.lattice());
        for (int i : order) {
            b.addSite(s.site(i));
        }
        return b.build();
    }

    /** The same crystal in another primitive-equivalent cell: a random unimodular change of basis. */
    static Structure otherCell(Structure s, Random rnd) {
        int[][] u = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        for (int step = 0; step < 3; step++) {
            int i = rnd.nextInt(3);
            int j = (i + 1 + rnd.nextInt(2)) % 3;
            int f = rnd.nextBoolean() ? 1 : -1;
            for (int r = 0; r < 3; r++) {
                u[r][j] += f * u[r][i];
            }
        }
        return s.supercell(transpose(u));
    }

    private static int[][] transpose(int[][] m) {
        return new int[][] {{m[0][0], m[1][0], m[2][0]}, {m[0][1], m[1][1], m[2][1]}, {m[0][2], m[1][2], m[2][2]}};
    }

    /** Every site moved by a random Cartesian vector of length {@code amount} Å. */
    static Structure displaced(Structure s, double amount, Random rnd) {
        StructureBuilder b = Structure.builder().lattice(s.lattice());
        for (int i = 0; i < s.size(); i++) {
            double[] d = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            double n = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            double[] cart = s.cartesian(i);
            double[] f = s.lattice().toFractional(new double[] {
                cart[0] + amount * d[0] / n, cart[1] + amount * d[1] / n, cart[2] + amount * d[2] / n});
            b.addSite(s.site(i).toBuilder().frac(f).build());
        }
        return b.build();
    }
}
