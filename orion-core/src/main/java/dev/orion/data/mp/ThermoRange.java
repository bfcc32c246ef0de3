package dev.orion.data.mp;

/**
 * The numeric fields of {@code materials/thermo} that {@link ThermoQuery} can bound (the parameters
 * mp-api's {@code ThermoRester.search} sends); each is sent as {@code <field>_min} and {@code <field>_max}.
 */
public enum ThermoRange implements MpRange {
    /** Corrected total energy in eV/atom ({@code energy_per_atom}). */
    ENERGY_PER_ATOM("energy_per_atom"),
    /** Uncorrected total DFT energy in eV/atom ({@code uncorrected_energy_per_atom}). */
    UNCORRECTED_ENERGY_PER_ATOM("uncorrected_energy_per_atom"),
    /** Formation energy in eV/atom ({@code formation_energy_per_atom}). */
    FORMATION_ENERGY_PER_ATOM("formation_energy_per_atom"),
    /** Energy above the convex hull in eV/atom ({@code energy_above_hull}). */
    ENERGY_ABOVE_HULL("energy_above_hull"),
    /** Reaction energy of a stable entry from its stable neighbours in eV/atom ({@code equilibrium_reaction_energy_per_atom}). */
    EQUILIBRIUM_REACTION_ENERGY_PER_ATOM("equilibrium_reaction_energy_per_atom"),
    /** Number of distinct elements ({@code nelements}). */
    NELEMENTS("nelements");

    private final String field;

    ThermoRange(String field) {
        this.field = field;
    }

    @Override
    public String field() {
        return field;
    }
}
