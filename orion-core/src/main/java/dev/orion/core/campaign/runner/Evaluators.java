package dev.orion.core.campaign.runner;

import dev.orion.campaign.Evaluator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Evaluators that need no engine. A Java function is {@link Evaluator#of}; engine calculations are
 * {@link JobEvaluator}.
 */
public final class Evaluators {

    private Evaluators() {
    }

    /**
     * A lookup table: answers each candidate with its known value, for retrospective studies over a pool
     * whose outcomes are all measured already (how many evaluations would a strategy have needed?). A
     * candidate without a value is a failed observation.
     *
     * @param outcome   the outcome's name
     * @param unit      its unit
     * @param valueById the known value of each candidate id
     * @return the evaluator, named "lookup"
     * @throws IllegalArgumentException naming a candidate whose value is not finite
     */
    public static Evaluator lookup(String outcome, String unit, Map<String, Double> valueById) {
        Objects.requireNonNull(valueById, "valueById");
        valueById.forEach((id, v) -> {
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("value of candidate " + id + " must be finite, got " + v);
            }
        });
        Map<String, Double> known = Map.copyOf(valueById);
        return Evaluator.of("lookup", outcome, unit, c -> {
            Double v = known.get(c.id());
            if (v == null) {
                throw new NoSuchElementException("no known value for candidate " + c.id());
            }
            return v;
        });
    }
}
