package dev.orion.engines.phasefield;

import org.hipparchus.transform.DftNormalization;
import org.hipparchus.transform.FastFourierTransformer;
import org.hipparchus.transform.TransformType;

/**
 * In-place 2-D FFT of a field stored as rows ({@code re[y][x]}, {@code im[y][x]}), by Hipparchus's
 * 1-D transform along the rows and then the columns. Forward is unnormalised; inverse divides by
 * {@code nx * ny}.
 */
final class Fft2d {

    private final int nx;
    private final int ny;
    private final double[] columnRe;
    private final double[] columnIm;

    Fft2d(int nx, int ny) {
        this.nx = nx;
        this.ny = ny;
        this.columnRe = new double[ny];
        this.columnIm = new double[ny];
    }

    void forward(double[][] re, double[][] im) {
        transform(re, im, TransformType.FORWARD);
    }

    void inverse(double[][] re, double[][] im) {
        transform(re, im, TransformType.INVERSE);
    }

    private void transform(double[][] re, double[][] im, TransformType type) {
        for (int y = 0; y < ny; y++) {
            FastFourierTransformer.transformInPlace(new double[][] {re[y], im[y]}, DftNormalization.STANDARD, type);
        }
        double[][] column = {columnRe, columnIm};
        for (int x = 0; x < nx; x++) {
            for (int y = 0; y < ny; y++) {
                columnRe[y] = re[y][x];
                columnIm[y] = im[y][x];
            }
            FastFourierTransformer.transformInPlace(column, DftNormalization.STANDARD, type);
            for (int y = 0; y < ny; y++) {
                re[y][x] = columnRe[y];
                im[y][x] = columnIm[y];
            }
        }
    }
}
