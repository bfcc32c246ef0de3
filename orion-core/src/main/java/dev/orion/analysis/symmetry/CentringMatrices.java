package dev.orion.analysis.symmetry;

import dev.orion.structure.Matrix3;

/**
 * The primitive cells that spglib (and the International Tables) choose for each centring of a
 * standard conventional cell, as matrices whose columns are the primitive vectors in conventional
 * coordinates.
 */
final class CentringMatrices {

    private static final double H = 0.5;
    private static final double T = 1.0 / 3;

    private CentringMatrices() {
    }

    /** The matrix for the lattice symbol that starts a Hall symbol ({@code P}, {@code -F}, ...). */
    static double[] of(String hallSymbol) {
        char c = hallSymbol.charAt(hallSymbol.charAt(0) == '-' ? 1 : 0);
        switch (c) {
            case 'A':
                return new double[] {1, 0, 0, 0, H, -H, 0, H, H};
            case 'B':
                return new double[] {H, 0, -H, 0, 1, 0, H, 0, H};
            case 'C':
                return new double[] {H, H, 0, -H, H, 0, 0, 0, 1};
            case 'I':
                return new double[] {-H, H, H, H, -H, H, H, H, -H};
            case 'F':
                return new double[] {0, H, H, H, 0, H, H, H, 0};
            case 'R':
                return new double[] {2 * T, -T, -T, T, T, -2 * T, T, T, T};
            default:
                return Matrix3.toDouble(Rotations.IDENTITY);
        }
    }
}
