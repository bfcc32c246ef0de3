package dev.orion.data.mp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orion.structure.Structure;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One document of {@code materials/summary}. A query's {@code _fields} decide what the server sends,
 * so everything but the id is optional; every field that ORION does not model (magnetism, elasticity,
 * {@code database_IDs}, {@code builder_meta}, ...) is kept in {@link #extras()} as sent.
 *
 * @param materialId            the id, e.g. {@code mp-149}
 * @param formulaPretty         the reduced formula, e.g. {@code Si}
 * @param chemsys               the chemical system, e.g. {@code Fe-O}
 * @param elements              the element symbols (empty if not returned)
 * @param nelements             the number of distinct elements
 * @param nsites                the number of sites in the cell
 * @param volume                the cell volume in Å³
 * @param density               the density in g/cm³
 * @param energyPerAtom         the total energy in eV/atom
 * @param formationEnergyPerAtom the formation energy in eV/atom
 * @param energyAboveHull       the energy above the convex hull in eV/atom
 * @param bandGap               the band gap in eV
 * @param stable                whether the material lies on the convex hull ({@code is_stable})
 * @param metal                 whether it is a metal ({@code is_metal})
 * @param theoretical           whether it has no experimental (ICSD) counterpart
 * @param deprecated            whether the Materials Project deprecated it
 * @param symmetry              the {@code symmetry} block
 * @param structure             the relaxed structure, converted from pymatgen's dict
 * @param extras                every field not modelled above, as sent (a copy is returned);
 *                              fields of {@code symmetry} that are not modelled appear under
 *                              {@code symmetry}
 */
public record MaterialSummary(String materialId, Optional<String> formulaPretty, Optional<String> chemsys,
        List<String> elements, OptionalInt nelements, OptionalInt nsites, OptionalDouble volume, OptionalDouble density,
        OptionalDouble energyPerAtom, OptionalDouble formationEnergyPerAtom, OptionalDouble energyAboveHull,
        OptionalDouble bandGap, Optional<Boolean> stable, Optional<Boolean> metal, Optional<Boolean> theoretical,
        Optional<Boolean> deprecated, Optional<MaterialSymmetry> symmetry, Optional<Structure> structure,
        JsonNode extras) {

    /** Checks that no component is null, copies {@code elements} and keeps a private copy of {@code extras}. */
    public MaterialSummary {
        Objects.requireNonNull(materialId, "materialId");
        Objects.requireNonNull(formulaPretty, "formulaPretty");
        Objects.requireNonNull(chemsys, "chemsys");
        elements = List.copyOf(elements);
        Objects.requireNonNull(nelements, "nelements");
        Objects.requireNonNull(nsites, "nsites");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(density, "density");
        Objects.requireNonNull(energyPerAtom, "energyPerAtom");
        Objects.requireNonNull(formationEnergyPerAtom, "formationEnergyPerAtom");
        Objects.requireNonNull(energyAboveHull, "energyAboveHull");
        Objects.requireNonNull(bandGap, "bandGap");
        Objects.requireNonNull(stable, "stable");
        Objects.requireNonNull(metal, "metal");
        Objects.requireNonNull(theoretical, "theoretical");
        Objects.requireNonNull(deprecated, "deprecated");
        Objects.requireNonNull(symmetry, "symmetry");
        Objects.requireNonNull(structure, "structure");
        extras = Objects.requireNonNull(extras, "extras").deepCopy();
    }

    /** @return a copy of the fields ORION does not model, as sent */
    @Override
    public JsonNode extras() {
        return extras.deepCopy();
    }

    /** Reads one document of {@code materials/summary}. */
    static MaterialSummary read(DocumentFields d) {
        String id = d.required("material_id");
        return new MaterialSummary(id, d.text("formula_pretty"), d.text("chemsys"), d.texts("elements"),
                d.integer("nelements"), d.integer("nsites"), d.real("volume"), d.real("density"),
                d.real("energy_per_atom"), d.real("formation_energy_per_atom"), d.real("energy_above_hull"),
                d.real("band_gap"), d.bool("is_stable"), d.bool("is_metal"), d.bool("theoretical"),
                d.bool("deprecated"), d.nested("symmetry", MaterialSymmetry::read), d.structure("structure", id),
                d.rest());
    }
}
