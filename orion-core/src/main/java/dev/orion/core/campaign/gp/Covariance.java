package dev.orion.core.campaign.gp;

import java.util.stream.IntStream;

/** Builds covariance matrices and vectors of a kernel over inputs divided by their length scales. */
final class Covariance {

    private Covariance() {
    }

    /** @param x inputs  @param lengthScales per feature  @return each row divided by the length scales */
    static double[][] scale(double[][] x, double[] lengthScales) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = scale(x[i], lengthScales);
        }
        return out;
    }

    static double[] scale(double[] x, double[] lengthScales) {
        double[] r = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            r[j] = x[j] / lengthScales[j];
        }
        return r;
    }

    static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return s;
    }

    /**
     * @param kernel   the kernel
     * @param xs       scaled inputs
     * @param signal   the signal variance
     * @param diagonal what to add to each diagonal entry (noise)
     * @return the covariance matrix's lower triangle by rows (row i holds columns 0..i)
     */
    static double[][] matrix(Kernel kernel, double[][] xs, double signal, double[] diagonal) {
        int n = xs.length;
        double[][] k = new double[n][];
        IntStream range = IntStream.range(0, n);
        (n >= DenseKernels.PARALLEL_ORDER ? range.parallel() : range).forEach(i -> {
            double[] row = new double[i + 1];
            double[] xi = xs[i];
            for (int j = 0; j < i; j++) {
                row[j] = signal * kernel.correlation(squaredDistance(xi, xs[j]));
            }
            row[i] = signal + diagonal[i];
            k[i] = row;
        });
        return k;
    }

    /** @return the covariances between one scaled point and every scaled input */
    static double[] vector(Kernel kernel, double[][] xs, double[] point, double signal) {
        double[] k = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            k[i] = signal * kernel.correlation(squaredDistance(xs[i], point));
        }
        return k;
    }
}
