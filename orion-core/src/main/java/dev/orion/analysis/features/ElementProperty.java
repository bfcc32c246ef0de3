package dev.orion.analysis.features;

import dev.orion.structure.Element;

/**
 * Elemental properties that composition features summarise, as {@link Element} tabulates them.
 * {@link #of(Element)} is {@code NaN} where the table has no value (the electronegativity of He,
 * the covalent radius of Bk and heavier), so that the statistics over such a composition are NaN
 * too rather than silently biased.
 */
public enum ElementProperty {
    /** Atomic number. */
    ATOMIC_NUMBER("Z"),
    /** Standard atomic weight, u. */
    ATOMIC_MASS("atomic_mass"),
    /** Single-bond covalent radius (Cordero), Å. */
    COVALENT_RADIUS("covalent_radius"),
    /** Pauling electronegativity. */
    ELECTRONEGATIVITY("electronegativity"),
    /** IUPAC group 1-18 (lanthanides and actinides: 3). */
    GROUP("group"),
    /** Period 1-7. */
    PERIOD("period");

    private final String featureName;

    ElementProperty(String featureName) {
        this.featureName = featureName;
    }

    /** The prefix of this property's feature names ({@code "electronegativity"} in {@code "electronegativity_mean"}). */
    public String featureName() {
        return featureName;
    }

    /** The property of {@code element}, or {@code NaN} if it is not tabulated. */
    public double of(Element element) {
        return switch (this) {
            case ATOMIC_NUMBER -> element.z();
            case ATOMIC_MASS -> element.atomicMass();
            case COVALENT_RADIUS -> element.covalentRadius().orElse(Double.NaN);
            case ELECTRONEGATIVITY -> element.electronegativity().orElse(Double.NaN);
            case GROUP -> element.group();
            case PERIOD -> element.period();
        };
    }
}
