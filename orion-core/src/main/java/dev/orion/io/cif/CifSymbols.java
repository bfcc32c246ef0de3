package dev.orion.io.cif;

import dev.orion.structure.Element;
import dev.orion.structure.Species;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Tells the species of an atom site from its type symbol or label, leniently, as CIF files in the
 * wild write them: {@code Fe}, {@code FE}, {@code Fe1}, {@code Fe3+}, {@code Na1+}, {@code O2-},
 * {@code Fe+3}, {@code OW1} (water oxygen), {@code Cl1A}, {@code D} (deuterium, read as H).
 *
 * <p>The element is the longest run of one or two leading letters that is an element symbol in
 * any case ({@code CA} is Ca, {@code OW} is O because Ow is no element). What follows counts as a
 * charge only in the forms {@code digits sign} or {@code sign digits}; anything else ({@code 1},
 * {@code 1A}, {@code W1}) is part of a label and ignored.
 */
final class CifSymbols {

    private CifSymbols() {
    }

    /**
     * @param text a type symbol or label
     * @return the species, with the oxidation state the text carries, or empty if the text does
     *         not start with an element symbol
     */
    static Optional<Species> parse(String text) {
        String s = text.strip();
        int letters = 0;
        while (letters < s.length() && letters < 3 && isLetter(s.charAt(letters))) {
            letters++;
        }
        if (letters == 0) {
            return Optional.empty();
        }
        Element element = null;
        int used = 0;
        if (letters >= 2) {
            element = element(s.substring(0, 2));
            used = 2;
        }
        if (element == null) {
            element = element(s.substring(0, 1));
            used = 1;
        }
        if (element == null) {
            return Optional.empty();
        }
        OptionalDouble charge = charge(s.substring(used));
        return Optional.of(charge.isPresent() ? Species.of(element, charge.getAsDouble()) : Species.of(element));
    }

    /** @param symbol one or two ASCII letters, in any case @return the element, or null */
    private static Element element(String symbol) {
        if (symbol.equalsIgnoreCase("D") || symbol.equalsIgnoreCase("T")) {
            return Element.H;
        }
        // Element.parse ignores case.
        return Element.parse(symbol).orElse(null);
    }

    /** @return the charge of {@code 2+}, {@code 3-}, {@code +}, {@code +2}, {@code 1.5+}; else empty */
    static OptionalDouble charge(String rest) {
        int n = rest.length();
        if (n == 0 || n > 8) {
            return OptionalDouble.empty();
        }
        char first = rest.charAt(0);
        char last = rest.charAt(n - 1);
        String magnitude;
        int sign;
        if (last == '+' || last == '-') {
            sign = last == '-' ? -1 : 1;
            magnitude = rest.substring(0, n - 1);
        } else if (first == '+' || first == '-') {
            sign = first == '-' ? -1 : 1;
            magnitude = rest.substring(1);
        } else {
            return OptionalDouble.empty();
        }
        if (magnitude.isEmpty()) {
            return OptionalDouble.of(sign);
        }
        double v = CifNumbers.parse(magnitude, 0, magnitude.length());
        if (!(v >= 0) || magnitude.charAt(0) == '+' || magnitude.charAt(0) == '-' || v > 20) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(sign * v);
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
