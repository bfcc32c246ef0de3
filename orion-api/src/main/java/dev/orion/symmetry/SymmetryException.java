package dev.orion.symmetry;

import dev.orion.OrionException;

/**
 * Thrown when a symmetry search cannot give an answer: a degenerate or flat cell, overlapping
 * atoms, or a tolerance at which the atoms are consistent with no space group even after the
 * tolerance has been reduced step by step.
 */
public class SymmetryException extends OrionException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception that says what failed and why.
     *
     * @param message the description
     */
    public SymmetryException(String message) {
        super(message);
    }
}
