package dev.orion.llm.router.experiment;

import java.util.Objects;

/**
 * One arm of an experiment.
 *
 * @param name    the arm's name, e.g. {@code control}
 * @param profile the profile its requests use
 * @param weight  its share of subjects (relative to the other arms, > 0)
 */
public record Variant(String name, String profile, double weight) {

    /** Validates the arm. */
    public Variant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(profile, "profile");
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("variant weight must be > 0, was " + weight);
        }
    }
}
