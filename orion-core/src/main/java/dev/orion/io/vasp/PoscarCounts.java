package dev.orion.io.vasp;

import dev.orion.io.internal.SourceText;
import dev.orion.io.internal.SourceText.Token;
import dev.orion.structure.Element;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The atom counts line of a POSCAR (one count per group of consecutive atoms of one type) and,
 * for VASP 5 files, the species line above it.
 */
final class PoscarCounts {

    private final int[] counts;
    private final int[] firstSite;
    private final int total;
    private final Element[] elements;
    private final int line;

    private PoscarCounts(int[] counts, Element[] elements, int line) {
        this.counts = counts;
        this.elements = elements;
        this.line = line;
        this.firstSite = new int[counts.length];
        int sum = 0;
        for (int g = 0; g < counts.length; g++) {
            firstSite[g] = sum;
            sum += counts[g];
        }
        this.total = sum;
    }

    /**
     * @param tokens  the counts line, without its comment
     * @param species the species line's tokens, or null for a VASP 4 file
     */
    static PoscarCounts parse(SourceText src, List<Token> tokens, List<Token> species, int line, int maxSites) {
        int n = 0;
        while (n < tokens.size() && Double.isFinite(SourceText.parseDoubleOrNaN(tokens.get(n).text()))) {
            n++;
        }
        if (n == 0) {
            throw tokens.isEmpty()
                    ? src.error(line, 1, "expected the atom counts (integers), found an empty line")
                    : src.error(tokens.get(0), "expected the atom counts (integers), found '"
                            + tokens.get(0).text() + "'");
        }
        if (species != null && n != species.size()) {
            throw n < species.size()
                    ? src.error(species.get(n), "species '" + species.get(n).text() + "' has no atom count: the "
                            + "species line names " + species.size() + " species, the counts line on line "
                            + line + " gives " + n + " count(s)")
                    : src.error(tokens.get(species.size()), "count '" + tokens.get(species.size()).text()
                            + "' has no species: the species line names " + species.size()
                            + " species, the counts line gives " + n + " count(s)");
        }
        int[] counts = new int[n];
        long total = 0;
        for (int g = 0; g < n; g++) {
            Token t = tokens.get(g);
            if (!PoscarParser.isInteger(t.text())) {
                throw src.error(t, "expected an atom count (a non-negative integer), found '" + t.text() + "'");
            }
            counts[g] = src.parseInt(t, "an atom count");
            total += counts[g];
            if (total > maxSites) {
                throw src.error(t, String.format(Locale.ROOT, "the atom counts add up to more than %d sites, "
                        + "the limit set by ReadOptions.maxSites", maxSites));
            }
        }
        if (total == 0) {
            throw src.error(tokens.get(0), "expected at least one atom, the atom counts add up to 0");
        }
        Element[] elements = null;
        if (species != null) {
            elements = new Element[n];
            for (int g = 0; g < n; g++) {
                Token t = species.get(g);
                elements[g] = elementOfPotcarName(t.text()).orElseThrow(() -> src.error(t,
                        "expected an element symbol on the species line, found '" + t.text() + "'"));
            }
        }
        return new PoscarCounts(counts, elements, line);
    }

    /**
     * The element of a species-line entry: a symbol, or a POTCAR name such as {@code Si_pv},
     * {@code Fe_sv_GW} or {@code Li/3b0ee} (VASP 6 appends the POTCAR hash after a slash).
     */
    static Optional<Element> elementOfPotcarName(String name) {
        String s = name;
        int cut = indexOfAny(s, "/_.");
        if (cut >= 0) {
            s = s.substring(0, cut);
        }
        if (s.isEmpty() || s.length() > 3 || !Character.isLetter(s.charAt(0))) {
            return Optional.empty();
        }
        return Element.parse(s);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    int groups() {
        return counts.length;
    }

    int count(int group) {
        return counts[group];
    }

    int firstSite(int group) {
        return firstSite[group];
    }

    int total() {
        return total;
    }

    /** The elements of the species line; only for VASP 5 files. */
    Element[] elements() {
        return elements.clone();
    }

    /** The 1-based line of the counts. */
    int line() {
        return line;
    }

    /** The group (0-based) of a site. */
    int groupOf(int site) {
        for (int g = counts.length - 1; g >= 0; g--) {
            if (site >= firstSite[g]) {
                return g;
            }
        }
        return 0;
    }
}
