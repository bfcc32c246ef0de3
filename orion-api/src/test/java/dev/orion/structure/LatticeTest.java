package dev.orion.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LatticeTest {

    private static final double EPS = 1e-10;

    /** A random triclinic cell with angles that always form a valid cell. */
    static Lattice randomCell(Random rnd) {
        while (true) {
            double a = 2 + 8 * rnd.nextDouble();
            double b = 2 + 8 * rnd.nextDouble();
            double c = 2 + 8 * rnd.nextDouble();
            double alpha = 50 + 80 * rnd.nextDouble();
            double beta = 50 + 80 * rnd.nextDouble();
            double gamma = 50 + 80 * rnd.nextDouble();
            try {
                return Lattice.fromParameters(a, b, c, alpha, beta, gamma);
            } catch (IllegalArgumentException impossible) {
                // draw again
            }
        }
    }

    /** A random sheared cell, not nearly flat (volume at least a quarter of abc). */
    static Lattice randomMatrix(Random rnd, double skew) {
        while (true) {
            Lattice l = randomMatrixOnce(rnd, skew);
            if (l.volume() > 0.25 * l.a() * l.b() * l.c()) {
                return l;
            }
        }
    }

    private static Lattice randomMatrixOnce(Random rnd, double skew) {
        double[][] m = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[r][c] = (r == c ? 3 + 3 * rnd.nextDouble() : 0) + skew * (rnd.nextDouble() - 0.5);
            }
        }
        return Lattice.of(m);
    }

    @Test
    void parametersRoundTripThroughMatrices() {
        Random rnd = new Random(42);
        for (int n = 0; n < 200; n++) {
            Lattice l = randomCell(rnd);
            Lattice again = Lattice.fromParameters(l.a(), l.b(), l.c(), l.alpha(), l.beta(), l.gamma());
            assertThat(again.almostEquals(l, EPS)).as("%s vs %s", l, again).isTrue();
            Lattice fromMatrix = Lattice.of(l.matrix());
            assertThat(fromMatrix).isEqualTo(l).hasSameHashCodeAs(l);
        }
    }

    @Test
    void parametersOfKnownCells() {
        Lattice hex = Lattice.hexagonal(3.0, 5.0);
        assertThat(hex.gamma()).isCloseTo(120, within(EPS));
        assertThat(hex.alpha()).isCloseTo(90, within(EPS));
        assertThat(hex.volume()).isCloseTo(Math.sqrt(3) / 2 * 9 * 5, within(EPS));
        Lattice tet = Lattice.tetragonal(2, 3);
        assertThat(tet.matrix()).isEqualTo(new double[][] {{2, 0, 0}, {0, 2, 0}, {0, 0, 3}});
        assertThat(Lattice.orthorhombic(2, 3, 4).volume()).isEqualTo(24.0);
        assertThat(Lattice.cubic(3.61).a()).isEqualTo(3.61);
        Lattice tri = Lattice.fromParameters(4, 5, 6, 70, 80, 95);
        assertThat(tri.alpha()).isCloseTo(70, within(EPS));
        assertThat(tri.beta()).isCloseTo(80, within(EPS));
        assertThat(tri.gamma()).isCloseTo(95, within(EPS));
        assertThat(tri.vector(0)).containsExactly(4, 0, 0);
        assertThat(tri.vector(1)[2]).isZero();
        assertThat(tri.determinant()).isPositive();
    }

    @Test
    void volumeIsTheAbsoluteDeterminant() {
        Lattice left = Lattice.of(new double[][] {{2, 0, 0}, {0, 3, 0}, {0, 0, -4}});
        assertThat(left.volume()).isEqualTo(24.0);
        assertThat(left.determinant()).isEqualTo(-24.0);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Lattice.of(new double[][] {{1, 0, 0}, {2, 0, 0}, {0, 0, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("det");
        assertThatThrownBy(() -> Lattice.of(new double[][] {{1, 0, 0}, {0, Double.NaN, 0}, {0, 0, 1}}))
                .hasMessageContaining("non-finite");
        assertThatThrownBy(() -> Lattice.of(new double[][] {{1, 0, 0}, {0, 1, 0}}))
                .hasMessageContaining("3 vectors");
        assertThatThrownBy(() -> Lattice.fromParameters(1, 1, 1, 120, 120, 120))
                .hasMessageContaining("cannot form a cell");
        assertThatThrownBy(() -> Lattice.fromParameters(1, 1, 1, 10, 10, 30))
                .hasMessageContaining("cannot form a cell");
        assertThatThrownBy(() -> Lattice.fromParameters(-1, 1, 1, 90, 90, 90)).hasMessageContaining("a must");
        assertThatThrownBy(() -> Lattice.fromParameters(1, 1, 1, 90, 180, 90)).hasMessageContaining("beta");
    }

    @Test
    void reciprocalTimesDirectIsTwoPiIdentity() {
        Random rnd = new Random(7);
        for (int n = 0; n < 50; n++) {
            Lattice l = randomCell(rnd);
            double[][] a = l.matrix();
            double[][] b = l.reciprocal().matrix();
            double[][] bc = l.reciprocalCrystallographic().matrix();
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double dot = a[i][0] * b[j][0] + a[i][1] * b[j][1] + a[i][2] * b[j][2];
                    double dotc = a[i][0] * bc[j][0] + a[i][1] * bc[j][1] + a[i][2] * bc[j][2];
                    assertThat(dot).isCloseTo(i == j ? 2 * Math.PI : 0, within(1e-10));
                    assertThat(dotc).isCloseTo(i == j ? 1 : 0, within(1e-12));
                }
            }
            assertThat(l.reciprocal().volume() * l.volume()).isCloseTo(Math.pow(2 * Math.PI, 3), within(1e-8));
        }
    }

    @Test
    void fractionalCartesianRoundTrip() {
        Random rnd = new Random(11);
        double[] out = new double[3];
        for (int n = 0; n < 200; n++) {
            Lattice l = randomMatrix(rnd, 4);
            double[] f = {rnd.nextDouble() * 3 - 1, rnd.nextDouble(), rnd.nextDouble()};
            double[] cart = l.toCartesian(f);
            double[] back = l.toFractional(cart);
            for (int k = 0; k < 3; k++) {
                assertThat(back[k]).isCloseTo(f[k], within(1e-12));
            }
            l.toCartesian(f[0], f[1], f[2], out);
            assertThat(out).containsExactly(cart);
            double[] expected = new double[3];
            double[][] m = l.matrix();
            for (int k = 0; k < 3; k++) {
                expected[k] = f[0] * m[0][k] + f[1] * m[1][k] + f[2] * m[2][k];
                assertThat(cart[k]).isCloseTo(expected[k], within(1e-12));
            }
        }
    }

    @Test
    void minimumImageMatchesBruteForceOnSkewedCells() {
        Random rnd = new Random(2024);
        for (int n = 0; n < 300; n++) {
            // strongly sheared cells, where rounding the fractional difference is not enough
            Lattice l = n % 2 == 0 ? randomMatrix(rnd, 12) : randomCell(rnd);
            double[] fa = {rnd.nextDouble() * 2 - 0.5, rnd.nextDouble(), rnd.nextDouble()};
            double[] fb = {rnd.nextDouble(), rnd.nextDouble() * 3, rnd.nextDouble()};
            double brute = Double.MAX_VALUE;
            for (int i = -6; i <= 6; i++) {
                for (int j = -6; j <= 6; j++) {
                    for (int k = -6; k <= 6; k++) {
                        double[] c = l.toCartesian(new double[] {fb[0] - fa[0] + i - Math.rint(fb[0] - fa[0]),
                            fb[1] - fa[1] + j - Math.rint(fb[1] - fa[1]), fb[2] - fa[2] + k - Math.rint(fb[2] - fa[2])});
                        brute = Math.min(brute, Math.sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]));
                    }
                }
            }
            assertThat(l.minimumImageDistance(fa, fb)).as("cell %s", l).isCloseTo(brute, within(1e-9));
        }
    }

    @Test
    void skewedCellNeedsMoreThanRounding() {
        Lattice l = Lattice.of(new double[][] {{1, 0, 0}, {0.9, 0.2, 0}, {0, 0, 5}});
        double[] fa = {0, 0, 0};
        double[] fb = {0.5, 0.5, 0};
        // rounding keeps 0.5a + 0.5b (0.955 Å); the image 0.5a - 0.5b is only 0.112 Å away
        assertThat(l.minimumImageDistance(fa, fb)).isCloseTo(Math.hypot(0.05, 0.1), within(1e-12));
    }

    @Test
    void scaledKeepsAnglesAndHitsTheVolume() {
        Lattice l = Lattice.fromParameters(3, 4, 5, 80, 85, 95);
        Lattice s = l.scaled(2 * l.volume());
        assertThat(s.volume()).isCloseTo(2 * l.volume(), within(1e-9));
        assertThat(s.alpha()).isCloseTo(l.alpha(), within(1e-9));
        assertThat(s.b() / s.a()).isCloseTo(l.b() / l.a(), within(1e-12));
    }

    @Test
    void equalityAndToString() {
        Lattice a = Lattice.cubic(3);
        Lattice b = Lattice.of(new double[][] {{3, 0, 0}, {0, 3, 0}, {0, 0, 3 + 1e-9}});
        assertThat(a).isNotEqualTo(b);
        assertThat(a.almostEquals(b, 1e-8)).isTrue();
        assertThat(a.almostEquals(b, 1e-10)).isFalse();
        assertThat(a.toString()).contains("a=3.000000").contains("volume=27.0000").contains("3.00000000");
        double[][] m = a.matrix();
        m[0][0] = 99;
        assertThat(a.a()).isEqualTo(3.0);
    }
}
