package dev.orion.data.mp;

/**
 * The numeric fields of {@code materials/summary} that {@link SummaryQuery} can bound; each is sent
 * as {@code <field>_min} and {@code <field>_max}.
 */
public enum SummaryRange implements MpRange {
    /** Band gap in eV ({@code band_gap}). */
    BAND_GAP("band_gap"),
    /** Energy above the convex hull in eV/atom ({@code energy_above_hull}). */
    ENERGY_ABOVE_HULL("energy_above_hull"),
    /** Formation energy in eV/atom ({@code formation_energy_per_atom}). */
    FORMATION_ENERGY_PER_ATOM("formation_energy_per_atom"),
    /** Total energy in eV/atom ({@code energy_per_atom}). */
    ENERGY_PER_ATOM("energy_per_atom"),
    /** Density in g/cm³ ({@code density}). */
    DENSITY("density"),
    /** Cell volume in Å³ ({@code volume}). */
    VOLUME("volume"),
    /** Number of sites in the cell ({@code nsites}). */
    NSITES("nsites"),
    /** Number of distinct elements ({@code nelements}). */
    NELEMENTS("nelements");

    private final String field;

    SummaryRange(String field) {
        this.field = field;
    }

    @Override
    public String field() {
        return field;
    }
}
