package dev.orion.analysis.symmetry;

import dev.orion.symmetry.SymmetryOperation;

import dev.orion.structure.Matrix3;
import java.util.Arrays;

/**
 * An exact operation used while generating groups: an integer rotation and a translation in
 * twelfths (every translation of the 530 Hall settings is a multiple of 1/12), reduced mod 12.
 * Integer arithmetic makes the group closure exact, with no tolerance to choose.
 */
final class SeitzMatrix {

    static final int DENOMINATOR = 12;
    static final SeitzMatrix IDENTITY = new SeitzMatrix(Rotations.IDENTITY, new int[3]);

    private final int[] rotation; // row-major
    private final int[] translation; // twelfths, in [0, 12)

    SeitzMatrix(int[] rotation, int[] translation) {
        this.rotation = rotation.clone();
        this.translation = new int[3];
        for (int i = 0; i < 3; i++) {
            this.translation[i] = Math.floorMod(translation[i], DENOMINATOR);
        }
    }

    /**
     * Returns {@code this ∘ first}: apply {@code first}, then this. {@link SymmetryOperation#compose} does
     * the product; its translations snap onto multiples of 1/5040, so twelfths come back exact.
     */
    SeitzMatrix compose(SeitzMatrix first) {
        return of(toOperation().compose(first.toOperation()));
    }

    private static SeitzMatrix of(SymmetryOperation op) {
        int[] r = new int[9];
        int[] t = new int[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[3 * i + j] = op.rotation(i, j);
            }
            t[i] = (int) Math.round(op.translation(i) * DENOMINATOR);
        }
        return new SeitzMatrix(r, t);
    }

    /** Returns this operation expressed with the origin moved by {@code -shift}: (R, t + V - R V). */
    SeitzMatrix shiftOrigin(int[] shift) {
        int[] rv = Matrix3.apply(rotation, shift);
        int[] t = new int[3];
        for (int i = 0; i < 3; i++) {
            t[i] = translation[i] + shift[i] - rv[i];
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
