package dev.orion.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Matrix3Test {

    private static final Random RANDOM = new Random(9);

    private static double[] random() {
        double[] m = new double[9];
        for (int k = 0; k < 9; k++) {
            m[k] = RANDOM.nextDouble() * 4 - 2;
        }
        return m;
    }

    @Test
    void inverseTimesMatrixIsIdentity() {
        for (int trial = 0; trial < 100; trial++) {
            double[] m = random();
            if (Math.abs(Matrix3.determinant(m)) < 1e-3) {
                continue;
            }
            assertThat(Matrix3.multiply(m, Matrix3.inverse(m)))
                    .containsExactly(Matrix3.toDouble(Matrix3.identity()), within(1e-9));
        }
    }

    @Test
    void determinantOfAProductIsTheProductOfDeterminants() {
        double[] a = random();
        double[] b = random();
        assertThat(Matrix3.determinant(Matrix3.multiply(a, b)))
                .isCloseTo(Matrix3.determinant(a) * Matrix3.determinant(b), within(1e-12));
    }

    @Test
    void adjugateGivesDeterminantTimesIdentity() {
        int[] m = {2, 1, 0, -1, 3, 4, 0, 5, -2};
        int det = Matrix3.determinant(m);
        assertThat(det).isEqualTo(-54);
        assertThat(Matrix3.multiply(m, Matrix3.adjugate(m))).containsExactly(det, 0, 0, 0, det, 0, 0, 0, det);
        assertThat(Matrix3.trace(m)).isEqualTo(3);
        assertThat(Matrix3.negate(m)).containsExactly(-2, -1, 0, 1, -3, -4, 0, -5, 2);
    }

    @Test
    void changeBasisIsTransposeTimesLatticeAndMetricIsLatticeTimesTranspose() {
        double[] lattice = random();
        double[] p = random();
        assertThat(Matrix3.changeBasis(lattice, p))
                .containsExactly(Matrix3.multiply(Matrix3.transpose(p), lattice), within(1e-12));
        assertThat(Matrix3.metric(lattice))
                .containsExactly(Matrix3.multiply(lattice, Matrix3.transpose(lattice)), within(1e-12));
    }

    @Test
    void applyAndApplyTransposedAgree() {
        double[] m = random();
        double[] v = {0.3, -1.2, 2.5};
        assertThat(Matrix3.applyTransposed(m, v)).containsExactly(Matrix3.apply(Matrix3.transpose(m), v), within(1e-12));
        assertThat(Matrix3.apply(new int[] {0, 1, 0, 1, 0, 0, 0, 0, -1}, new int[] {1, 2, 3})).containsExactly(2, 1, -3);
    }

    @Test
    void vectorsAndLayoutsRoundTrip() {
        double[] x = {1, 0, 0};
        double[] y = {0, 1, 0};
        assertThat(Matrix3.cross(x, y)).containsExactly(0, 0, 1);
        assertThat(Matrix3.dot(x, y)).isZero();
        assertThat(Matrix3.norm(new double[] {3e200, 4e200, 0})).isCloseTo(5e200, within(1e188));
        assertThat(Matrix3.scale(y, 3)).containsExactly(0, 3, 0);
        double[] m = random();
        assertThat(Matrix3.flat(Matrix3.rows(m))).containsExactly(m);
    }
}
