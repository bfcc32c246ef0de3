package dev.orion.campaign;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A design space of named parameters (continuous, integer, categorical, composition) with linear
 * constraints and feasibility predicates that every proposed candidate satisfies.
 *
 * @param parameters  the parameters, names distinct, at least one
 * @param constraints linear constraints over continuous and integer parameters
 * @param predicates  further rules (nonlinear, or about the structure a candidate builds)
 */
public record ParameterSpace(List<Parameter> parameters, List<LinearConstraint> constraints,
                             List<FeasibilityPredicate> predicates) implements DesignSpace {

    /** Validates and copies. */
    public ParameterSpace {
        parameters = Checks.nonEmpty("parameters", parameters);
        Set<String> names = new HashSet<>();
        for (Parameter p : parameters) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("parameter names must be distinct, got " + p.name() + " twice");
            }
        }
        constraints = List.copyOf(Objects.requireNonNull(constraints, "constraints"));
        for (LinearConstraint c : constraints) {
            for (String name : c.coefficients().keySet()) {
                Parameter p = parameters.stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow(
                        () -> new IllegalArgumentException("linear constraint names unknown parameter " + name));
                if (!(p instanceof ContinuousParameter || p instanceof IntegerParameter)) {
                    throw new IllegalArgumentException("linear constraint on " + name
                            + " must name a continuous or integer parameter, got " + p);
                }
            }
        }
        predicates = List.copyOf(Objects.requireNonNull(predicates, "predicates"));
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean isFeasible(Candidate candidate) {
        return violations(candidate).isEmpty();
    }

    @Override
    public List<String> violations(Candidate candidate) {
        List<String> out = new ArrayList<>();
        Map<String, ParameterValue> values = candidate.values();
        for (Parameter p : parameters) {
            ParameterValue v = values.get(p.name());
            if (v == null || !accepts(p, v)) {
                out.add(p.name() + " out of range: " + v);
            }
        }
        if (!out.isEmpty() || values.size() != parameters.size()) {
            if (values.size() != parameters.size()) {
                out.add("candidate has parameters " + values.keySet());
            }
            return List.copyOf(out);
        }
        for (int i = 0; i < constraints.size(); i++) {
            if (!constraints.get(i).isSatisfiedBy(candidate)) {
                out.add("linear constraint " + i + " " + constraints.get(i));
            }
        }
        for (FeasibilityPredicate p : predicates) {
            if (!p.isSatisfiedBy(candidate)) {
                out.add(p.name());
            }
        }
        return List.copyOf(out);
    }

    /** @return whether every parameter is continuous (no integer, categorical or composition) */
    public boolean isContinuous() {
        return parameters.stream().allMatch(p -> p instanceof ContinuousParameter);
    }

    private static boolean accepts(Parameter p, ParameterValue v) {
        if (p instanceof ContinuousParameter c) {
            return v instanceof ParameterValue.Real r && c.contains(r.value());
        }
        if (p instanceof IntegerParameter i) {
            return v instanceof ParameterValue.Whole w && w.value() >= i.lower() && w.value() <= i.upper();
        }
        if (p instanceof CategoricalParameter c) {
            return v instanceof ParameterValue.Category cat && c.indexOf(cat.value()) >= 0;
        }
        CompositionParameter c = (CompositionParameter) p;
        if (!(v instanceof ParameterValue.Fractions f) || !c.elements().containsAll(f.fractions().keySet())) {
            return false;
        }
        return c.elements().stream().allMatch(e -> f.fractions().getOrDefault(e, 0.0) >= c.minFraction() - 1e-9);
    }

    /** Collects parameters, constraints and predicates. */
    public static final class Builder {
        private final List<Parameter> parameters = new ArrayList<>();
        private final List<LinearConstraint> constraints = new ArrayList<>();
        private final List<FeasibilityPredicate> predicates = new ArrayList<>();

        private Builder() {
        }

        /** @param parameter a parameter  @return this builder (for chaining) */
        public Builder add(Parameter parameter) {
            parameters.add(Objects.requireNonNull(parameter, "parameter"));
            return this;
        }

        /** @param constraint a linear constraint  @return this builder (for chaining) */
        public Builder constraint(LinearConstraint constraint) {
            constraints.add(Objects.requireNonNull(constraint, "constraint"));
            return this;
        }

        /** @param name the rule's name  @param test true when feasible  @return this builder (for chaining) */
        public Builder feasibleIf(String name, java.util.function.Predicate<Candidate> test) {
            predicates.add(new FeasibilityPredicate(name, test));
            return this;
        }

        /** @return the space  @throws IllegalArgumentException if the parts are inconsistent */
        public ParameterSpace build() {
            return new ParameterSpace(parameters, constraints, predicates);
        }
    }
}
