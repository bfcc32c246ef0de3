package dev.orion.samples.data;

import dev.orion.analysis.features.StructureFingerprint;
import dev.orion.core.similarity.VectorSimilarityIndex;
import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.data.mp.MaterialSummary;
import dev.orion.features.SimilarityIndex;
import dev.orion.features.SimilarityMatch;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds structures like a given one in the tenant's store: the five Materials Project solids of the
 * bundled snapshot (Si, GaAs, NaCl, Cu, Fe) are stored as prototype fingerprints in the embedded store's
 * vector index, then MgO and KBr (rock salts, none of them in the index) are looked up: NaCl comes first,
 * although it shares no element with either. The same index on PostgreSQL with pgvector is searched
 * through an HNSW index (docs/similarity.md). Run:
 * <pre>
 * ./mvnw -q -pl samples -am package -DskipTests
 * ./mvnw -q -pl samples exec:java -Dexec.mainClass=dev.orion.samples.data.SimilaritySearchSample
 * </pre>
 * The first argument is the output folder (default {@code target/similarity-sample}).
 */
public final class SimilaritySearchSample {

    private SimilaritySearchSample() {
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "target/similarity-sample");
        search(out).forEach((query, matches) -> {
            System.out.println(query + ":");
            matches.forEach(m -> System.out.printf(Locale.ROOT, "  %-10s distance %.4f%n", m.id(), m.distance()));
        });
    }

    /**
     * Indexes the snapshot's structures and looks up two rock salts that are not in it.
     *
     * @param out the folder of the embedded store
     * @return the three nearest stored materials for each query formula
     */
    static Map<String, List<SimilarityMatch>> search(Path out) {
        try (Orion orion = Orion.builder().store(Stores.embedded(out.resolve("orion-data"))).build()) {
            OrionTenant demo = orion.tenant(TenantId.of("demo"), Principal.user("similarity-sample"));
            SimilarityIndex prototypes = VectorSimilarityIndex.of(demo.vectors(), StructureFingerprint.prototype());
            for (MaterialSummary m : MaterialsProjectSample.snapshot().summaries()) {
                prototypes.add(m.materialId(), m.structure().orElseThrow());
            }
            Map<String, List<SimilarityMatch>> found = new LinkedHashMap<>();
            found.put("MgO", prototypes.nearest(rockSalt(Element.Mg, Element.O, 4.21), 3));
            found.put("KBr", prototypes.nearest(rockSalt(Element.K, Element.Br, 6.60), 3));
            return found;
        }
    }

    /** A conventional rock-salt cell: {@code a} on an fcc lattice, {@code b} shifted by half a cell edge. */
    static Structure rockSalt(Element a, Element b, double lattice) {
        StructureBuilder s = Structure.builder().lattice(Lattice.cubic(lattice));
        double[][] fcc = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
        for (double[] p : fcc) {
            s.addSite(a, p[0], p[1], p[2]);
            s.addSite(b, p[0] + 0.5, p[1], p[2]);
        }
        return s.build();
    }
}
