package dev.orion.samples.data;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.data.mp.MaterialSummary;
import dev.orion.data.mp.MaterialsProjectClient;
import dev.orion.data.mp.SummaryPage;
import dev.orion.data.mp.SummaryQuery;
import dev.orion.store.NewStructure;
import dev.orion.store.PageRequest;
import dev.orion.store.StructureFilter;
import dev.orion.store.StructureRecord;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Seeds the embedded store with known materials from the Materials Project: five well-studied
 * solids (Si, GaAs, NaCl, Cu, Fe) with their structures, band gaps and formation energies, stored
 * under the tenant {@code demo} with the tag {@code materials-project}, where a campaign or an agent
 * can start from them instead of recomputing them.
 *
 * <p>With {@code MP_API_KEY} set (a key from materialsproject.org/api) the sample asks the API; without
 * it, it reads the bundled snapshot {@code mp-snapshot.json}, the answer of the same query saved as
 * the API returns it. Run:
 * <pre>
 * ./mvnw -q -pl samples -am package -DskipTests
 * ./mvnw -q -pl samples exec:java -Dexec.mainClass=dev.orion.samples.data.MaterialsProjectSample
 * </pre>
 * The first argument is the output folder (default {@code target/mp-sample}).
 */
public final class MaterialsProjectSample {

    private static final String TAG = "materials-project";

    /** The materials of the sample. */
    static final List<String> MATERIAL_IDS = List.of("mp-149", "mp-2534", "mp-22862", "mp-30", "mp-13");

    /** The query the sample sends (and that the snapshot answers). */
    static final SummaryQuery QUERY = SummaryQuery.builder().materialIds(MATERIAL_IDS)
            .fields("material_id", "formula_pretty", "chemsys", "band_gap", "energy_above_hull",
                    "formation_energy_per_atom", "is_metal", "symmetry", "structure")
            .build();

    private MaterialsProjectSample() {
    }

    /**
     * @param args optional output folder
     */
    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "target/mp-sample");
        Optional<String> key = Optional.ofNullable(System.getenv("MP_API_KEY")).filter(k -> !k.isBlank());
        System.out.println(key.isPresent() ? "Asking the Materials Project (MP_API_KEY is set)"
                : "MP_API_KEY is not set: reading the bundled snapshot");
        List<StructureRecord> seeded = seed(key.isPresent() ? fetch(key.get(), out) : snapshot(), out);
        System.out.println("Stored for tenant demo under " + out.resolve("orion-data") + ":");
        for (StructureRecord r : seeded) {
            System.out.printf(Locale.ROOT, "  %-9s %-5s %2d sites  space group %3s  band gap %.2f eV%n", r.name(),
                    r.reducedFormula(), r.nsites(), r.spaceGroup().isPresent() ? r.spaceGroup().getAsInt() : "-",
                    r.properties().getOrDefault("band_gap_eV", Double.NaN));
        }
    }

    /**
     * Asks the API for the sample's materials, keeping the answers in tenant demo's response cache
     * under {@code out}: a second run within the hour reads them from there without a request.
     */
    static List<MaterialSummary> fetch(String apiKey, Path out) {
        try (Orion orion = Orion.builder().store(Stores.embedded(out.resolve("orion-data"))).build();
             MaterialsProjectClient mp = MaterialsProjectClient.builder().apiKey(apiKey)
                     .responseStore(orion.tenant(TenantId.of("demo"), Principal.user("mp-sample")).responseCache()).build()) {
            return mp.searchAll(QUERY);
        }
    }

    /** The bundled answer to {@link #QUERY}. */
    static List<MaterialSummary> snapshot() {
        try (InputStream in = MaterialsProjectSample.class.getResourceAsStream("mp-snapshot.json")) {
            if (in == null) {
                throw new IllegalStateException("mp-snapshot.json is missing from the classpath");
            }
            return SummaryPage.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).data();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores each material that came with a structure, widest band gap first, named by its id and
     * carrying its numbers as properties; a material already stored under that name is kept.
     *
     * @return the stored records, in that order
     */
    static List<StructureRecord> seed(List<MaterialSummary> materials, Path out) {
        List<StructureRecord> stored = new ArrayList<>();
        try (Orion orion = Orion.builder().store(Stores.embedded(out.resolve("orion-data"))).build()) {
            OrionTenant demo = orion.tenant(TenantId.of("demo"), Principal.user("mp-sample"));
            List<MaterialSummary> byGap = materials.stream().filter(m -> m.structure().isPresent())
                    .sorted(Comparator.comparingDouble((MaterialSummary m) -> m.bandGap().orElse(0)).reversed()).toList();
            for (MaterialSummary m : byGap) {
                Optional<StructureRecord> known = demo.structures().query(StructureFilter.all().withTag(TAG)
                        .withNameContaining(m.materialId()), PageRequest.first(10)).items().stream()
                        .filter(r -> r.name().equals(m.materialId())).findFirst();
                if (known.isPresent()) {
                    stored.add(known.get());
                    continue;
                }
                Map<String, Double> props = new LinkedHashMap<>();
                m.bandGap().ifPresent(v -> props.put("band_gap_eV", v));
                m.energyAboveHull().ifPresent(v -> props.put("energy_above_hull_eV_per_atom", v));
                m.formationEnergyPerAtom().ifPresent(v -> props.put("formation_energy_eV_per_atom", v));
                stored.add(demo.structures().save(NewStructure.of(m.materialId(), m.structure().orElseThrow())
                        .withTags(Set.of(TAG)).withMetadata(Map.of("source", "materials-project"))
                        .withProperties(props)));
            }
        }
        return stored;
    }
}
