package dev.orion.campaign;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a campaign wants: one or more objectives and the outcome constraints a result must satisfy to count.
 *
 * @param objectives  the objectives, outcomes distinct, at least one
 * @param constraints bands on outcomes
 */
public record Goal(List<Objective> objectives, List<OutcomeConstraint> constraints) {

    /** Validates and copies. */
    public Goal {
        objectives = Checks.nonEmpty("objectives", objectives);
        Set<String> names = new HashSet<>();
        for (Objective o : objectives) {
            if (!names.add(o.outcome())) {
                throw new IllegalArgumentException("objective outcomes must be distinct, got " + o.outcome() + " twice");
            }
        }
        constraints = List.copyOf(Objects.requireNonNull(constraints, "constraints"));
    }

    /** @param outcome the outcome  @return a goal of minimising it */
    public static Goal minimize(String outcome) {
        return new Goal(List.of(Objective.minimize(outcome)), List.of());
    }

    /** @param outcome the outcome  @return a goal of maximising it */
    public static Goal maximize(String outcome) {
        return new Goal(List.of(Objective.maximize(outcome)), List.of());
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether there is more than one objective */
    public boolean isMultiObjective() {
        return objectives.size() > 1;
    }

    /**
     * @param observation an observation
     * @return whether it succeeded, reports every objective, and satisfies every outcome constraint it
     *         reports (a constraint whose outcome is missing counts as violated)
     */
    public boolean isSatisfiedBy(Observation observation) {
        if (observation.isFailure()) {
            return false;
        }
        for (Objective o : objectives) {
            if (!observation.outcomes().containsKey(o.outcome())) {
                return false;
            }
        }
        for (OutcomeConstraint c : constraints) {
            Measurement m = observation.outcomes().get(c.outcome());
            if (m == null || !c.isSatisfiedBy(m.value())) {
                return false;
            }
        }
        return true;
    }

    /** Collects objectives and constraints. */
    public static final class Builder {
        private final List<Objective> objectives = new ArrayList<>();
        private final List<OutcomeConstraint> constraints = new ArrayList<>();

        private Builder() {
        }

        /** @param outcome outcome  @return this builder (for chaining) */
        public Builder minimize(String outcome) {
            objectives.add(Objective.minimize(outcome));
            return this;
        }

        /** @param outcome outcome  @return this builder (for chaining) */
        public Builder maximize(String outcome) {
            objectives.add(Objective.maximize(outcome));
            return this;
        }

        /** @param constraint a band on an outcome  @return this builder (for chaining) */
        public Builder constraint(OutcomeConstraint constraint) {
            constraints.add(Objects.requireNonNull(constraint, "constraint"));
            return this;
        }

        /** @return the goal  @throws IllegalArgumentException if there is no objective or one is repeated */
        public Goal build() {
            return new Goal(objectives, constraints);
        }
    }
}
