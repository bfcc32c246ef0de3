package dev.orion.io.internal;

import dev.orion.structure.Lattice;
import dev.orion.structure.Matrix3;
import java.util.Arrays;
import java.util.Locale;

/**
 * The sanity limits every reader applies to the cell it reads, in one place: CIF cell lengths,
 * pw.x's {@code celldm(1)}, {@code A} and {@code CELL_PARAMETERS}, a POSCAR scale factor (a negative
 * one is a volume), a LAMMPS data box, an extended-XYZ {@code Lattice} and a JSON lattice all end
 * here. A cell edge longer than {@value #MAX_LENGTH} Å (a millimetre) is not a crystal but a typo
 * or an attack: {@code celldm(1)=1e308} would otherwise give a cell of infinite volume, and a
 * POSCAR scale of {@code -1e308} cells of 1e102 Å, which every later step (neighbour lists, symmetry,
 * an engine's input) would choke on.
 *
 * <pre>{@code
 * try {
 *     lattice = CellLimits.lattice(rows);
 * } catch (IllegalArgumentException e) {
 *     throw src.error(line, 1, "the cell is not valid: " + e.getMessage());
 * }
 * }</pre>
 */
public final class CellLimits {

    /** The longest lattice vector a reader accepts, Å. */
    public static final double MAX_LENGTH = 1e6;

    private CellLimits() {
    }

    /**
     * @param rows the lattice vectors a, b, c as read (Å)
     * @return the lattice
     * @throws IllegalArgumentException naming the vector and its length when a component is not finite,
     *                                  a vector is longer than {@link #MAX_LENGTH}, or the vectors do not
     *                                  form a cell ({@link Lattice#of})
     */
    public static Lattice lattice(double[][] rows) {
        for (int i = 0; i < rows.length; i++) {
            double[] v = rows[i];
            double length = v.length == 3 ? Matrix3.norm(v) : 0;
            if (!(length <= MAX_LENGTH)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "lattice vector %c = %s is %s Å long; cell edges longer than %.0e Å are refused",
                        (char) ('a' + i), Arrays.toString(v), length, MAX_LENGTH));
            }
        }
        return Lattice.of(rows);
    }
}
