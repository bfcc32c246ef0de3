package dev.orion.core.campaign.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orion.campaign.Candidate;
import dev.orion.campaign.CandidatePool;
import dev.orion.campaign.DesignSpace;
import dev.orion.campaign.Measurement;
import dev.orion.campaign.ModelState;
import dev.orion.campaign.Objective;
import dev.orion.campaign.Observation;
import dev.orion.campaign.Proposal;
import dev.orion.core.campaign.internal.CandidateJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The JSON the runner stores: the campaign's settings, each iteration's proposals (candidate, acquisition
 * value, model state), and each observation with the proposal it answers. Candidates of a pool are stored
 * by id and looked up in the pool on resume; points of a parameter space by their values.
 */
final class CampaignJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The proposal index of an observation made outside the loop (it answers no proposal). */
    static final int EXTERNAL = -1;

    private CampaignJson() {
    }

    /** The settings a resume must repeat. */
    static String spec(CampaignSettings s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("strategy", s.strategy().name());
        n.put("evaluator", s.evaluator().name());
        n.put("batchSize", s.batchSize());
        n.put("seed", s.seed());
        n.put("space", s.space() instanceof CandidatePool p ? "pool of " + p.candidates().size() : "parameters");
        ArrayNode objectives = n.putArray("objectives");
        for (Objective o : s.goal().objectives()) {
            objectives.addObject().put("outcome", o.outcome()).put("direction", o.direction().name());
        }
        return write(n);
    }

    /**
     * @param proposals     an iteration's proposals
     * @param modelVersions the model registry's version of each proposal's model (by model state)
     */
    static String proposals(List<Proposal> proposals, Map<ModelState, Integer> modelVersions) {
        ObjectNode n = MAPPER.createObjectNode();
        ArrayNode list = n.putArray("proposals");
        for (Proposal p : proposals) {
            ObjectNode item = list.addObject();
            item.set("candidate", candidate(p.candidate()));
            item.put("strategy", p.strategy());
            p.acquisitionValue().ifPresent(v -> item.put("acquisition", v));
            p.model().ifPresent(m -> {
                item.set("model", model(m));
                Integer version = modelVersions.get(m);
                if (version != null) {
                    item.put("modelVersion", version);
                }
            });
        }
        return write(n);
    }

    /** @return the registry version of each proposal's model in an iteration's JSON, empty where it had none */
    static List<OptionalInt> modelVersions(String json) {
        List<OptionalInt> out = new ArrayList<>();
        for (JsonNode item : read(json).path("proposals")) {
            out.add(item.has("modelVersion") ? OptionalInt.of(item.path("modelVersion").asInt())
                    : OptionalInt.empty());
        }
        return out;
    }

    static List<Proposal> readProposals(String json, DesignSpace space) {
        List<Proposal> out = new ArrayList<>();
        for (JsonNode item : read(json).path("proposals")) {
            out.add(new Proposal(readCandidate(item.path("candidate"), space), item.path("strategy").asText(),
                    item.has("acquisition") ? OptionalDouble.of(item.path("acquisition").asDouble()) : OptionalDouble.empty(),
                    item.has("model") ? Optional.of(readModel(item.path("model"))) : Optional.empty()));
        }
        return out;
    }

    static String observation(int proposal, Observation o) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("proposal", proposal);
        n.set("candidate", candidate(o.candidate()));
        ObjectNode outcomes = n.putObject("outcomes");
        o.outcomes().forEach((name, m) -> {
            ObjectNode mn = outcomes.putObject(name).put("value", m.value()).put("unit", m.unit());
            m.standardDeviation().ifPresent(sd -> mn.put("sd", sd));
        });
        o.failure().ifPresent(f -> n.put("failure", f));
        return write(n);
    }

    /** @return the proposal index the stored observation answers */
    static int proposalIndex(String json) {
        return read(json).path("proposal").asInt();
    }

    static Observation readObservation(String json, DesignSpace space) {
        JsonNode n = read(json);
        Map<String, Measurement> outcomes = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("outcomes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode m = e.getValue();
            outcomes.put(e.getKey(), new Measurement(m.path("value").asDouble(), m.path("unit").asText(),
                    m.has("sd") ? OptionalDouble.of(m.path("sd").asDouble()) : OptionalDouble.empty()));
        }
        return new Observation(readCandidate(n.path("candidate"), space), outcomes,
                n.has("failure") ? Optional.of(n.path("failure").asText()) : Optional.empty());
    }

    private static ObjectNode candidate(Candidate c) {
        return CandidateJson.write(c);
    }

    private static Candidate readCandidate(JsonNode n, DesignSpace space) {
        if (space instanceof CandidatePool pool) {
            String id = n.path("id").asText();
            return pool.find(id).orElseThrow(() -> new IllegalArgumentException(
                    "stored candidate " + id + " is not in the pool given to resume the campaign"));
        }
        return CandidateJson.read(n);
    }

    private static ObjectNode model(ModelState m) {
        ObjectNode n = MAPPER.createObjectNode().put("kind", m.kind()).put("dataHash", m.dataHash())
                .put("trainingSize", m.trainingSize());
        ObjectNode h = n.putObject("hyperparameters");
        m.hyperparameters().forEach(h::put);
        m.logMarginalLikelihood().ifPresent(v -> n.put("logMarginalLikelihood", v));
        m.crossValidatedRmse().ifPresent(v -> n.put("crossValidatedRmse", v));
        return n;
    }

    private static ModelState readModel(JsonNode n) {
        Map<String, Double> h = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("hyperparameters").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            h.put(e.getKey(), e.getValue().asDouble());
        }
        return new ModelState(n.path("kind").asText(), h, n.path("dataHash").asText(), n.path("trainingSize").asInt(),
                optional(n, "logMarginalLikelihood"), optional(n, "crossValidatedRmse"));
    }

    private static OptionalDouble optional(JsonNode n, String field) {
        return n.has(field) ? OptionalDouble.of(n.path(field).asDouble()) : OptionalDouble.empty();
    }

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored campaign JSON is malformed: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write campaign JSON", e);
        }
    }
}
