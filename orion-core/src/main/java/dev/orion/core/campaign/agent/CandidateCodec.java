package dev.orion.core.campaign.agent;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.CandidatePool;
import dev.orion.campaign.CategoricalParameter;
import dev.orion.campaign.ContinuousParameter;
import dev.orion.campaign.DesignSpace;
import dev.orion.campaign.IntegerParameter;
import dev.orion.campaign.Measurement;
import dev.orion.campaign.Observation;
import dev.orion.campaign.Parameter;
import dev.orion.campaign.ParameterSpace;
import dev.orion.campaign.ParameterValue;
import dev.orion.structure.Composition;
import dev.orion.structure.Element;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Turns candidates and observations into the JSON the model reads, and the model's candidates into candidates. */
final class CandidateCodec {

    private final DesignSpace space;

    CandidateCodec(DesignSpace space) {
        this.space = space;
    }

    Map<String, Object> view(Candidate c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.id());
        Map<String, Object> values = new LinkedHashMap<>();
        c.values().forEach((k, v) -> values.put(k, json(v)));
        if (!values.isEmpty()) {
            out.put("values", values);
        }
        return out;
    }

    private static Object json(ParameterValue v) {
        if (v instanceof ParameterValue.Real r) {
            return r.value();
        }
        if (v instanceof ParameterValue.Whole w) {
            return w.value();
        }
        if (v instanceof ParameterValue.Category c) {
            return c.value();
        }
        return Composition.of(((ParameterValue.Fractions) v).fractions()).formula();
    }

    Map<String, Object> view(Observation o) {
        Map<String, Object> out = view(o.candidate());
        if (o.isFailure()) {
            out.put("failure", o.failure().orElseThrow());
        } else {
            Map<String, Object> outcomes = new LinkedHashMap<>();
            for (Map.Entry<String, Measurement> e : o.outcomes().entrySet()) {
                outcomes.put(e.getKey(), e.getValue().value());
            }
            out.put("outcomes", outcomes);
        }
        return out;
    }

    /** @throws IllegalArgumentException naming what is missing, unknown or of the wrong kind */
    Candidate candidate(ToolArgs.CandidateInput in) {
        if (space instanceof CandidatePool pool) {
            return pool.find(in.poolId()).orElseThrow(() -> new IllegalArgumentException("poolId '" + in.poolId()
                    + "' is not in the candidate pool"));
        }
        ParameterSpace ps = (ParameterSpace) space;
        Map<String, ParameterValue> values = new LinkedHashMap<>();
        Set<String> known = new HashSet<>();
        for (Parameter p : ps.parameters()) {
            known.add(p.name());
            values.put(p.name(), value(p, in));
        }
        Set<String> unknown = new HashSet<>(in.numbers().keySet());
        unknown.addAll(in.texts().keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown parameters " + unknown + "; the space has " + known);
        }
        return Candidate.of(values);
    }

    private static ParameterValue value(Parameter p, ToolArgs.CandidateInput in) {
        if (p instanceof ContinuousParameter) {
            return ParameterValue.real(number(p, in));
        }
        if (p instanceof IntegerParameter) {
            double x = number(p, in);
            if (x != Math.rint(x)) {
                throw new IllegalArgumentException("parameter " + p.name() + " is an integer, got " + x);
            }
            return ParameterValue.integer((long) x);
        }
        if (p instanceof CategoricalParameter) {
            return ParameterValue.category(text(p, in));
        }
        Composition parsed = Composition.parse(text(p, in));
        Map<Element, Double> fractions = new LinkedHashMap<>();
        parsed.elements().forEach(e -> fractions.put(e, parsed.amount(e)));
        return ParameterValue.fractions(fractions);
    }

    private static double number(Parameter p, ToolArgs.CandidateInput in) {
        Double x = in.numbers().get(p.name());
        if (x == null) {
            throw new IllegalArgumentException("numbers lacks parameter " + p.name());
        }
        return x;
    }

    private static String text(Parameter p, ToolArgs.CandidateInput in) {
        String x = in.texts().get(p.name());
        if (x == null) {
            throw new IllegalArgumentException("texts lacks parameter " + p.name());
        }
        return x;
    }
}
