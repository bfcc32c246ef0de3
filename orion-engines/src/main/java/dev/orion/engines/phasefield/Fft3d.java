package dev.orion.engines.phasefield;

/**
 * In-place FFT of a periodic 2-D or 3-D field stored flat ({@code x + nx (y + ny z)}): 1-D
 * transforms ({@link Fft1d}) along x, then y, then z (skipped for a 2-D grid, {@code nz = 1}), the
 * lines of each axis shared among the threads of a {@link LinePartition}. Every line goes through
 * the same operations whichever thread runs it, so the result does not depend on the thread count.
 * Lines along y and z are gathered {@value #BLOCK} neighbours (along x) at a time, so each cache
 * line read from the field is used whole. Forward is unnormalised; inverse divides by the number of
 * points.
 */
final class Fft3d {

    /** Neighbouring y or z lines gathered together (at most nx). */
    static final int BLOCK = 8;

    private final int nx;
    private final int ny;
    private final int nz;
    private final Fft1d fx;
    private final Fft1d fy;
    private final Fft1d fz;
    private final LinePartition lanes;
    private final int block;
    /** Per part: the real and imaginary parts of a block of lines, line b in rows 2b and 2b + 1. */
    private final double[][][] line;

    Fft3d(int nx, int ny, int nz, LinePartition lanes) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.fx = new Fft1d(nx);
        this.fy = new Fft1d(ny);
        this.fz = new Fft1d(nz);
        this.lanes = lanes;
        int longest = Math.max(nx, Math.max(ny, nz));
        this.block = Math.min(BLOCK, nx);
        this.line = new double[lanes.threads()][2 * block][longest];
    }

    void forward(double[] re, double[] im) {
        transform(re, im, false);
    }

    void inverse(double[] re, double[] im) {
        transform(re, im, true);
    }

    private void transform(double[] re, double[] im, boolean inverse) {
        // x lines are contiguous: one (y, z) row at a time
        lanes.run(ny * nz, (part, from, to) -> {
            for (int row = from; row < to; row++) {
                contiguous(re, im, row * nx, inverse, part);
            }
        });
        int blocksPerRow = nx / block;
        lanes.run(nz * blocksPerRow, (part, from, to) -> {
            for (int i = from; i < to; i++) {
                int z = i / blocksPerRow;
                strided(fy, re, im, (i % blocksPerRow) * block + nx * ny * z, nx, inverse, part);
            }
        });
        if (nz > 1) {
            lanes.run(nx * ny / block, (part, from, to) -> {
                for (int i = from; i < to; i++) {
                    strided(fz, re, im, i * block, nx * ny, inverse, part);
                }
            });
        }
    }

    private void contiguous(double[] re, double[] im, int start, boolean inverse, int part) {
        double[] r = line[part][0];
        double[] m = line[part][1];
        System.arraycopy(re, start, r, 0, nx);
        System.arraycopy(im, start, m, 0, nx);
        fx.transform(r, m, inverse);
        System.arraycopy(r, 0, re, start, nx);
        System.arraycopy(m, 0, im, start, nx);
    }

    /** Transforms the {@code block} lines starting at {@code start .. start + block - 1}, elements {@code stride} apart. */
    private void strided(Fft1d f, double[] re, double[] im, int start, int stride, boolean inverse, int part) {
        double[][] lines = line[part];
        int n = f.length();
        for (int k = 0, s = start; k < n; k++, s += stride) {
            for (int b = 0; b < block; b++) {
                lines[2 * b][k] = re[s + b];
                lines[2 * b + 1][k] = im[s + b];
            }
        }
        for (int b = 0; b < block; b++) {
            f.transform(lines[2 * b], lines[2 * b + 1], inverse);
        }
        for (int k = 0, s = start; k < n; k++, s += stride) {
            for (int b = 0; b < block; b++) {
                re[s + b] = lines[2 * b][k];
                im[s + b] = lines[2 * b + 1][k];
            }
        }
    }
}
