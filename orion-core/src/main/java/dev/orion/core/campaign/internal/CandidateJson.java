package dev.orion.core.campaign.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orion.campaign.Candidate;
import dev.orion.campaign.ParameterValue;
import dev.orion.structure.Element;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A candidate as stored JSON: its id, its parameter values and (for a pool entry) its descriptors. Shared
 * by the campaign runner's records and the review queue's subjects, so both read and write one format.
 */
public final class CandidateJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CandidateJson() {
    }

    /** @param c a candidate  @return it as a JSON object */
    public static ObjectNode write(Candidate c) {
        ObjectNode n = MAPPER.createObjectNode().put("id", c.id());
        ObjectNode values = n.putObject("values");
        c.values().forEach((name, v) -> {
            if (v instanceof ParameterValue.Real r) {
                values.putObject(name).put("real", r.value());
            } else if (v instanceof ParameterValue.Whole w) {
                values.putObject(name).put("integer", w.value());
            } else if (v instanceof ParameterValue.Category k) {
                values.putObject(name).put("category", k.value());
            } else if (v instanceof ParameterValue.Fractions f) {
                ObjectNode fn = values.putObject(name).putObject("fractions");
                f.fractions().forEach((e, x) -> fn.put(e.symbol(), x));
            }
        });
        if (!c.descriptors().isEmpty()) {
            c.descriptors().forEach(n.putArray("descriptors")::add);
        }
        return n;
    }

    /** @param c a candidate  @return it as JSON text */
    public static String toJson(Candidate c) {
        try {
            return MAPPER.writeValueAsString(write(c));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing candidate " + c.id() + " as JSON failed", e);
        }
    }

    /**
     * @param json JSON text written by {@link #toJson}
     * @return the candidate (structure and composition are not stored; a pool restores them by id)
     * @throws IllegalArgumentException if the text is not such JSON
     */
    public static Candidate fromJson(String json) {
        try {
            return read(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("candidate JSON is malformed: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param n a JSON object written by {@link #write}
     * @return the candidate: a parameter point when it has values (its id checked against them), else a pool entry
     * @throws IllegalStateException if a parameter point's values give another id than the one stored
     */
    public static Candidate read(JsonNode n) {
        String id = n.path("id").asText();
        Map<String, ParameterValue> values = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("values").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            values.put(e.getKey(), readValue(e.getValue()));
        }
        if (values.isEmpty()) {
            List<Double> descriptors = new ArrayList<>();
            n.path("descriptors").forEach(d -> descriptors.add(d.asDouble()));
            return new Candidate(id, Map.of(), descriptors, Optional.empty(), Optional.empty());
        }
        Candidate c = Candidate.of(values);
        if (!c.id().equals(id)) {
            throw new IllegalStateException("stored candidate " + id + " reads back as " + c.id());
        }
        return c;
    }

    private static ParameterValue readValue(JsonNode v) {
        if (v.has("real")) {
            return ParameterValue.real(v.path("real").asDouble());
        }
        if (v.has("integer")) {
            return ParameterValue.integer(v.path("integer").asLong());
        }
        if (v.has("category")) {
            return ParameterValue.category(v.path("category").asText());
        }
        Map<Element, Double> fractions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.path("fractions").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            fractions.put(Element.of(e.getKey()), e.getValue().asDouble());
        }
        return ParameterValue.fractions(fractions);
    }
}
