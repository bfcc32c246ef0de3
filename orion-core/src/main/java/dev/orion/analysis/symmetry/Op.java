package dev.orion.analysis.symmetry;

/**
 * A found space-group operation during the search: integer rotation (row-major) and an
 * approximate fractional translation, both in the basis of the cell being searched.
 */
final class Op {

    final int[] w;
    final double[] t;

    Op(int[] w, double[] t) {
        this.w = w;
        this.t = t;
    }
}
