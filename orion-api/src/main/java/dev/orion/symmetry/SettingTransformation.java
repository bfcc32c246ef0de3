package dev.orion.symmetry;

import java.util.Arrays;
import java.util.Objects;

/**
 * The change from the fractional coordinates of an analysed cell to those of its standardised
 * conventional cell, as spglib reports it: {@code x_std = P x + p}, and the standard basis vectors
 * are {@code (a_s, b_s, c_s) = (a, b, c) P^-1} (before the conventional cell is rotated to its
 * standard orientation).
 *
 * @param matrix      P, three rows of three
 * @param originShift p, fractional in the standard cell
 */
public record SettingTransformation(double[][] matrix, double[] originShift) {

    /** Validates shapes and copies the arrays. */
    public SettingTransformation {
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(originShift, "originShift");
        if (matrix.length != 3 || originShift.length != 3) {
            throw new IllegalArgumentException("matrix must be 3x3 and originShift have 3 components, were "
                    + matrix.length + " rows and " + originShift.length + " components");
        }
        double[][] copy = new double[3][];
        for (int i = 0; i < 3; i++) {
            if (matrix[i] == null || matrix[i].length != 3) {
                throw new IllegalArgumentException("matrix row " + i + " must have 3 entries, was "
                        + Arrays.toString(matrix[i]));
            }
            copy[i] = matrix[i].clone();
        }
        matrix = copy;
        originShift = originShift.clone();
    }

    /** Returns a copy of P. */
    @Override
    public double[][] matrix() {
        return new double[][] {matrix[0].clone(), matrix[1].clone(), matrix[2].clone()};
    }

    /** Returns a copy of p. */
    @Override
    public double[] originShift() {
        return originShift.clone();
    }

    /**
     * Maps fractional coordinates of the analysed cell to the standard cell (not wrapped).
     *
     * @param frac three fractional coordinates
     * @return {@code P frac + p}
     */
    public double[] apply(double[] frac) {
        Objects.requireNonNull(frac, "frac");
        if (frac.length != 3) {
            throw new IllegalArgumentException("frac must have 3 components, had " + frac.length);
        }
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = matrix[i][0] * frac[0] + matrix[i][1] * frac[1] + matrix[i][2] * frac[2] + originShift[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SettingTransformation other && Arrays.deepEquals(matrix, other.matrix)
                && Arrays.equals(originShift, other.originShift);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(matrix) + Arrays.hashCode(originShift);
    }

    @Override
    public String toString() {
        return "SettingTransformation[matrix=" + Arrays.deepToString(matrix) + ", originShift="
                + Arrays.toString(originShift) + "]";
    }
}
