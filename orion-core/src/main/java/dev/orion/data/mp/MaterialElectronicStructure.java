package dev.orion.data.mp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One document of {@code materials/electronic_structure} (emmet's {@code ElectronicStructureDoc}): the
 * summary of a material's band structure and density of states. Everything but the id is optional (it
 * depends on {@code _fields}); every field ORION does not model (the per-path {@code bandstructure}
 * summaries, the projected {@code dos} summaries, {@code origins}, ...) is kept in {@link #extras()}.
 *
 * @param materialId       the id, e.g. {@code mp-149}
 * @param formulaPretty    the reduced formula
 * @param chemsys          the chemical system
 * @param bandGap          the band gap in eV
 * @param cbm              the conduction band minimum in eV
 * @param vbm              the valence band maximum in eV
 * @param efermi           the Fermi energy in eV
 * @param gapDirect        whether the gap is direct ({@code is_gap_direct})
 * @param metal            whether the material is a metal ({@code is_metal})
 * @param magneticOrdering the magnetic ordering, empty if not sent; a value other than FM, AFM, FiM, NM
 *                         (e.g. {@code Unknown}) stays in the extras
 * @param extras           every field not modelled above, as sent (a copy is returned)
 */
public record MaterialElectronicStructure(String materialId, Optional<String> formulaPretty, Optional<String> chemsys,
        OptionalDouble bandGap, OptionalDouble cbm, OptionalDouble vbm, OptionalDouble efermi,
        Optional<Boolean> gapDirect, Optional<Boolean> metal, Optional<MagneticOrdering> magneticOrdering,
        JsonNode extras) {

    /** Checks that no component is null and keeps a private copy of {@code extras}. */
    public MaterialElectronicStructure {
        Objects.requireNonNull(materialId, "materialId");
        Objects.requireNonNull(formulaPretty, "formulaPretty");
        Objects.requireNonNull(chemsys, "chemsys");
        Objects.requireNonNull(bandGap, "bandGap");
        Objects.requireNonNull(cbm, "cbm");
        Objects.requireNonNull(vbm, "vbm");
        Objects.requireNonNull(efermi, "efermi");
        Objects.requireNonNull(gapDirect, "gapDirect");
        Objects.requireNonNull(metal, "metal");
        Objects.requireNonNull(magneticOrdering, "magneticOrdering");
        extras = Objects.requireNonNull(extras, "extras").deepCopy();
    }

    /** @return a copy of the fields ORION does not model, as sent */
    @Override
    public JsonNode extras() {
        return extras.deepCopy();
    }

    /** Reads one document of {@code materials/electronic_structure}. */
    static MaterialElectronicStructure read(DocumentFields d) {
        return new MaterialElectronicStructure(d.required("material_id"), d.text("formula_pretty"), d.text("chemsys"),
                d.real("band_gap"), d.real("cbm"), d.real("vbm"), d.real("efermi"), d.bool("is_gap_direct"),
                d.bool("is_metal"), d.parsed("magnetic_ordering", MagneticOrdering::fromValue), d.rest());
    }
}
