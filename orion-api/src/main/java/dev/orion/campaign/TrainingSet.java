package dev.orion.campaign;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The data a {@link Surrogate} is fitted on: encoded inputs (one row per point, all of the same width),
 * targets, and each point's known noise variance (0 where unknown; the model's own noise applies).
 * Immutable: arrays are copied in and out.
 */
public final class TrainingSet {

    private final double[][] x;
    private final double[] y;
    private final double[] noiseVariance;

    private TrainingSet(double[][] x, double[] y, double[] noiseVariance) {
        this.x = x;
        this.y = y;
        this.noiseVariance = noiseVariance;
    }

    /**
     * @param x inputs, one finite row per point, all rows of the same width &gt;= 1
     * @param y targets, finite, one per row
     * @return the set, with no known noise
     * @throws IllegalArgumentException naming the bad row or value
     */
    public static TrainingSet of(double[][] x, double[] y) {
        Objects.requireNonNull(y, "y");
        return of(x, y, new double[y.length]);
    }

    /**
     * @param x             inputs
     * @param y             targets
     * @param noiseVariance known noise variance per point (&gt;= 0)
     * @return the set
     * @throws IllegalArgumentException naming the bad row or value
     */
    public static TrainingSet of(double[][] x, double[] y, double[] noiseVariance) {
        Objects.requireNonNull(x, "x");
        double[] yc = Checks.finiteCopy("y", y);
        double[] nc = Checks.finiteCopy("noiseVariance", noiseVariance);
        if (x.length != yc.length || nc.length != yc.length) {
            throw new IllegalArgumentException("x, y and noiseVariance must have the same length, got " + x.length
                    + ", " + yc.length + ", " + nc.length);
        }
        double[][] xc = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            xc[i] = Checks.finiteCopy("x[" + i + "]", x[i]);
            if (xc[i].length == 0 || xc[i].length != xc[0].length) {
                throw new IllegalArgumentException("x[" + i + "] must have width " + xc[0].length + " >= 1, got "
                        + xc[i].length);
            }
            if (nc[i] < 0) {
                throw new IllegalArgumentException("noiseVariance[" + i + "] must be >= 0, got " + nc[i]);
            }
        }
        return new TrainingSet(xc, yc, nc);
    }

    /** @return the number of points */
    public int size() {
        return y.length;
    }

    /** @return the input width (0 for an empty set) */
    public int dimension() {
        return x.length == 0 ? 0 : x[0].length;
    }

    /** @param i a point  @return a copy of its input */
    public double[] x(int i) {
        return x[i].clone();
    }

    /** @param i a point  @return its target */
    public double y(int i) {
        return y[i];
    }

    /** @param i a point  @return its known noise variance (0 if unknown) */
    public double noiseVariance(int i) {
        return noiseVariance[i];
    }

    /** @return a copy of all inputs */
    public double[][] inputs() {
        double[][] copy = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            copy[i] = x[i].clone();
        }
        return copy;
    }

    /** @return a copy of all targets */
    public double[] targets() {
        return y.clone();
    }

    /**
     * @param xi            an input of the same width
     * @param yi            its target
     * @param noiseVariance its known noise variance
     * @return a new set with the point appended
     */
    public TrainingSet plus(double[] xi, double yi, double noiseVariance) {
        double[][] nx = Arrays.copyOf(inputs(), x.length + 1);
        nx[x.length] = xi;
        double[] ny = Arrays.copyOf(y, y.length + 1);
        ny[y.length] = yi;
        double[] nn = Arrays.copyOf(this.noiseVariance, y.length + 1);
        nn[y.length] = noiseVariance;
        return of(nx, ny, nn);
    }

    /** @return the SHA-256 (hex) of the inputs, targets and noise, identifying the data a model saw */
    public String hash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(8);
            for (int i = 0; i < y.length; i++) {
                for (double v : x[i]) {
                    digest.update(buffer.clear().putDouble(v).array());
                }
                digest.update(buffer.clear().putDouble(y[i]).array());
                digest.update(buffer.clear().putDouble(noiseVariance[i]).array());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
