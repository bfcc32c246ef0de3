package dev.orion.io.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.StructureParseException;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Site;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads pymatgen's {@code Structure.as_dict()} JSON, the form in which the Materials Project and
 * most pymatgen-based databases hand out structures:
 * <pre>{@code
 * {"@module": "pymatgen.core.structure", "@class": "Structure", "charge": 0,
 *  "lattice": {"matrix": [[ax, ay, az], [bx, by, bz], [cx, cy, cz]], "pbc": [true, true, true], "a": ..., ...},
 *  "properties": {},
 *  "sites": [{"species": [{"element": "Fe", "oxidation_state": 2, "occu": 1}],
 *             "abc": [x, y, z], "xyz": [X, Y, Z], "label": "Fe", "properties": {"magmom": 4.1}}]}
 * }</pre>
 * Fractional {@code abc} are used when present, otherwise Cartesian {@code xyz}. Lattice parameters
 * ({@code a}, {@code alpha}, {@code volume}, ...) are derived from the matrix and ignored; a non-zero
 * {@code charge} becomes the structure property {@code charge}. Site and structure properties keep
 * their values (numbers, strings, booleans, lists, maps); {@code null} values are dropped.
 */
public final class PymatgenJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SOURCE = "<pymatgen dict>";

    private PymatgenJson() {
    }

    /**
     * Reads a structure from the text of a pymatgen dict.
     *
     * @param json the JSON text
     * @return the structure
     * @throws StructureParseException with line and column if the text is not JSON, or naming the
     *                                 field if it is not a valid structure dict
     */
    public static Structure structureFromJson(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new StructureParseException(SOURCE, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage(), e);
        }
        return structureFromDict(node);
    }

    /**
     * Reads a structure from a parsed pymatgen dict.
     *
     * @param dict the dict as a Jackson tree
     * @return the structure
     * @throws StructureParseException naming the field that is missing or invalid
     */
    public static Structure structureFromDict(JsonNode dict) {
        if (dict == null || !dict.isObject()) {
            throw fail("expected a structure object, got " + kind(dict));
        }
        try {
            Lattice lattice = lattice(dict.path("lattice"));
            StructureBuilder b = Structure.builder().lattice(lattice);
            JsonNode sites = dict.path("sites");
            if (!sites.isArray()) {
                throw fail("sites: expected an array, got " + kind(sites));
            }
            int i = 0;
            for (JsonNode site : sites) {
                b.addSite(site(site, i++, lattice));
            }
            JsonNode charge = dict.path("charge");
            if (charge.isNumber() && charge.asDouble() != 0) {
                b.property("charge", charge.asDouble());
            }
            properties(dict.path("properties"), "properties").forEach(b::property);
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new StructureParseException(SOURCE, 0, 0, e.getMessage(), e);
        }
    }

    private static Lattice lattice(JsonNode lattice) {
        JsonNode matrix = lattice.path("matrix");
        if (!matrix.isArray() || matrix.size() != 3) {
            throw fail("lattice.matrix: expected 3 rows, got " + kind(matrix));
        }
        double[][] rows = new double[3][];
        for (int r = 0; r < 3; r++) {
            rows[r] = vector(matrix.get(r), "lattice.matrix[" + r + "]");
        }
        return Lattice.of(rows);
    }

    private static Site site(JsonNode site, int index, Lattice lattice) {
        String where = "sites[" + index + "]";
        Site.Builder sb = Site.builder();
        JsonNode species = site.path("species");
        if (!species.isArray() || species.isEmpty()) {
            throw fail(where + ".species: expected a non-empty array, got " + kind(species));
        }
        for (JsonNode sp : species) {
            sb.species(species(sp, where), sp.path("occu").asDouble(1.0));
        }
        if (site.hasNonNull("abc")) {
            sb.frac(vector(site.get("abc"), where + ".abc"));
        } else if (site.hasNonNull("xyz")) {
            sb.frac(lattice.toFractional(vector(site.get("xyz"), where + ".xyz")));
        } else {
            throw fail(where + ": neither abc nor xyz coordinates");
        }
        if (site.path("label").isTextual()) {
            sb.label(site.get("label").asText());
        }
        properties(site.path("properties"), where + ".properties").forEach(sb::property);
        return sb.build();
    }

    private static Species species(JsonNode sp, String where) {
        String symbol = sp.path("element").asText("");
        Element element = Element.parse(symbol)
                .orElseThrow(() -> fail(where + ".species: unknown element '" + symbol + "'"));
        JsonNode oxidation = sp.path("oxidation_state");
        return oxidation.isNumber() ? Species.of(element, oxidation.asDouble()) : Species.of(element);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(JsonNode props, String where) {
        if (props.isMissingNode() || props.isNull()) {
            return Map.of();
        }
        if (!props.isObject()) {
            throw fail(where + ": expected an object, got " + kind(props));
        }
        Map<String, Object> values = MAPPER.convertValue(props, Map.class);
        values.values().removeIf(v -> v == null);
        return values;
    }

    private static double[] vector(JsonNode node, String where) {
        if (node == null || !node.isArray() || node.size() != 3) {
            throw fail(where + ": expected 3 numbers, got " + kind(node));
        }
        double[] v = new double[3];
        Iterator<JsonNode> it = node.elements();
        for (int i = 0; i < 3; i++) {
            JsonNode x = it.next();
            if (!x.isNumber()) {
                throw fail(where + ": expected a number, got " + x);
            }
            v[i] = x.asDouble();
        }
        return v;
    }

    private static String kind(JsonNode node) {
        return node == null || node.isMissingNode() ? "nothing" : node.getNodeType().name().toLowerCase() + " " + abbreviated(node);
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    private static StructureParseException fail(String reason) {
        return new StructureParseException(SOURCE, 0, 0, reason);
    }
}
