package dev.orion.engines.phasefield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.hipparchus.transform.DftNormalization;
import org.hipparchus.transform.FastFourierTransformer;
import org.hipparchus.transform.TransformType;
import org.junit.jupiter.api.Test;

class Fft3dTest {

    @Test
    void aThreeDimensionalTransformMatchesTheNaiveDiscreteFourierTransformAndInvertsBack() {
        int nx = 8;
        int ny = 4;
        int nz = 16;
        int points = nx * ny * nz;
        SplittableRandom random = new SplittableRandom(11);
        double[] re = new double[points];
        double[] im = new double[points];
        for (int i = 0; i < points; i++) {
            re[i] = random.nextDouble() - 0.5;
            im[i] = random.nextDouble() - 0.5;
        }
        double[] re0 = re.clone();
        double[] im0 = im.clone();
        try (LinePartition lanes = new LinePartition(3)) {
            Fft3d fft = new Fft3d(nx, ny, nz, lanes);
            fft.forward(re, im);
            for (int kz = 0; kz < nz; kz++) {
                for (int ky = 0; ky < ny; ky++) {
                    for (int kx = 0; kx < nx; kx++) {
                        double sr = 0;
                        double si = 0;
                        for (int z = 0; z < nz; z++) {
                            for (int y = 0; y < ny; y++) {
                                for (int x = 0; x < nx; x++) {
                                    double a = -2 * Math.PI * ((double) kx * x / nx + (double) ky * y / ny
                                            + (double) kz * z / nz);
                                    int i = x + nx * (y + ny * z);
                                    sr += re0[i] * Math.cos(a) - im0[i] * Math.sin(a);
                                    si += re0[i] * Math.sin(a) + im0[i] * Math.cos(a);
                                }
                            }
                        }
                        int k = kx + nx * (ky + ny * kz);
                        assertThat(re[k]).as("Re at %d,%d,%d", kx, ky, kz).isCloseTo(sr, within(1e-11));
                        assertThat(im[k]).as("Im at %d,%d,%d", kx, ky, kz).isCloseTo(si, within(1e-11));
                    }
                }
            }
            fft.inverse(re, im);
        }
        for (int i = 0; i < points; i++) {
            assertThat(re[i]).isCloseTo(re0[i], within(1e-14));
            assertThat(im[i]).isCloseTo(im0[i], within(1e-14));
        }
    }

    @Test
    void aLineMatchesHipparchusAndTheResultIsTheSameToTheLastDigitOnOneOrThreeThreads() {
        int n = 256;
        SplittableRandom random = new SplittableRandom(5);
        double[][] line = new double[2][n];
        for (int i = 0; i < n; i++) {
            line[0][i] = random.nextDouble();
            line[1][i] = random.nextDouble();
        }
        double[] re = line[0].clone();
        double[] im = line[1].clone();
        new Fft1d(n).transform(re, im, false);
        FastFourierTransformer.transformInPlace(line, DftNormalization.STANDARD, TransformType.FORWARD);
        for (int i = 0; i < n; i++) {
            assertThat(re[i]).isCloseTo(line[0][i], within(1e-12));
            assertThat(im[i]).isCloseTo(line[1][i], within(1e-12));
        }
        double[][] field = new double[2][64 * 32];
        for (int i = 0; i < field[0].length; i++) {
            field[0][i] = random.nextDouble();
        }
        double[][] one = {field[0].clone(), field[1].clone()};
        double[][] three = {field[0].clone(), field[1].clone()};
        try (LinePartition single = new LinePartition(1); LinePartition several = new LinePartition(3)) {
            new Fft3d(64, 32, 1, single).forward(one[0], one[1]);
            new Fft3d(64, 32, 1, several).forward(three[0], three[1]);
        }
        assertThat(three[0]).isEqualTo(one[0]);
        assertThat(three[1]).isEqualTo(one[1]);
        assertThat(one[0]).isNotEqualTo(field[0]);
    }
}
