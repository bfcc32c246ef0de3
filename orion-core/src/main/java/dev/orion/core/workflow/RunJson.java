package dev.orion.core.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.engine.CalculationResult;
import dev.orion.structure.Structure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON a run's inputs and outputs are stored as: plain values as they are, a structure as its formula, number of
 * sites, volume and lattice parameters, a calculation result as its engine, energy and number of atoms. A summary to
 * read; the outputs of steps are stored by {@link StepOutputs}, which adds to it what a resumed run needs to restore them.
 */
final class RunJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunJson() {
    }

    /** @param values values by name  @return them as a JSON object */
    static String object(Map<String, ?> values) {
        Map<String, Object> plain = new LinkedHashMap<>();
        values.forEach((k, v) -> plain.put(k, plain(v)));
        try {
            return JSON.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a workflow value could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Object plain(Object v) {
        if (v instanceof Structure s) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("formula", s.composition().reducedFormula());
            m.put("sites", s.size());
            m.put("volume", s.volume());
            m.put("abc", List.of(s.lattice().a(), s.lattice().b(), s.lattice().c()));
            return m;
        }
        if (v instanceof CalculationResult c) {
            return Map.of("engine", c.engine(), "energy", c.energy(), "atoms", c.atoms());
        }
        if (v instanceof List<?> l) {
            return l.stream().map(RunJson::plain).toList();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
            return out;
        }
        if (v instanceof Double d && !Double.isFinite(d)) {
            return d.toString();
        }
        return v;
    }
}
