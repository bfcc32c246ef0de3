package dev.orion.core.check;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One number an agent's text states about an outcome, and what the store says.
 *
 * @param outcome     the outcome it is about, e.g. {@code "mixing_energy"}
 * @param claimed     the number as written
 * @param stored      the stored value it was compared with; empty when nothing stored backs it
 * @param candidateId the candidate the text names beside it, if any
 * @param matches     whether the claim equals the stored value to the precision it was written with
 */
public record NumericClaim(String outcome, String claimed, OptionalDouble stored, Optional<String> candidateId,
                           boolean matches) {

    /** Validates. */
    public NumericClaim {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(claimed, "claimed");
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(candidateId, "candidateId");
    }
}
