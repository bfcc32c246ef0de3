package dev.orion.core.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orion.core.jobs.JobService;
import dev.orion.engine.CalculationResult;
import dev.orion.io.json.StructureJson;
import dev.orion.structure.Structure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON a step's (or a fan-out item's) outputs are stored as, from which a resumed run restores them instead of
 * running the step again. It is {@link RunJson}'s summary with what the summary leaves out added: a structure's
 * summary carries its whole {@code orion.structure/1} document under {@value #STRUCTURE}, a calculation result's
 * summary the id of the job it came from under {@value #JOB} (the result is read back from the job store); a
 * non-finite number is written as its name ({@code "NaN"}). Every encoding is checked by decoding it: only outputs
 * that come back equal, all of them, are marked {@value #RESTORABLE}, so a restored value is never a wrong one.
 */
final class StepOutputs {

    /** The top-level key marking outputs that decode to exactly what the step gave. */
    static final String RESTORABLE = "$restorable";
    /** The key of a structure's whole document inside its summary. */
    static final String STRUCTURE = "$structure";
    /** The key of a calculation result's job inside its summary. */
    static final String JOB = "$job";

    private static final Logger LOG = LoggerFactory.getLogger(StepOutputs.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private StepOutputs() {
    }

    /**
     * @param outputs the outputs by name
     * @param jobIds  the jobs of the step or item (a result output is looked for among their results)
     * @param jobs    the job service, asked only if there is a result
     * @return the outputs as a JSON object, marked restorable if they decode to equal values
     */
    static String encode(Map<String, Object> outputs, List<String> jobIds, Supplier<JobService> jobs) {
        ObjectNode out = JSON.createObjectNode();
        Map<String, Optional<CalculationResult>> results = new HashMap<>();
        outputs.forEach((name, v) -> out.set(name, node(v, id -> results.computeIfAbsent(id, jobs.get()::result), jobIds)));
        Optional<Map<String, Object>> back = decoded((ObjectNode) tree(out.toString()), jobs);
        if (back.filter(outputs::equals).isPresent()) {
            out.put(RESTORABLE, true);
        } else {
            LOG.debug("outputs {} of a step do not decode to equal values: a resumed run runs the step again", outputs.keySet());
        }
        return out.toString();
    }

    /**
     * @param json what {@link #encode} wrote (or an older summary)
     * @param jobs the job service, asked only if there is a result
     * @return the outputs, or empty if they are not marked restorable or can no longer be read back
     */
    static Optional<Map<String, Object>> decode(String json, Supplier<JobService> jobs) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            LOG.debug("stored outputs are not JSON ({}): the step runs again", e.getOriginalMessage());
            return Optional.empty();
        }
        if (!tree.path(RESTORABLE).asBoolean(false)) {
            LOG.debug("stored outputs are not marked {}: the step runs again", RESTORABLE);
            return Optional.empty();
        }
        ObjectNode copy = ((ObjectNode) tree).deepCopy();
        copy.remove(RESTORABLE);
        return decoded(copy, jobs);
    }

    private static Optional<Map<String, Object>> decoded(ObjectNode tree, Supplier<JobService> jobs) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) value(tree, jobs);
            return Optional.of(values);
        } catch (RuntimeException e) {
            LOG.debug("stored outputs cannot be restored: {}", e.toString());
            return Optional.empty();
        }
    }

    private static JsonNode node(Object v, java.util.function.Function<String, Optional<CalculationResult>> result, List<String> jobIds) {
        if (v instanceof Structure s) {
            ObjectNode n = JSON.valueToTree(RunJson.plain(s));
            n.set(STRUCTURE, tree(StructureJson.toJson(s)));
            return n;
        }
        if (v instanceof CalculationResult c) {
            ObjectNode n = JSON.valueToTree(RunJson.plain(c));
            jobIds.stream().filter(id -> result.apply(id).filter(c::equals).isPresent()).findFirst().ifPresent(id -> n.put(JOB, id));
            return n;
        }
        if (v instanceof List<?> l) {
            ArrayNode a = JSON.createArrayNode();
            l.forEach(x -> a.add(node(x, result, jobIds)));
            return a;
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = JSON.createObjectNode();
            m.forEach((k, x) -> o.set(String.valueOf(k), node(x, result, jobIds)));
            return o;
        }
        return JSON.valueToTree(RunJson.plain(v));
    }

    private static Object value(JsonNode n, Supplier<JobService> jobs) {
        if (n.isObject()) {
            if (n.has(STRUCTURE)) {
                return StructureJson.fromJson(n.get(STRUCTURE).toString(), "stored step output");
            }
            if (n.has(JOB)) {
                String job = n.get(JOB).asText();
                return jobs.get().result(job).orElseThrow(() -> new IllegalStateException("job " + job + " has no result"));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), value(e.getValue(), jobs));
            }
            return Collections.unmodifiableMap(m);
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(value(x, jobs)));
            return Collections.unmodifiableList(l);
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isTextual()) {
            String t = n.asText();
            return switch (t) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> t;
            };
        }
        throw new IllegalStateException("a stored output holds " + n.getNodeType() + ", not a workflow value");
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("written JSON does not parse: " + e.getOriginalMessage(), e);
        }
    }
}
