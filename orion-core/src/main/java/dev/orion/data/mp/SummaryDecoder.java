package dev.orion.data.mp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orion.StructureParseException;
import dev.orion.io.json.PymatgenJson;
import dev.orion.structure.Structure;
import dev.orion.symmetry.CrystalSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Maps the {@code {data, errors, meta}} envelope of {@code materials/summary} to a {@link SummaryPage}. */
final class SummaryDecoder {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SummaryDecoder() {
    }

    /** @throws MaterialsProjectException if the body is not an envelope of summary documents */
    static SummaryPage page(String body, String url) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MaterialsProjectException(200, "malformed JSON from " + url + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("data").isArray()) {
            throw new MaterialsProjectException(200, "response from " + url + " has no data array");
        }
        List<MaterialSummary> docs = new ArrayList<>();
        for (JsonNode doc : root.get("data")) {
            docs.add(summary(doc, url));
        }
        List<String> errors = new ArrayList<>();
        root.path("errors").forEach(e -> errors.add(e.toString()));
        return new SummaryPage(docs, errors, meta(root.path("meta")));
    }

    private static ResponseMeta meta(JsonNode meta) {
        if (!meta.isObject()) {
            return ResponseMeta.empty();
        }
        ObjectNode rest = ((ObjectNode) meta).deepCopy();
        JsonNode total = rest.remove("total_doc");
        JsonNode maxLimit = rest.remove("max_limit");
        return new ResponseMeta(total != null && total.canConvertToLong() ? OptionalLong.of(total.asLong()) : OptionalLong.empty(),
                maxLimit != null && maxLimit.canConvertToInt() ? OptionalInt.of(maxLimit.asInt()) : OptionalInt.empty(),
                text(rest.remove("api_version")), text(rest.remove("time_stamp")), rest);
    }

    private static MaterialSummary summary(JsonNode doc, String url) {
        if (!doc.isObject() || !doc.path("material_id").isTextual()) {
            throw new MaterialsProjectException(200, "document without material_id from " + url);
        }
        ObjectNode rest = ((ObjectNode) doc).deepCopy();
        String id = rest.remove("material_id").asText();
        List<String> elements = new ArrayList<>();
        JsonNode els = rest.remove("elements");
        if (els != null) {
            els.forEach(e -> elements.add(e.asText()));
        }
        Optional<Structure> structure = Optional.empty();
        JsonNode s = rest.remove("structure");
        if (s != null && !s.isNull()) {
            try {
                structure = Optional.of(PymatgenJson.structureFromDict(s));
            } catch (StructureParseException e) {
                throw new MaterialsProjectException(200, "structure of " + id + " from " + url + ": " + e.getMessage(), e);
            }
        }
        return new MaterialSummary(id, text(rest.remove("formula_pretty")), text(rest.remove("chemsys")), elements,
                integer(rest.remove("nelements")), integer(rest.remove("nsites")), real(rest.remove("volume")),
                real(rest.remove("density")), real(rest.remove("energy_per_atom")),
                real(rest.remove("formation_energy_per_atom")), real(rest.remove("energy_above_hull")),
                real(rest.remove("band_gap")), bool(rest.remove("is_stable")), bool(rest.remove("is_metal")),
                bool(rest.remove("theoretical")), bool(rest.remove("deprecated")), symmetry(rest), structure, rest);
    }

    /** Takes the modelled fields out of {@code doc.symmetry}, leaving the rest (symprec, version) in place. */
    private static Optional<MaterialSymmetry> symmetry(ObjectNode doc) {
        if (!(doc.get("symmetry") instanceof ObjectNode sym)) {
            return Optional.empty();
        }
        Optional<CrystalSystem> system = text(sym.remove("crystal_system"))
                .flatMap(name -> Arrays.stream(CrystalSystem.values()).filter(c -> c.name().equalsIgnoreCase(name)).findFirst());
        MaterialSymmetry result = new MaterialSymmetry(system, text(sym.remove("symbol")), integer(sym.remove("number")),
                text(sym.remove("point_group")));
        if (sym.isEmpty()) {
            doc.remove("symmetry");
        }
        return Optional.of(result);
    }

    private static Optional<String> text(JsonNode n) {
        return n != null && n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
    }

    private static OptionalInt integer(JsonNode n) {
        return n != null && n.canConvertToInt() ? OptionalInt.of(n.asInt()) : OptionalInt.empty();
    }

    private static OptionalDouble real(JsonNode n) {
        return n != null && n.isNumber() ? OptionalDouble.of(n.asDouble()) : OptionalDouble.empty();
    }

    private static Optional<Boolean> bool(JsonNode n) {
        return n != null && n.isBoolean() ? Optional.of(n.asBoolean()) : Optional.empty();
    }
}
