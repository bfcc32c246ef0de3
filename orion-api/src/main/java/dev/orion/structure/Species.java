package dev.orion.structure;

import java.util.Comparator;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An element with an optional oxidation state, the thing that occupies a crystal site
 * ({@code Fe}, {@code Fe2+}, {@code O2-}, {@code Fe2.5+}). Immutable; ordered by atomic number,
 * then by oxidation state (no oxidation state first).
 *
 * @param element        the element
 * @param oxidationState the formal oxidation state, possibly fractional; empty when unknown
 */
public record Species(Element element, OptionalDouble oxidationState) implements Comparable<Species> {

    private static final Comparator<Species> ORDER = Comparator
            .comparingInt((Species s) -> s.element.z())
            .thenComparing(s -> s.oxidationState.isPresent())
            .thenComparingDouble(s -> s.oxidationState.orElse(0));

    /** Validates the components; a negative zero oxidation state is stored as +0. */
    public Species {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(oxidationState, "oxidationState");
        if (oxidationState.isPresent()) {
            double v = oxidationState.getAsDouble();
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("oxidation state must be finite, got " + v);
            }
            if (v == 0.0) {
                oxidationState = OptionalDouble.of(0.0);
            }
        }
    }

    /** The element without an oxidation state. */
    public static Species of(Element element) {
        return new Species(element, OptionalDouble.empty());
    }

    /** The element with the given (possibly fractional) oxidation state. */
    public static Species of(Element element, double oxidationState) {
        return new Species(element, OptionalDouble.of(oxidationState));
    }

    /**
     * Parses {@code "Fe"}, {@code "Fe2+"}, {@code "O2-"}, {@code "Na+"}, {@code "Fe3.5+"} and the
     * sign-first form {@code "Fe+2"}. The element symbol is case-sensitive.
     *
     * @throws IllegalArgumentException naming the text if it is not a species
     */
    public static Species parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("species must not be blank, got '" + text + "'");
        }
        String s = text.strip();
        int i = 0;
        if (!Character.isUpperCase(s.charAt(0))) {
            throw new IllegalArgumentException("species '" + text + "' must start with an element symbol");
        }
        i++;
        if (i < s.length() && Character.isLowerCase(s.charAt(i))) {
            i++;
        }
        Element element;
        try {
            element = Element.of(s.substring(0, i));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("species '" + text + "' does not start with an element symbol", e);
        }
        String rest = s.substring(i);
        if (rest.isEmpty()) {
            return of(element);
        }
        char first = rest.charAt(0);
        char last = rest.charAt(rest.length() - 1);
        String magnitude;
        char sign;
        if (last == '+' || last == '-') {
            sign = last;
            magnitude = rest.substring(0, rest.length() - 1);
        } else if (first == '+' || first == '-') {
            sign = first;
            magnitude = rest.substring(1);
        } else {
            throw new IllegalArgumentException("species '" + text + "': oxidation state '" + rest
                    + "' needs a sign, as in Fe2+ or O2-");
        }
        double value = 1;
        if (!magnitude.isEmpty()) {
            if (!magnitude.matches("[0-9]+(\\.[0-9]*)?|\\.[0-9]+")) {
                throw new IllegalArgumentException("species '" + text + "': '" + magnitude
                        + "' is not an oxidation state");
            }
            value = Double.parseDouble(magnitude);
        }
        return of(element, sign == '-' ? -value : value);
    }

    /** Shorthand for {@code element().symbol()}. */
    public String symbol() {
        return element.symbol();
    }

    @Override
    public int compareTo(Species other) {
        return ORDER.compare(this, other);
    }

    /** {@code "Fe"}, {@code "Fe2+"}, {@code "O2-"}, {@code "Na+"}, {@code "Fe2.5+"}, {@code "Fe0+"}. */
    @Override
    public String toString() {
        if (oxidationState.isEmpty()) {
            return element.symbol();
        }
        double v = oxidationState.getAsDouble();
        double magnitude = Math.abs(v);
        // pymatgen writes a unit charge without the 1: Na+, Cl-
        return element.symbol() + (magnitude == 1 ? "" : Numbers.format(magnitude)) + (v < 0 ? "-" : "+");
    }
}
