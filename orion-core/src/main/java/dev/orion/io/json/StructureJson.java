package dev.orion.io.json;

import dev.orion.StructureParseException;
import dev.orion.structure.Molecule;
import dev.orion.structure.Structure;

/**
 * Converts {@link Structure}s and {@link Molecule}s to and from ORION's JSON document. The round
 * trip is exact: doubles are written in their shortest round-tripping decimal form, and every site,
 * label and property comes back equal.
 *
 * <h2>Structure schema ({@value #STRUCTURE_SCHEMA})</h2>
 * <pre>{@code
 * {
 *   "schema": "orion.structure/1",
 *   "lattice": [[ax, ay, az], [bx, by, bz], [cx, cy, cz]],          // rows are a, b, c in Å
 *   "sites": [
 *     {
 *       "species": [{"element": "Fe", "oxidation_state": 2.0, "occupancy": 0.5}, ...],
 *       "frac": [x, y, z],                                            // fractional coordinates
 *       "label": "Fe1",                                               // optional, omitted when ""
 *       "properties": {"magmom": 2.5, "selective_dynamics": [true, true, false]}   // optional
 *     }
 *   ],
 *   "properties": {"title": "..."}                                    // optional
 * }
 * }</pre>
 * {@code oxidation_state} is omitted when unknown. Coordinates are fractional and named
 * {@code frac}, not {@code xyz}, so that they are not mistaken for pymatgen's Cartesian {@code xyz}.
 *
 * <h2>Molecule schema ({@value #MOLECULE_SCHEMA})</h2>
 * <pre>{@code
 * {
 *   "schema": "orion.molecule/1",
 *   "sites": [{"element": "O", "oxidation_state": -2.0, "xyz": [x, y, z], "properties": {...}}],
 *   "properties": {...}
 * }
 * }</pre>
 * Molecule coordinates are Cartesian, in Å. Property values are numbers (integral ones read back
 * as {@code Long}, others as {@code Double}), strings, booleans, arrays and objects of those.
 * Unknown fields are ignored, so later minor versions can add fields.
 */
public final class StructureJson {

    /** The value of {@code "schema"} in structure documents. */
    public static final String STRUCTURE_SCHEMA = "orion.structure/1";
    /** The value of {@code "schema"} in molecule documents. */
    public static final String MOLECULE_SCHEMA = "orion.molecule/1";

    private StructureJson() {
    }

    /** The JSON document of a structure. */
    public static String toJson(Structure structure) {
        return JsonWriting.structure(structure);
    }

    /** The JSON document of a molecule. */
    public static String toJson(Molecule molecule) {
        return JsonWriting.molecule(molecule);
    }

    /**
     * Reads a structure document.
     *
     * @throws StructureParseException with line and column if the text is not valid JSON or not a
     *                                 valid structure document
     */
    public static Structure fromJson(String json) {
        return fromJson(json, StructureParseException.STRING_SOURCE);
    }

    /**
     * Reads a structure document; {@code source} (a file name) appears in error messages.
     *
     * @throws StructureParseException with line and column if the text is not a valid structure document
     */
    public static Structure fromJson(String json, String source) {
        return new JsonReading(json, source).structure();
    }

    /**
     * Reads a molecule document.
     *
     * @throws StructureParseException with line and column if the text is not a valid molecule document
     */
    public static Molecule moleculeFromJson(String json) {
        return moleculeFromJson(json, StructureParseException.STRING_SOURCE);
    }

    /**
     * Reads a molecule document; {@code source} (a file name) appears in error messages.
     *
     * @throws StructureParseException with line and column if the text is not a valid molecule document
     */
    public static Molecule moleculeFromJson(String json, String source) {
        return new JsonReading(json, source).molecule();
    }
}
