package dev.orion.jupyter;

import dev.orion.analysis.neighbors.NeighborList;
import dev.orion.structure.Composition;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import dev.orion.symmetry.SymmetryDataset;
import java.util.Arrays;
import java.util.IntSummaryStatistics;
import java.util.Map;
import java.util.stream.Collectors;

/** HTML tables for the crystal-side values: structures, compositions, symmetry datasets and neighbour lists. */
final class StructureHtml {

    /** Sites beyond this many are summarised, so a 100,000-atom cell does not flood the notebook. */
    static final int MAX_SITE_ROWS = 50;

    private StructureHtml() {
    }

    static String structure(Structure s) {
        Lattice l = s.lattice();
        Html.Table summary = new Html.Table("orion-structure", "Structure " + s.composition().reducedFormula())
                .header("property", "value")
                .row("formula", s.formula())
                .row("sites", s.size())
                .row("a, b, c (Å)", Html.number(l.a()) + ", " + Html.number(l.b()) + ", " + Html.number(l.c()))
                .row("α, β, γ (°)", Html.number(l.alpha()) + ", " + Html.number(l.beta()) + ", " + Html.number(l.gamma()))
                .row("volume (Å³)", Html.number(s.volume()))
                .row("density (g/cm³)", Html.number(s.density()));
        s.properties().forEach((k, v) -> summary.row(k, v));
        Html.Table sites = new Html.Table("orion-sites", "Sites").header("#", "label", "species", "x", "y", "z");
        int shown = Math.min(s.size(), MAX_SITE_ROWS);
        for (int i = 0; i < shown; i++) {
            sites.row(i, s.label(i), species(s.speciesAt(i)), Html.number(s.fracX(i)), Html.number(s.fracY(i)),
                    Html.number(s.fracZ(i)));
        }
        if (shown < s.size()) {
            sites.footer((s.size() - shown) + " more sites not shown");
        }
        String image = StructureProjection.pngBase64(s);
        return "<div class=\"orion-structure-view\" style=\"display:flex;gap:1em;align-items:flex-start\"><div>"
                + summary.toHtml() + sites.toHtml() + "</div><img alt=\"projection of "
                + Html.escape(s.composition().reducedFormula()) + "\" src=\"data:image/png;base64," + image + "\"/></div>";
    }

    private static String species(Map<Species, Double> occupancies) {
        if (occupancies.size() == 1 && occupancies.values().iterator().next() == 1.0) {
            return occupancies.keySet().iterator().next().toString();
        }
        return occupancies.entrySet().stream().map(e -> e.getKey() + ":" + Html.number(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    static String composition(Composition c) {
        Html.Table t = new Html.Table("orion-composition", "Composition " + c.reducedFormula())
                .header("element", "amount", "atomic fraction", "weight fraction");
        for (Element e : c.elements()) {
            t.row(e.symbol(), Html.number(c.amount(e)), Html.number(c.fraction(e)), Html.number(c.weightFraction(e)));
        }
        t.footer("weight " + Html.number(c.weight()) + " u, " + Html.number(c.numAtoms()) + " atoms");
        return t.toHtml();
    }

    static String symmetry(SymmetryDataset d) {
        Html.Table summary = new Html.Table("orion-symmetry", "Space group " + d.spaceGroupSymbol())
                .header("property", "value")
                .row("space group", d.spaceGroupSymbol() + " (No. " + d.spaceGroupNumber() + ")")
                .row("crystal system", d.crystalSystem())
                .row("point group", d.pointGroup())
                .row("Hall symbol", d.hallSymbol())
                .row("operations", d.operations().size())
                .row("symprec (Å)", d.symprec());
        Html.Table sites = new Html.Table("orion-wyckoff", "Wyckoff positions")
                .header("site", "Wyckoff", "site symmetry", "equivalent to");
        int shown = Math.min(d.wyckoffLetters().size(), MAX_SITE_ROWS);
        for (int i = 0; i < shown; i++) {
            sites.row(i, d.wyckoffLetters().get(i), d.siteSymmetrySymbols().get(i), d.equivalentAtoms().get(i));
        }
        if (shown < d.wyckoffLetters().size()) {
            sites.footer((d.wyckoffLetters().size() - shown) + " more sites not shown");
        }
        return summary.toHtml() + sites.toHtml();
    }

    static String neighbors(NeighborList n) {
        int[] cn = n.coordinationNumbers();
        IntSummaryStatistics stats = Arrays.stream(cn).summaryStatistics();
        Html.Table summary = new Html.Table("orion-neighbors", "Neighbour list")
                .header("property", "value")
                .row("cutoff (Å)", Html.number(n.cutoff()))
                .row("kind", n.isHalf() ? "half (each pair once)" : "full (each pair from both ends)")
                .row("sites", n.siteCount())
                .row("pairs", n.size())
                .row("shortest distance (Å)", n.shortestDistance().isPresent()
                        ? Html.number(n.shortestDistance().getAsDouble()) : "no pairs")
                .row("coordination min / mean / max", n.siteCount() == 0 ? "-"
                        : stats.getMin() + " / " + Html.number(stats.getAverage()) + " / " + stats.getMax());
        Html.Table sites = new Html.Table("orion-coordination", "Coordination by site").header("site", "neighbours", "nearest (Å)");
        int shown = Math.min(n.siteCount(), MAX_SITE_ROWS);
        for (int i = 0; i < shown; i++) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int k = n.start(i); k < n.end(i); k++) {
                nearest = Math.min(nearest, n.distance(k));
            }
            sites.row(i, cn[i], Double.isInfinite(nearest) ? "-" : Html.number(nearest));
        }
        if (shown < n.siteCount()) {
            sites.footer((n.siteCount() - shown) + " more sites not shown");
        }
        return summary.toHtml() + sites.toHtml();
    }
}
