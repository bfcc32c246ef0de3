package dev.orion.io.lammps;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The column layouts of the {@code Atoms} section that the reader understands. Each line is the
 * base columns, optionally followed by three integer image flags.
 */
enum AtomStyle {
    /** {@code id type x y z}. */
    ATOMIC(-1, 1, -1, 2),
    /** {@code id type q x y z}. */
    CHARGE(-1, 1, 2, 3),
    /** {@code id molecule type q x y z}. */
    FULL(1, 2, 3, 4),
    /** {@code id molecule type x y z} (also the layout of styles bond and angle). */
    MOLECULAR(1, 2, -1, 3);

    final int moleculeColumn;
    final int typeColumn;
    final int chargeColumn;
    final int xColumn;

    AtomStyle(int moleculeColumn, int typeColumn, int chargeColumn, int xColumn) {
        this.moleculeColumn = moleculeColumn;
        this.typeColumn = typeColumn;
        this.chargeColumn = chargeColumn;
        this.xColumn = xColumn;
    }

    /** @return the number of columns without image flags */
    int columns() {
        return xColumn + 3;
    }

    /** @return the name LAMMPS uses, as written in the section's style hint */
    String hint() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param hint the word after {@code Atoms #}
     * @return the style, if supported ({@code bond} and {@code angle} read as molecular)
     */
    static Optional<AtomStyle> ofHint(String hint) {
        return switch (hint) {
            case "atomic" -> Optional.of(ATOMIC);
            case "charge" -> Optional.of(CHARGE);
            case "full" -> Optional.of(FULL);
            case "molecular", "bond", "angle" -> Optional.of(MOLECULAR);
            default -> Optional.empty();
        };
    }

    /** @return the supported hints, for messages */
    static String supportedHints() {
        return Arrays.stream(values()).map(AtomStyle::hint).collect(Collectors.joining(", ")) + " (bond and angle as molecular)";
    }

    /**
     * Guesses the style from a line's column count when the file gives no hint: 5 or 8 columns are
     * atomic, 6 or 9 charge (as LAMMPS's own tools and ASE write them).
     *
     * @param columns the number of columns of the first Atoms line
     * @return the style, or empty when the count fits neither
     */
    static Optional<AtomStyle> guess(int columns) {
        return switch (columns) {
            case 5, 8 -> Optional.of(ATOMIC);
            case 6, 9 -> Optional.of(CHARGE);
            default -> Optional.empty();
        };
    }
}
