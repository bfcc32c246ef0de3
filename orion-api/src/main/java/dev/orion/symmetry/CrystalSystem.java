package dev.orion.symmetry;

/**
 * The seven crystal systems, in the order of the International Tables numbering of the
 * space-group types that belong to them.
 */
public enum CrystalSystem {
    /** Space-group types 1 and 2. */
    TRICLINIC(1, 2),
    /** Space-group types 3 to 15. */
    MONOCLINIC(3, 15),
    /** Space-group types 16 to 74. */
    ORTHORHOMBIC(16, 74),
    /** Space-group types 75 to 142. */
    TETRAGONAL(75, 142),
    /** Space-group types 143 to 167. */
    TRIGONAL(143, 167),
    /** Space-group types 168 to 194. */
    HEXAGONAL(168, 194),
    /** Space-group types 195 to 230. */
    CUBIC(195, 230);

    private final int firstNumber;
    private final int lastNumber;

    CrystalSystem(int firstNumber, int lastNumber) {
        this.firstNumber = firstNumber;
        this.lastNumber = lastNumber;
    }

    /**
     * Returns the crystal system of a space-group type.
     *
     * @param number the International Tables number, 1 to 230
     * @return the crystal system that the type belongs to
     * @throws IllegalArgumentException if {@code number} is outside 1..230
     */
    public static CrystalSystem ofSpaceGroupNumber(int number) {
        for (CrystalSystem system : values()) {
            if (number >= system.firstNumber && number <= system.lastNumber) {
                return system;
            }
        }
        throw new IllegalArgumentException("space-group number must be in 1..230, was " + number);
    }

    /**
     * Tells whether a space-group type belongs to this system.
     *
     * @param number an International Tables number
     * @return true if {@code number} lies in this system's range
     */
    public boolean contains(int number) {
        return number >= firstNumber && number <= lastNumber;
    }
}
