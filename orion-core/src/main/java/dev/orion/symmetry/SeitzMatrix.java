package dev.orion.symmetry;

import java.util.Arrays;

/**
 * An exact operation used while generating groups: an integer rotation and a translation in
 * twelfths (every translation of the 530 Hall settings is a multiple of 1/12), reduced mod 12.
 * Integer arithmetic makes the group closure exact, with no tolerance to choose.
 */
final class SeitzMatrix {

    static final int DENOMINATOR = 12;
    static final int[] IDENTITY_ROTATION = {1, 0, 0, 0, 1, 0, 0, 0, 1};
    static final SeitzMatrix IDENTITY = new SeitzMatrix(IDENTITY_ROTATION, new int[3]);

    private final int[] rotation; // row-major
    private final int[] translation; // twelfths, in [0, 12)

    SeitzMatrix(int[] rotation, int[] translation) {
        this.rotation = rotation.clone();
        this.translation = new int[3];
        for (int i = 0; i < 3; i++) {
            this.translation[i] = Math.floorMod(translation[i], DENOMINATOR);
        }
    }

    /** Returns {@code this ∘ first}: apply {@code first}, then this. */
    SeitzMatrix compose(SeitzMatrix first) {
        int[] r = new int[9];
        int[] t = new int[3];
        for (int i = 0; i < 3; i++) {
            int sum = translation[i];
            for (int j = 0; j < 3; j++) {
                int v = 0;
                for (int k = 0; k < 3; k++) {
                    v += rotation[3 * i + k] * first.rotation[3 * k + j];
                }
                r[3 * i + j] = v;
                sum += rotation[3 * i + j] * first.translation[j];
            }
            t[i] = sum;
        }
        return new SeitzMatrix(r, t);
    }

    /** Returns this operation expressed with the origin moved by {@code -shift}: (R, t + V - R V). */
    SeitzMatrix shiftOrigin(int[] shift) {
        int[] t = new int[3];
        for (int i = 0; i < 3; i++) {
            int rv = 0;
            for (int j = 0; j < 3; j++) {
                rv += rotation[3 * i + j] * shift[j];
            }
            t[i] = translation[i] + shift[i] - rv;
        }
        return new SeitzMatrix(rotation, t);
    }

    SymmetryOperation toOperation() {
        double[] t = new double[3];
        for (int i = 0; i < 3; i++) {
            t[i] = translation[i] / (double) DENOMINATOR;
        }
        return SymmetryOperation.ofFlat(rotation, t);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeitzMatrix other
                && Arrays.equals(rotation, other.rotation)
                && Arrays.equals(translation, other.translation);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(rotation) + Arrays.hashCode(translation);
    }

    @Override
    public String toString() {
        return toOperation().toXyz();
    }
}
