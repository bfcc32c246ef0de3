package dev.orion.engines.phasefield;

/**
 * An in-place radix-2 complex FFT of one length (a power of two), iterative with precomputed
 * bit-reversal and twiddle tables, so each line is transformed by exactly the same operations
 * whichever thread runs it. Forward is {@code X_k = Σ x_n e^{-2πi nk/n}}, unnormalised; inverse
 * uses the opposite sign and divides by the length (Hipparchus's {@code DftNormalization.STANDARD}).
 * Immutable once built, so threads share it.
 */
final class Fft1d {

    private final int n;
    private final int[] reversed;
    /** cos(2π j / n) and sin(2π j / n) for j below n / 2. */
    private final double[] cos;
    private final double[] sin;

    Fft1d(int n) {
        if (n < 1 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT length must be a power of two, got " + n);
        }
        this.n = n;
        this.reversed = new int[n];
        int bits = Integer.numberOfTrailingZeros(n);
        for (int i = 0; i < n; i++) {
            reversed[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
        int half = Math.max(1, n / 2);
        this.cos = new double[half];
        this.sin = new double[half];
        for (int j = 0; j < half; j++) {
            double angle = 2 * Math.PI * j / n;
            cos[j] = Math.cos(angle);
            sin[j] = Math.sin(angle);
        }
    }

    int length() {
        return n;
    }

    /** Transforms {@code re[0..n)}, {@code im[0..n)} in place. */
    void transform(double[] re, double[] im, boolean inverse) {
        for (int i = 0; i < n; i++) {
            int j = reversed[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        double sign = inverse ? 1 : -1;
        for (int size = 2; size <= n; size <<= 1) {
            int half = size >> 1;
            int step = n / size;
            for (int start = 0; start < n; start += size) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * step];
                    double wi = sign * sin[k * step];
                    int a = start + k;
                    int b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
        if (inverse) {
            double scale = 1.0 / n;
            for (int i = 0; i < n; i++) {
                re[i] *= scale;
                im[i] *= scale;
            }
        }
    }
}
