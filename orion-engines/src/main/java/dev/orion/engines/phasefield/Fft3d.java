package dev.orion.engines.phasefield;

import org.hipparchus.transform.DftNormalization;
import org.hipparchus.transform.FastFourierTransformer;
import org.hipparchus.transform.TransformType;

/**
 * In-place FFT of a periodic 2-D or 3-D field stored flat ({@code x + nx (y + ny z)}), by
 * Hipparchus's 1-D transform along x, then y, then z (skipped for a 2-D grid, {@code nz = 1}).
 * Forward is unnormalised; inverse divides by the number of points.
 */
final class Fft3d {

    private final int nx;
    private final int ny;
    private final int nz;
    private final double[][] line;

    Fft3d(int nx, int ny, int nz) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        int longest = Math.max(nx, Math.max(ny, nz));
        this.line = new double[][] {new double[longest], new double[longest]};
    }

    void forward(double[] re, double[] im) {
        transform(re, im, TransformType.FORWARD);
    }

    void inverse(double[] re, double[] im) {
        transform(re, im, TransformType.INVERSE);
    }

    private void transform(double[] re, double[] im, TransformType type) {
        axis(re, im, type, nx, 1, ny * nz, i -> i * nx);
        axis(re, im, type, ny, nx, nx * nz, i -> (i % nx) + (i / nx) * nx * ny);
        if (nz > 1) {
            axis(re, im, type, nz, nx * ny, nx * ny, i -> i);
        }
    }

    /** Transforms {@code count} lines of length {@code n}, elements {@code stride} apart, line i starting at {@code start(i)}. */
    private void axis(double[] re, double[] im, TransformType type, int n, int stride, int count,
                      java.util.function.IntUnaryOperator start) {
        double[][] buffer = n == line[0].length ? line : new double[][] {new double[n], new double[n]};
        for (int i = 0; i < count; i++) {
            int s = start.applyAsInt(i);
            for (int k = 0; k < n; k++) {
                buffer[0][k] = re[s + k * stride];
                buffer[1][k] = im[s + k * stride];
            }
            FastFourierTransformer.transformInPlace(buffer, DftNormalization.STANDARD, type);
            for (int k = 0; k < n; k++) {
                re[s + k * stride] = buffer[0][k];
                im[s + k * stride] = buffer[1][k];
            }
        }
    }
}
