package dev.orion.samples.symmetry;

import dev.orion.io.Structures;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.analysis.symmetry.LatticeReduction;
import dev.orion.analysis.symmetry.SpaceGroups;
import dev.orion.analysis.symmetry.Symmetry;
import dev.orion.symmetry.SymmetryDataset;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Symmetry analysis in a few lines: the space group of a structure (read from a file given as the
 * first argument, or rock salt built in code), its Wyckoff positions, its standard conventional and
 * primitive cells, a Niggli-reduced lattice, and a look-up in the space-group table.
 *
 * <pre>
 * ./mvnw -q install -DskipTests &amp;&amp; ./mvnw -q -pl samples exec:java -Dexec.mainClass=dev.orion.samples.symmetry.SymmetryAnalysis
 * </pre>
 */
public final class SymmetryAnalysis {

    private SymmetryAnalysis() {
    }

    /**
     * @param args an optional structure file
     */
    public static void main(String[] args) {
        Structure s = args.length > 0 ? Structures.read(Path.of(args[0])) : rockSalt();
        SymmetryDataset d = Symmetry.of(s, 1e-3);
        System.out.printf(Locale.ROOT, "%s: %s (No. %d), Hall '%s', point group %s, %s, %d operations%n",
                s.composition().reducedFormula(), d.spaceGroupSymbol(), d.spaceGroupNumber(), d.hallSymbol(),
                d.pointGroup(), d.crystalSystem(), d.operations().size());
        for (int i = 0; i < s.size(); i++) {
            int orbit = i;
            if (d.equivalentAtoms().get(i) == orbit) { // one line per orbit
                long multiplicity = d.equivalentAtoms().stream().filter(e -> e == orbit).count();
                System.out.printf(Locale.ROOT, "  site %-3d %-3s Wyckoff %d%s, site symmetry %s%n", i,
                        s.site(i).mainSpecies(), multiplicity, d.wyckoffLetters().get(i), d.siteSymmetrySymbols().get(i));
            }
        }
        System.out.printf(Locale.ROOT, "conventional cell: %d sites, primitive cell: %d sites%n",
                d.conventional().size(), d.primitive().size());
        Lattice niggli = LatticeReduction.niggli(d.primitive().lattice());
        System.out.printf(Locale.ROOT, "Niggli-reduced primitive lattice: a=%.4f b=%.4f c=%.4f alpha=%.2f beta=%.2f gamma=%.2f%n",
                niggli.a(), niggli.b(), niggli.c(), niggli.alpha(), niggli.beta(), niggli.gamma());
        System.out.println("Fm-3m has " + SpaceGroups.operations(SpaceGroups.byHermannMauguin("Fm-3m").orElseThrow()).size()
                + " operations in its conventional cell");
    }

    private static Structure rockSalt() {
        var b = Structure.builder().lattice(Lattice.cubic(5.64));
        double[][] fcc = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
        for (double[] p : fcc) {
            b.addSite(Element.Na, p[0], p[1], p[2]);
            b.addSite(Element.Cl, p[0] + 0.5, p[1], p[2]);
        }
        return b.build();
    }
}
