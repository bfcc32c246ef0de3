package dev.orion.analysis.symmetry;

import dev.orion.symmetry.CrystalSystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.orion.structure.Lattice;
import dev.orion.structure.Matrix3;
import dev.orion.structure.Structure;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatticeReductionTest {

    private static Lattice skewed(Lattice l, Random rnd) {
        Structure s = Structure.builder().lattice(l).addSite(dev.orion.structure.Element.of("H"), 0, 0, 0).build();
        return GeneratedCrystals.otherCell(GeneratedCrystals.otherCell(s, rnd), rnd).lattice();
    }

    @Test
    void niggliOfAnFccCellIsTheRhombohedralSixtyDegreeCell() {
        double a = 4.0;
        Lattice fcc = Lattice.of(new double[][] {{0, a / 2, a / 2}, {a / 2, 0, a / 2}, {a / 2, a / 2, 0}});
        Lattice n = LatticeReduction.niggli(skewed(fcc, new Random(1)));
        assertThat(n.a()).isCloseTo(a / Math.sqrt(2), within(1e-9));
        assertThat(n.b()).isCloseTo(a / Math.sqrt(2), within(1e-9));
        assertThat(n.c()).isCloseTo(a / Math.sqrt(2), within(1e-9));
        assertThat(new double[] {n.alpha(), n.beta(), n.gamma()}).containsExactly(new double[] {60, 60, 60}, within(1e-7));
        assertThat(n.volume()).isCloseTo(fcc.volume(), within(1e-9));
    }

    @Test
    void niggliIsTheSameForEveryBasisOfOneLattice() {
        Random rnd = new Random(11);
        for (int i = 0; i < 50; i++) {
            Lattice l = GeneratedCrystals.lattice(CrystalSystem.TRICLINIC, rnd);
            Lattice n1 = LatticeReduction.niggli(l);
            Lattice n2 = LatticeReduction.niggli(skewed(l, rnd));
            double[] p1 = {n1.a(), n1.b(), n1.c(), n1.alpha(), n1.beta(), n1.gamma()};
            double[] p2 = {n2.a(), n2.b(), n2.c(), n2.alpha(), n2.beta(), n2.gamma()};
            assertThat(p2).as("lattice %s", l).containsExactly(p1, within(1e-6));
            // Niggli conditions: a <= b <= c
            assertThat(n1.a()).isLessThanOrEqualTo(n1.b() + 1e-9);
            assertThat(n1.b()).isLessThanOrEqualTo(n1.c() + 1e-9);
            assertThat(n1.determinant()).isPositive();
        }
    }

    @Test
    void delaunayGivesShortNonAcuteVectorsOfTheSameLattice() {
        Random rnd = new Random(12);
        for (int i = 0; i < 50; i++) {
            Lattice l = GeneratedCrystals.lattice(CrystalSystem.TRICLINIC, rnd);
            Lattice d = LatticeReduction.delaunay(skewed(l, rnd));
            assertThat(d.volume()).isCloseTo(l.volume(), within(1e-6));
            assertThat(d.determinant()).isPositive();
            double[] lengths = {d.a(), d.b(), d.c()};
            double[] reduced = {LatticeReduction.niggli(l).a(), LatticeReduction.niggli(l).b(), LatticeReduction.niggli(l).c()};
            Arrays.sort(lengths);
            // the Delaunay basis holds the shortest lattice vector, as the Niggli basis does
            assertThat(lengths[0]).isCloseTo(reduced[0], within(1e-9));
            // the same lattice: each basis is an integer combination of the other
            double[][] inv = invert(l.matrix());
            double[][] dm = d.matrix();
            for (double[] row : dm) {
                for (int c = 0; c < 3; c++) {
                    double coef = row[0] * inv[0][c] + row[1] * inv[1][c] + row[2] * inv[2][c];
                    assertThat(Math.abs(coef - Math.rint(coef))).isLessThan(1e-6);
                }
            }
        }
    }

    private static double[][] invert(double[][] m) {
        double[] flat = {m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]};
        double[] i = Matrix3.inverse(flat);
        return new double[][] {{i[0], i[1], i[2]}, {i[3], i[4], i[5]}, {i[6], i[7], i[8]}};
    }
}
