package dev.orion.samples.features;

import dev.orion.analysis.features.CompositionFeaturizer;
import dev.orion.features.FeatureVector;
import dev.orion.analysis.features.InMemorySimilarityIndex;
import dev.orion.features.SimilarityIndex;
import dev.orion.features.SimilarityMatch;
import dev.orion.analysis.features.StructureFeaturizer;
import dev.orion.neighbors.Neighbor;
import dev.orion.analysis.neighbors.NeighborList;
import dev.orion.analysis.neighbors.Neighbors;
import dev.orion.analysis.neighbors.RadialDistribution;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Neighbours, g(r), feature vectors and a similarity search on structures built in code.
 *
 * <pre>
 * ./mvnw -q -pl samples -am compile exec:java -Dexec.mainClass=dev.orion.samples.features.NeighborsAndFeatures
 * </pre>
 */
public final class NeighborsAndFeatures {

    private NeighborsAndFeatures() {
    }

    public static void main(String[] args) {
        Structure nacl = rockSalt(Element.Na, Element.Cl, 5.64);

        // neighbour lists: a friendly per-site view and flat primitive columns
        NeighborList nl = Neighbors.full(nacl, 4.0);
        System.out.println(nl);
        List<Neighbor> aroundNa = nl.neighbors(0);
        System.out.printf(Locale.ROOT, "site 0 (Na) has %d neighbours within 4 Å; nearest: site %d (%s) at %.3f Å, image %s%n",
                aroundNa.size(), aroundNa.get(0).index(), nacl.speciesAt(aroundNa.get(0).index()).keySet(),
                aroundNa.get(0).distance(), Arrays.toString(aroundNa.get(0).image()));
        double sum = 0;
        for (int k = nl.start(0); k < nl.end(0); k++) {
            sum += nl.distance(k);  // allocation-free access for hot loops
        }
        System.out.printf(Locale.ROOT, "mean neighbour distance of site 0: %.3f Å%n", sum / (nl.end(0) - nl.start(0)));

        // coordination and the shortest distance (a sanity check before any calculation)
        int[] cn = Neighbors.covalentCoordinationNumbers(nacl, 0.3);
        System.out.printf(Locale.ROOT, "covalent coordination of Na: %d, shortest distance %.3f Å%n", cn[0],
                Neighbors.shortestDistance(nacl));

        // g(r), total and partial
        RadialDistribution g = Neighbors.rdf(nacl, 6.0, 0.1);
        RadialDistribution gNaCl = Neighbors.partialRdf(nacl, Element.Na, Element.Cl, 6.0, 0.1);
        for (int k = 0; k < g.binCount(); k++) {
            if (g.g(k) > 0) {
                System.out.printf(Locale.ROOT, "  g(%.2f Å) = %7.3f   g_NaCl = %7.3f%n", g.r(k), g.g(k), gNaCl.g(k));
            }
        }

        // feature vectors for a model: composition statistics + structure descriptors
        FeatureVector features = CompositionFeaturizer.standard().featurize(nacl)
                .concat(StructureFeaturizer.standard().featurize(nacl));
        System.out.printf(Locale.ROOT, "%d features, e.g. electronegativity_mean = %.3f, density = %.3f g/cm3, "
                + "packing_fraction = %.3f, cn_mean = %.1f%n", features.size(), features.value("electronegativity_mean"),
                features.value("density"), features.value("packing_fraction"), features.value("cn_mean"));

        // similarity search: which known structure is the query most like?
        SimilarityIndex index = InMemorySimilarityIndex.create();
        index.add("NaCl (rock salt)", nacl);
        index.add("KCl (rock salt)", rockSalt(Element.K, Element.Cl, 6.29));
        index.add("CsCl (B2)", Structure.builder().lattice(Lattice.cubic(4.12))
                .addSite(Element.Cs, 0, 0, 0).addSite(Element.Cl, 0.5, 0.5, 0.5).build());
        index.add("Mo (bcc)", Structure.builder().lattice(Lattice.cubic(3.147))
                .addSite(Element.Mo, 0, 0, 0).addSite(Element.Mo, 0.5, 0.5, 0.5).build());
        Structure query = rockSalt(Element.Na, Element.Cl, 5.70).supercell(2, 2, 2);
        System.out.println("nearest to a strained 2x2x2 NaCl supercell:");
        for (SimilarityMatch m : index.nearest(query, 3)) {
            System.out.printf(Locale.ROOT, "  %-16s distance %.4f%n", m.id(), m.distance());
        }
    }

    static Structure rockSalt(Element cation, Element anion, double a) {
        StructureBuilder b = Structure.builder().lattice(Lattice.cubic(a));
        double[][] fcc = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        for (double[] p : fcc) {
            b.addSite(cation, p[0], p[1], p[2]);
        }
        for (double[] p : fcc) {
            b.addSite(anion, p[0] + 0.5, p[1], p[2]);
        }
        return b.build();
    }
}
