package dev.orion.data.mp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One document of {@code materials/thermo} (emmet's {@code ThermoDoc}): the energies and stability of a
 * material on the convex hull of one thermo type. What the server sends depends on {@code _fields}, so
 * everything but the id is optional; every field ORION does not model ({@code entries},
 * {@code composition}, {@code builder_meta}, {@code origins}, ...) is kept in {@link #extras()} as sent.
 *
 * @param materialId                       the id, e.g. {@code mp-149}
 * @param thermoId                         the id of this document, material and thermo type, e.g. {@code mp-149_GGA_GGA+U}
 * @param thermoType                       the thermo type as sent (see {@link ThermoType#value()})
 * @param formulaPretty                    the reduced formula
 * @param chemsys                          the chemical system
 * @param energyPerAtom                    the corrected total energy in eV/atom
 * @param uncorrectedEnergyPerAtom         the raw DFT energy in eV/atom
 * @param formationEnergyPerAtom           the formation energy in eV/atom
 * @param energyAboveHull                  the energy above the hull in eV/atom
 * @param stable                           whether the entry is on the hull ({@code is_stable})
 * @param equilibriumReactionEnergyPerAtom for a stable entry, its reaction energy from the neighbouring stable phases in eV/atom
 * @param decompositionEnthalpy            the decomposition enthalpy in eV/atom
 * @param decomposesTo                     for an unstable entry, the phases it decomposes to (empty if none or not sent)
 * @param energyType                       the calculation the energy comes from, e.g. {@code GGA+U}
 * @param extras                           every field not modelled above, as sent (a copy is returned)
 */
public record MaterialThermo(String materialId, Optional<String> thermoId, Optional<String> thermoType,
        Optional<String> formulaPretty, Optional<String> chemsys, OptionalDouble energyPerAtom,
        OptionalDouble uncorrectedEnergyPerAtom, OptionalDouble formationEnergyPerAtom, OptionalDouble energyAboveHull,
        Optional<Boolean> stable, OptionalDouble equilibriumReactionEnergyPerAtom, OptionalDouble decompositionEnthalpy,
        List<DecompositionProduct> decomposesTo, Optional<String> energyType, JsonNode extras) {

    /** Checks that no component is null, copies the list and keeps a private copy of {@code extras}. */
    public MaterialThermo {
        Objects.requireNonNull(materialId, "materialId");
        Objects.requireNonNull(thermoId, "thermoId");
        Objects.requireNonNull(thermoType, "thermoType");
        Objects.requireNonNull(formulaPretty, "formulaPretty");
        Objects.requireNonNull(chemsys, "chemsys");
        Objects.requireNonNull(energyPerAtom, "energyPerAtom");
        Objects.requireNonNull(uncorrectedEnergyPerAtom, "uncorrectedEnergyPerAtom");
        Objects.requireNonNull(formationEnergyPerAtom, "formationEnergyPerAtom");
        Objects.requireNonNull(energyAboveHull, "energyAboveHull");
        Objects.requireNonNull(stable, "stable");
        Objects.requireNonNull(equilibriumReactionEnergyPerAtom, "equilibriumReactionEnergyPerAtom");
        Objects.requireNonNull(decompositionEnthalpy, "decompositionEnthalpy");
        decomposesTo = List.copyOf(decomposesTo);
        Objects.requireNonNull(energyType, "energyType");
        extras = Objects.requireNonNull(extras, "extras").deepCopy();
    }

    /** @return a copy of the fields ORION does not model, as sent */
    @Override
    public JsonNode extras() {
        return extras.deepCopy();
    }

    /** Reads one document of {@code materials/thermo}. */
    static MaterialThermo read(DocumentFields d) {
        return new MaterialThermo(d.required("material_id"), d.text("thermo_id"), d.text("thermo_type"),
                d.text("formula_pretty"), d.text("chemsys"), d.real("energy_per_atom"),
                d.real("uncorrected_energy_per_atom"), d.real("formation_energy_per_atom"), d.real("energy_above_hull"),
                d.bool("is_stable"), d.real("equilibrium_reaction_energy_per_atom"), d.real("decomposition_enthalpy"),
                d.each("decomposes_to", DecompositionProduct::read), d.text("energy_type"), d.rest());
    }
}
