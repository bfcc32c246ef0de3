package dev.orion.campaign;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A named, arbitrary (e.g. nonlinear) rule that a candidate must satisfy before it is proposed; the name
 * appears in logs and reports. The test must be pure and cheap: strategies call it on thousands of
 * random candidates.
 *
 * @param name the rule's name
 * @param test true for a feasible candidate
 */
public record FeasibilityPredicate(String name, Predicate<Candidate> test) {

    /** Validates. */
    public FeasibilityPredicate {
        Checks.name("name", name);
        Objects.requireNonNull(test, "test");
    }

    /** @param candidate a candidate  @return whether it is feasible */
    public boolean isSatisfiedBy(Candidate candidate) {
        return test.test(candidate);
    }
}
