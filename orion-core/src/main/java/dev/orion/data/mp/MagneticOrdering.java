package dev.orion.data.mp;

import java.util.Arrays;
import java.util.Optional;

/** The magnetic ordering of a material's ground state, as pymatgen's {@code Ordering} names it. */
public enum MagneticOrdering {
    /** Ferromagnetic ({@code FM}). */
    FERROMAGNETIC("FM"),
    /** Antiferromagnetic ({@code AFM}). */
    ANTIFERROMAGNETIC("AFM"),
    /** Ferrimagnetic ({@code FiM}). */
    FERRIMAGNETIC("FiM"),
    /** Non-magnetic ({@code NM}). */
    NON_MAGNETIC("NM");

    private final String value;

    MagneticOrdering(String value) {
        this.value = value;
    }

    /** @return the value the API sends and accepts, e.g. {@code AFM} */
    public String value() {
        return value;
    }

    /**
     * @param value a value as sent, e.g. {@code FiM}
     * @return the ordering, empty for {@code Unknown} or anything else
     */
    public static Optional<MagneticOrdering> fromValue(String value) {
        return Arrays.stream(values()).filter(o -> o.value.equals(value)).findFirst();
    }
}
