package dev.orion.symmetry;

import java.util.Objects;

/**
 * One setting of a space-group type, as listed in the 530-row Hall-symbol table that spglib
 * and the International Tables (Vol. B, Table A1.4.2.7) use.
 *
 * <p>A space-group type (International Tables number 1..230) may have several settings: the
 * monoclinic unique-axis and cell choices, the orthorhombic axis permutations, two origin
 * choices for some centrosymmetric groups, and hexagonal or rhombohedral axes for the
 * rhombohedral groups. Each setting has its own Hall number and Hall symbol, and its own set
 * of operations (obtained from {@code dev.orion.analysis.symmetry.SpaceGroups#operations} in orion-core).
 *
 * @param hallNumber        the serial number of the setting, 1..530
 * @param number            the International Tables number of the type, 1..230
 * @param hallSymbol        the Hall symbol, for example {@code -P 2ybc}
 * @param international     the short Hermann–Mauguin symbol as spglib prints it, for example
 *                          {@code P2_1/c}
 * @param internationalFull the full Hermann–Mauguin symbol of this setting, for example
 *                          {@code P 1 2_1/c 1}
 * @param choice            the setting or origin choice as spglib names it ({@code b1},
 *                          {@code cab}, {@code 2}, {@code H}, {@code R}, ...), empty when the
 *                          type has a single setting
 * @param crystalSystem     the crystal system of the type
 * @param pointGroup        the international symbol of the point group, for example {@code 2/m}
 * @param schoenflies       the Schoenflies symbol, for example {@code C2h^5}
 */
public record SpaceGroupType(
        int hallNumber,
        int number,
        String hallSymbol,
        String international,
        String internationalFull,
        String choice,
        CrystalSystem crystalSystem,
        String pointGroup,
        String schoenflies) {

    /** Validates the fields; every string is required, {@code choice} may be empty. */
    public SpaceGroupType {
        if (hallNumber < 1 || hallNumber > 530) {
            throw new IllegalArgumentException("hallNumber must be in 1..530, was " + hallNumber);
        }
        if (number < 1 || number > 230) {
            throw new IllegalArgumentException("number must be in 1..230, was " + number);
        }
        Objects.requireNonNull(hallSymbol, "hallSymbol");
        Objects.requireNonNull(international, "international");
        Objects.requireNonNull(internationalFull, "internationalFull");
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(crystalSystem, "crystalSystem");
        Objects.requireNonNull(pointGroup, "pointGroup");
        Objects.requireNonNull(schoenflies, "schoenflies");
        if (!crystalSystem.contains(number)) {
            throw new IllegalArgumentException(
                    "crystalSystem " + crystalSystem + " does not contain space group " + number);
        }
    }

    /**
     * Returns the short symbol with the setting suffix that tells this setting apart from the
     * others of its type, in the style of the International Tables and gemmi: {@code Fd-3m:2},
     * {@code R-3m:R}; the bare short symbol when the choice is a monoclinic or orthorhombic axis
     * setting or empty.
     *
     * @return a display symbol for this setting
     */
    public String internationalWithChoice() {
        boolean originOrAxes = choice.equals("1") || choice.equals("2")
                || choice.equals("H") || choice.equals("R");
        return originOrAxes ? international + ":" + choice : international;
    }
}
