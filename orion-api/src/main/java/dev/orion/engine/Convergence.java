package dev.orion.engine;

import java.util.Objects;

/**
 * How an iterative calculation ended.
 *
 * @param converged  whether the convergence criterion was met
 * @param iterations iterations done (SCF iterations, minimiser steps; 0 when not iterative)
 * @param criterion  what stopped it, in the program's words (e.g. {@code "energy tolerance"})
 */
public record Convergence(boolean converged, int iterations, String criterion) {

    /** Validates. */
    public Convergence {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        Objects.requireNonNull(criterion, "criterion");
    }

    /** @return the convergence of a calculation that does not iterate */
    public static Convergence notIterative() {
        return new Convergence(true, 0, "not iterative");
    }
}
