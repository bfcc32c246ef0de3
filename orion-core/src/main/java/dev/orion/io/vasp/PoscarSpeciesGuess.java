package dev.orion.io.vasp;

import dev.orion.io.ReadWarning;
import dev.orion.io.internal.SourceText;
import dev.orion.io.internal.SourceText.Token;
import dev.orion.structure.Element;
import java.util.List;
import java.util.Optional;

/**
 * The elements of a VASP 4 POSCAR, which has no species line: from the title when it is one
 * element symbol per count group; else from the site comments or trailing symbols when every site
 * of every count group names the same element; else placeholders H, He, Li, ... in group order,
 * as pymatgen does, with a warning (the structure is then only right up to a relabelling).
 */
final class PoscarSpeciesGuess {

    private final SourceText src;
    private final String title;
    private final PoscarCounts counts;
    private final PoscarSites sites;
    private final List<ReadWarning> warnings;

    PoscarSpeciesGuess(SourceText src, String title, PoscarCounts counts, PoscarSites sites,
                       List<ReadWarning> warnings) {
        this.src = src;
        this.title = title;
        this.counts = counts;
        this.sites = sites;
        this.warnings = warnings;
    }

    Element[] elements() {
        Element[] fromTitle = fromTitle();
        if (fromTitle != null) {
            return fromTitle;
        }
        Element[] fromSites = fromSites();
        if (fromSites != null) {
            return fromSites;
        }
        int groups = counts.groups();
        if (groups > Element.values().length) {
            throw src.error(counts.line(), 1, "this VASP 4 file (no species line) has " + groups
                    + " count groups, more than there are elements to use as placeholders; add a species line");
        }
        Element[] placeholders = new Element[groups];
        for (int g = 0; g < groups; g++) {
            placeholders[g] = Element.ofZ(g + 1);
        }
        warnings.add(src.warning(counts.line(), "no species line (VASP 4 layout) and neither the title nor the "
                + "site comments name the elements: the " + groups + " count group(s) were given placeholder "
                + "elements in order (" + placeholderList(groups) + "), as pymatgen does; the species are "
                + "not the real ones"));
        return placeholders;
    }

    private Element[] fromTitle() {
        List<Token> tokens = src.lineCount() >= 1 ? src.tokens(1) : List.of();
        if (tokens.size() != counts.groups()) {
            return null;
        }
        Element[] elements = new Element[tokens.size()];
        for (int g = 0; g < elements.length; g++) {
            Optional<Element> e = strictSymbol(tokens.get(g).text());
            if (e.isEmpty()) {
                return null;
            }
            elements[g] = e.get();
        }
        return elements;
    }

    private Element[] fromSites() {
        Element[] elements = new Element[counts.groups()];
        for (int g = 0; g < counts.groups(); g++) {
            int first = counts.firstSite(g);
            for (int i = first; i < first + counts.count(g); i++) {
                String hint = sites.hint(i);
                Optional<Element> e = hint == null ? Optional.empty() : elementOfLabel(hint);
                if (e.isEmpty() || (elements[g] != null && elements[g] != e.get())) {
                    return null;
                }
                elements[g] = e.get();
            }
            if (elements[g] == null) {
                // An empty group holds no site; any element will do, and H keeps it visible.
                elements[g] = Element.ofZ(1);
            }
        }
        return elements;
    }

    /** A symbol written as symbols are ({@code Fe}, not {@code FE} or {@code fe}). */
    static Optional<Element> strictSymbol(String s) {
        if (s.isEmpty() || s.length() > 2 || !Character.isUpperCase(s.charAt(0))
                || (s.length() == 2 && !Character.isLowerCase(s.charAt(1)))) {
            return Optional.empty();
        }
        return Element.parse(s);
    }

    /**
     * The element a site label starts with: {@code Na1} and {@code Na} give Na, {@code O12} gives O,
     * {@code Fe2+} gives Fe; {@code 11} and {@code X1} give nothing.
     */
    static Optional<Element> elementOfLabel(String label) {
        int letters = 0;
        while (letters < label.length() && letters < 3 && Character.isLetter(label.charAt(letters))) {
            letters++;
        }
        if (letters >= 2) {
            Optional<Element> two = strictSymbol(label.substring(0, 2));
            if (two.isPresent()) {
                return two;
            }
        }
        return letters >= 1 ? strictSymbol(label.substring(0, 1)) : Optional.empty();
    }

    private static String placeholderList(int groups) {
        StringBuilder sb = new StringBuilder();
        for (int g = 0; g < Math.min(groups, 4); g++) {
            sb.append(g == 0 ? "" : ", ").append(Element.ofZ(g + 1).symbol());
        }
        return groups > 4 ? sb.append(", ...").toString() : sb.toString();
    }
}
