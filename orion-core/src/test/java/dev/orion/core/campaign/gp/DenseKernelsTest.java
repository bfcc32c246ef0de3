package dev.orion.core.campaign.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.junit.jupiter.api.Test;

/** The blocked dense kernels against EJML and against plain forward substitution. */
class DenseKernelsTest {

    /** Orders below, at and around the block size and the parallel threshold. */
    private static final int[] ORDERS = {1, 2, 7, 63, 64, 65, 129, 300};

    private static double[][] points(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextDouble();
            }
        }
        return x;
    }

    private static double[][] covariance(Kernel kernel, double[][] x, double noise) {
        double[] diagonal = new double[x.length];
        Arrays.fill(diagonal, noise);
        return Covariance.matrix(kernel, x, 1.3, diagonal);
    }

    private static DMatrixRMaj full(double[][] lower) {
        int n = lower.length;
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                m.set(i, j, lower[i][j]);
                m.set(j, i, lower[i][j]);
            }
        }
        return m;
    }

    @Test
    void choleskyMatchesEjmls() {
        for (int n : ORDERS) {
            double[][] k = covariance(Kernel.MATERN_52, points(n, 3, n), 0.05);
            Cholesky.Factor f = Cholesky.factor(k, 0);
            assertThat(f.jitter()).isZero();
            CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
            assertThat(chol.decompose(full(k))).isTrue();
            DMatrixRMaj expected = chol.getT(null);
            for (int i = 0; i < n; i++) {
                assertThat(f.lower()[i]).hasSize(i + 1);
                for (int j = 0; j <= i; j++) {
                    assertThat(f.lower()[i][j]).as("n=%d L(%d,%d)", n, i, j)
                            .isCloseTo(expected.get(i, j), within(1e-10 * Math.max(1, Math.abs(expected.get(i, j)))));
                }
            }
        }
    }

    @Test
    void inverseMatchesEjmlsInverseAndInverseFactorInvertsTheFactor() {
        for (int n : ORDERS) {
            double[][] k = covariance(Kernel.RBF, points(n, 4, 3 * n), 0.02);
            Cholesky.Factor f = Cholesky.factor(k, 0);
            double[][] inverse = Cholesky.inverse(f.lower());
            DMatrixRMaj expected = new DMatrixRMaj(n, n);
            assertThat(CommonOps_DDRM.invert(full(k), expected)).isTrue();
            double[] diagonal = Cholesky.inverseDiagonal(f.lower());
            for (int a = 0; a < n; a++) {
                assertThat(diagonal[a]).isCloseTo(inverse[a][a], within(1e-12 * Math.abs(inverse[a][a])));
                for (int b = 0; b <= a; b++) {
                    assertThat(inverse[a][b]).as("n=%d (%d, %d)", n, a, b)
                            .isCloseTo(expected.get(a, b), within(1e-7 * Math.max(1, Math.abs(expected.get(a, b)))));
                }
            }
            double[][] x = DenseKernels.inverseLower(f.lower());
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = 0;
                    for (int m = j; m <= i; m++) {
                        s += f.lower()[i][m] * x[m][j];
                    }
                    assertThat(s).as("n=%d (L X)(%d,%d)", n, i, j).isCloseTo(i == j ? 1 : 0, within(1e-9));
                }
            }
        }
    }

    @Test
    void manyRightHandSidesGiveExactlyTheDigitsOfOneForwardSubstitutionEach() {
        for (int n : ORDERS) {
            double[][] k = covariance(Kernel.MATERN_52, points(n, 2, 7 * n), 1e-3);
            double[][] l = Cholesky.factor(k, 0).lower();
            double[][] b = points(n, 150, n + 1);
            double[][] columns = new double[n][];
            for (int i = 0; i < n; i++) {
                columns[i] = b[i].clone();
            }
            DenseKernels.solveLowerColumns(l, columns);
            for (int j = 0; j < 150; j++) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = b[i][j];
                }
                Cholesky.solveLower(l, v);
                for (int i = 0; i < n; i++) {
                    assertThat(columns[i][j]).as("n=%d row %d column %d", n, i, j).isEqualTo(v[i]);
                }
            }
        }
    }

    @Test
    void duplicatedPointsWithoutNoiseGetJitterAndAnAccurateFactor() {
        double[][] x = points(120, 2, 11);
        double[][] doubled = new double[240][];
        for (int i = 0; i < 120; i++) {
            doubled[2 * i] = x[i];
            doubled[2 * i + 1] = x[i];
        }
        double[][] k = covariance(Kernel.MATERN_52, doubled, 0);
        assertThat(DenseKernels.cholesky(copy(k))).isFalse();
        Cholesky.Factor f = Cholesky.factor(k, 0);
        assertThat(f).isNotNull();
        assertThat(f.jitter()).isGreaterThan(0).isLessThanOrEqualTo(1e-4 * 1.3);
        assertReconstructs(k, f, 1e-9);
        double[][] ones = {{1}, {1, 1}, {1, 1, 1}};
        Cholesky.Factor singular = Cholesky.factor(ones, 0);
        assertThat(singular.jitter()).isGreaterThan(0).isLessThanOrEqualTo(1e-4);
        assertThat(Cholesky.factor(new double[][] {{1}, {0, 1}}, 0).jitter()).isZero();
    }

    @Test
    void illConditionedSmoothKernelIsFactoredToItsOwnPrecision() {
        // RBF with a long length scale and tiny noise: condition number near 1e12
        double[][] x = points(200, 1, 5);
        for (double[] row : x) {
            row[0] *= 0.5;
        }
        double[][] k = covariance(Kernel.RBF, x, 1e-10);
        Cholesky.Factor f = Cholesky.factor(k, 0);
        assertThat(f).isNotNull();
        assertReconstructs(k, f, 1e-12);
        double[][] again = Cholesky.factor(k, 0).lower();
        for (int i = 0; i < 200; i++) {
            assertThat(again[i]).as("same digits on a second run").isEqualTo(f.lower()[i]);
        }
        Cholesky.Factor exact = Cholesky.factor(k, f.jitter());
        assertThat(exact.jitter()).isEqualTo(f.jitter());
    }

    private static void assertReconstructs(double[][] k, Cholesky.Factor f, double tolerance) {
        double[][] l = f.lower();
        for (int i = 0; i < k.length; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int m = 0; m <= j; m++) {
                    s += l[i][m] * l[j][m];
                }
                double expected = k[i][j] + (i == j ? f.jitter() : 0);
                assertThat(s).as("(L L^T)(%d,%d)", i, j).isCloseTo(expected, within(tolerance * 1.3 * 10));
            }
        }
    }

    private static double[][] copy(double[][] k) {
        double[][] c = new double[k.length][];
        for (int i = 0; i < k.length; i++) {
            c[i] = k[i].clone();
        }
        return c;
    }
}
