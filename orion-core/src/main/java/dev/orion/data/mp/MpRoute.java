package dev.orion.data.mp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * A route of the Materials Project API that ORION types: its path, the parameter that takes a list of
 * ids, and how one of its documents becomes a record. Every route shares the client's paging, id
 * chunking, retries and caches; a query names its route ({@link MpQuery#route()}).
 *
 * <p>{@link #parse} reads a saved response of the route (a snapshot for offline use or tests):
 * <pre>{@code
 * MpPage<MaterialThermo> page = MpRoute.THERMO.parse(Files.readString(Path.of("thermo-mp-149.json")));
 * }</pre>
 *
 * @param <D> the document type
 */
public final class MpRoute<D> {

    /** {@code materials/summary/}: one document per material with the most used properties. */
    public static final MpRoute<MaterialSummary> SUMMARY = new MpRoute<>("materials/summary/", MaterialSummary::read);
    /** {@code materials/thermo/}: energies and stability, one document per material and thermo type. */
    public static final MpRoute<MaterialThermo> THERMO = new MpRoute<>("materials/thermo/", MaterialThermo::read);
    /** {@code materials/elasticity/}: elastic tensors and moduli. */
    public static final MpRoute<MaterialElasticity> ELASTICITY =
            new MpRoute<>("materials/elasticity/", MaterialElasticity::read);
    /** {@code materials/electronic_structure/}: band gaps, band edges, Fermi level, metallicity, magnetic ordering. */
    public static final MpRoute<MaterialElectronicStructure> ELECTRONIC_STRUCTURE =
            new MpRoute<>("materials/electronic_structure/", MaterialElectronicStructure::read);

    /** {@code materials/provenance/}: where a material's structure comes from (ICSD ids, references, authors). */
    public static final MpRoute<MaterialProvenance> PROVENANCE =
            new MpRoute<>("materials/provenance/", MaterialProvenance::read);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ID_FIELD = "material_id";

    private final String path;
    private final Function<DocumentFields, D> reader;

    private MpRoute(String path, Function<DocumentFields, D> reader) {
        this.path = path;
        this.reader = reader;
    }

    /** @return the path below the API's root, e.g. {@code materials/thermo/} */
    public String path() {
        return path;
    }

    /**
     * Reads a saved response of this route.
     *
     * @param envelopeJson the JSON text of a {@code {data, errors, meta}} envelope
     * @return the typed page
     * @throws MaterialsProjectException if the text is not such an envelope or a document is invalid
     */
    public MpPage<D> parse(String envelopeJson) {
        return page(Objects.requireNonNull(envelopeJson, "envelopeJson"), "<string>");
    }

    /** The name of the query parameter that takes a comma-separated id list. */
    String idsParameter() {
        return "material_ids";
    }

    /** The field of a document that {@link #count} asks for alone (the route's key). */
    String idField() {
        return ID_FIELD;
    }

    /** @throws MaterialsProjectException if the body is not an envelope of this route's documents */
    MpPage<D> page(String body, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MaterialsProjectException(200, "malformed JSON from " + source + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("data").isArray()) {
            throw new MaterialsProjectException(200, "response from " + source + " has no data array");
        }
        List<D> docs = new ArrayList<>();
        for (JsonNode doc : root.get("data")) {
            docs.add(reader.apply(DocumentFields.of(doc, source)));
        }
        List<String> errors = new ArrayList<>();
        root.path("errors").forEach(e -> errors.add(e.toString()));
        return new MpPage<>(docs, errors, meta(root.path("meta")));
    }

    private static ResponseMeta meta(JsonNode meta) {
        if (!meta.isObject()) {
            return ResponseMeta.empty();
        }
        ObjectNode rest = ((ObjectNode) meta).deepCopy();
        JsonNode total = rest.remove("total_doc");
        JsonNode maxLimit = rest.remove("max_limit");
        JsonNode version = rest.remove("api_version");
        JsonNode time = rest.remove("time_stamp");
        return new ResponseMeta(total != null && total.canConvertToLong() ? OptionalLong.of(total.asLong()) : OptionalLong.empty(),
                maxLimit != null && maxLimit.canConvertToInt() ? OptionalInt.of(maxLimit.asInt()) : OptionalInt.empty(),
                version != null && version.isTextual() ? Optional.of(version.asText()) : Optional.empty(),
                time != null && time.isTextual() ? Optional.of(time.asText()) : Optional.empty(), rest);
    }

    @Override
    public String toString() {
        return "MpRoute[" + path + "]";
    }
}
