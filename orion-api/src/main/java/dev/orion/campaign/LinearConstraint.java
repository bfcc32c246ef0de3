package dev.orion.campaign;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A linear constraint {@code sum(coefficient * value) (<=|>=|=) bound} over continuous and integer
 * parameters (in their natural units, not log-transformed), e.g. {@code time + 2 * temperature <= 10}.
 *
 * @param coefficients coefficients by parameter name, at least one
 * @param relation     how the sum compares with the bound
 * @param bound        the right-hand side
 */
public record LinearConstraint(Map<String, Double> coefficients, Relation relation, double bound) {

    /** How the left-hand side compares with the bound; equality holds within 1e-9 relative. */
    public enum Relation {
        /** {@code lhs <= bound} */
        AT_MOST,
        /** {@code lhs >= bound} */
        AT_LEAST,
        /** {@code lhs == bound} (within tolerance) */
        EQUAL
    }

    /** Validates and copies. */
    public LinearConstraint {
        Objects.requireNonNull(coefficients, "coefficients");
        if (coefficients.isEmpty()) {
            throw new IllegalArgumentException("coefficients must not be empty");
        }
        coefficients.forEach((k, v) -> {
            Checks.name("coefficient name", k);
            Checks.finite("coefficient of " + k, Objects.requireNonNull(v, "coefficient of " + k));
        });
        coefficients = java.util.Collections.unmodifiableMap(new TreeMap<>(coefficients));
        Objects.requireNonNull(relation, "relation");
        Checks.finite("bound", bound);
    }

    /** @param coefficients coefficients  @param bound bound  @return {@code sum <= bound} */
    public static LinearConstraint atMost(Map<String, Double> coefficients, double bound) {
        return new LinearConstraint(coefficients, Relation.AT_MOST, bound);
    }

    /** @param coefficients coefficients  @param bound bound  @return {@code sum >= bound} */
    public static LinearConstraint atLeast(Map<String, Double> coefficients, double bound) {
        return new LinearConstraint(coefficients, Relation.AT_LEAST, bound);
    }

    /**
     * @param candidate a candidate of a parameter space that names every coefficient's parameter
     * @return whether the candidate satisfies the constraint
     * @throws IllegalArgumentException if a parameter is missing or not numeric
     */
    public boolean isSatisfiedBy(Candidate candidate) {
        double lhs = 0;
        for (Map.Entry<String, Double> e : coefficients.entrySet()) {
            lhs += e.getValue() * candidate.number(e.getKey());
        }
        double tolerance = 1e-9 * Math.max(1, Math.abs(bound));
        return switch (relation) {
            case AT_MOST -> lhs <= bound + tolerance;
            case AT_LEAST -> lhs >= bound - tolerance;
            case EQUAL -> Math.abs(lhs - bound) <= tolerance;
        };
    }
}
