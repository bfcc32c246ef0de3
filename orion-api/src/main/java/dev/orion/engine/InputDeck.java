package dev.orion.engine;

import java.util.Objects;

/**
 * A program's input file run as written, e.g. a CalculiX/Abaqus {@code .inp} deck. The deck must be
 * self-contained (engines refuse includes of other files), so that its text alone identifies the
 * calculation for caching and provenance.
 *
 * @param text the whole input file
 */
public record InputDeck(String text) implements Calculation {

    /** Validates. */
    public InputDeck {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("input deck text must not be blank");
        }
    }

    /** @param text an input file's text  @return the calculation */
    public static InputDeck of(String text) {
        return new InputDeck(text);
    }

    @Override
    public String kind() {
        return "input-deck";
    }
}
