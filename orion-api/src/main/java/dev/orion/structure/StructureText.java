package dev.orion.structure;

import java.util.Locale;
import java.util.Map;

/** The notebook-friendly text form of a {@link Structure}, laid out like pymatgen's. */
final class StructureText {

    static final int MAX_SITES = 20;

    private StructureText() {
    }

    static String format(Structure s) {
        Composition comp = s.composition();
        Lattice l = s.lattice();
        StringBuilder sb = new StringBuilder();
        sb.append("Full Formula (").append(comp.formula()).append(")\n");
        sb.append("Reduced Formula: ").append(comp.reducedFormula()).append('\n');
        Object title = s.properties().get("title");
        if (title != null) {
            sb.append("Title: ").append(title).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "abc   : %11.6f %11.6f %11.6f%n", l.a(), l.b(), l.c()));
        sb.append(String.format(Locale.ROOT, "angles: %11.6f %11.6f %11.6f%n", l.alpha(), l.beta(), l.gamma()));
        sb.append(String.format(Locale.ROOT, "volume: %11.6f%n", l.volume()));
        sb.append("Sites (").append(s.size()).append(")\n");
        boolean labels = s.labels != null;
        int shown = Math.min(MAX_SITES, s.size());
        int spWidth = 4;
        for (int i = 0; i < shown; i++) {
            spWidth = Math.max(spWidth, speciesText(s.speciesAt(i)).length());
        }
        String spFmt = "%-" + spWidth + "s";
        sb.append(String.format(Locale.ROOT, "%4s  " + spFmt + "  %9s  %9s  %9s", "#", "SP", "a", "b", "c"));
        sb.append(labels ? "  label\n" : "\n");
        sb.append("----  ").append("-".repeat(spWidth)).append("  ---------  ---------  ---------");
        sb.append(labels ? "  -----\n" : "\n");
        for (int i = 0; i < shown; i++) {
            sb.append(String.format(Locale.ROOT, "%4d  " + spFmt + "  %9.6f  %9.6f  %9.6f", i,
                    speciesText(s.speciesAt(i)), s.fracX(i), s.fracY(i), s.fracZ(i)));
            sb.append(labels ? "  " + s.label(i) + "\n" : "\n");
        }
        if (s.size() > shown) {
            sb.append("... (").append(s.size() - shown).append(" more)\n");
        }
        return sb.toString();
    }

    private static String speciesText(Map<Species, Double> species) {
        if (Site.isOrdered(species)) {
            return species.keySet().iterator().next().toString();
        }
        StringBuilder sb = new StringBuilder();
        species.forEach((sp, occ) -> sb.append(sb.length() == 0 ? "" : ", ").append(sp).append(':')
                .append(String.format(Locale.ROOT, "%.3f", occ)));
        return sb.toString();
    }
}
