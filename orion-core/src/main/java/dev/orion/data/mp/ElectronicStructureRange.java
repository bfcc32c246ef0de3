package dev.orion.data.mp;

/**
 * The numeric fields of {@code materials/electronic_structure} that {@link ElectronicStructureQuery} can
 * bound (the parameters mp-api's {@code ElectronicStructureRester.search} sends); each is sent as
 * {@code <field>_min} and {@code <field>_max}.
 */
public enum ElectronicStructureRange implements MpRange {
    /** Band gap in eV ({@code band_gap}). */
    BAND_GAP("band_gap"),
    /** Fermi energy in eV ({@code efermi}). */
    EFERMI("efermi"),
    /** Number of distinct elements ({@code nelements}). */
    NELEMENTS("nelements");

    private final String field;

    ElectronicStructureRange(String field) {
        this.field = field;
    }

    @Override
    public String field() {
        return field;
    }
}
