package dev.orion.campaign;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one evaluation of a candidate gave: measured outcomes, or a failure (a calculation that did not
 * converge, a synthesis that did not work). A failure is kept, not lost: strategies do not propose that
 * candidate again, and a report shows it.
 *
 * @param candidate the candidate evaluated
 * @param outcomes  outcomes by name (empty for a failure; at least one otherwise)
 * @param failure   why the evaluation failed, if it did
 */
public record Observation(Candidate candidate, Map<String, Measurement> outcomes, Optional<String> failure) {

    /** The longest failure reason kept (an engine's error output is cut to this). */
    public static final int MAX_FAILURE_LENGTH = 4000;

    /** Validates and copies. */
    public Observation {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(outcomes, "outcomes");
        outcomes.forEach((k, v) -> {
            Checks.name("outcome name", k);
            Objects.requireNonNull(v, "outcome " + k);
        });
        outcomes = Collections.unmodifiableMap(new TreeMap<>(outcomes));
        Objects.requireNonNull(failure, "failure");
        if (failure.isEmpty() && outcomes.isEmpty()) {
            throw new IllegalArgumentException("observation of " + candidate.id()
                    + " must have outcomes or a failure, got neither");
        }
        failure.ifPresent(f -> Checks.text("failure", f, MAX_FAILURE_LENGTH));
    }

    /** @param candidate candidate  @param outcomes outcomes  @return a successful observation */
    public static Observation of(Candidate candidate, Map<String, Measurement> outcomes) {
        return new Observation(candidate, outcomes, Optional.empty());
    }

    /** @param candidate candidate  @param outcome name  @param value value  @return a one-outcome, unitless observation */
    public static Observation of(Candidate candidate, String outcome, double value) {
        return of(candidate, Map.of(outcome, Measurement.of(value, "")));
    }

    /** @param candidate candidate  @param reason why it failed  @return a failed observation */
    public static Observation failed(Candidate candidate, String reason) {
        return new Observation(candidate, Map.of(), Optional.of(reason));
    }

    /** @return whether the evaluation failed */
    public boolean isFailure() {
        return failure.isPresent();
    }

    /** @param outcome a name  @return the value measured for it, if this observation has it */
    public java.util.OptionalDouble value(String outcome) {
        Measurement m = outcomes.get(outcome);
        return m == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(m.value());
    }
}
