package dev.orion.samples.data;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.data.mp.ElasticModuli;
import dev.orion.data.mp.ElasticityQuery;
import dev.orion.data.mp.ElectronicStructureQuery;
import dev.orion.data.mp.MaterialElasticity;
import dev.orion.data.mp.MaterialElectronicStructure;
import dev.orion.data.mp.MaterialSummary;
import dev.orion.data.mp.MaterialThermo;
import dev.orion.data.mp.MaterialsProjectClient;
import dev.orion.data.mp.MpRoute;
import dev.orion.data.mp.SummaryQuery;
import dev.orion.data.mp.ThermoQuery;
import dev.orion.data.mp.ThermoType;
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
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Seeds the embedded store with known materials from the Materials Project: five well-studied
 * solids (Si, GaAs, NaCl, Cu, Fe) with their structures, band gaps and formation energies
 * ({@code materials/summary}) and their bulk and shear moduli ({@code materials/elasticity}), stored
 * under the tenant {@code demo} with the tag {@code materials-project}, where a campaign or an agent
 * can start from them instead of recomputing them. It also prints, per material, whether the gap is
 * direct ({@code materials/electronic_structure}), whether it is on the r2SCAN-mixed convex hull
 * ({@code materials/thermo}) and Pugh's ratio G/K (below about 0.57: ductile).
 *
 * <p>With {@code MP_API_KEY} set (a key from materialsproject.org/api) the sample asks the API, one
 * client for the four routes; without it, it reads the bundled snapshots {@code mp-snapshot*.json}, the
 * answers of the same queries saved as the API returns them. Run:
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

    /** The same materials on {@code materials/thermo}, on the hull that mixes GGA, GGA+U and r2SCAN. */
    static final ThermoQuery THERMO_QUERY = ThermoQuery.builder().materialIds(MATERIAL_IDS)
            .thermoTypes(ThermoType.GGA_GGA_U_R2SCAN)
            .fields("material_id", "thermo_type", "formation_energy_per_atom", "energy_above_hull", "is_stable").build();

    /** The same materials on {@code materials/elasticity}. */
    static final ElasticityQuery ELASTICITY_QUERY = ElasticityQuery.builder().materialIds(MATERIAL_IDS)
            .fields("material_id", "bulk_modulus", "shear_modulus", "homogeneous_poisson").build();

    /** The same materials on {@code materials/electronic_structure}. */
    static final ElectronicStructureQuery ELECTRONIC_QUERY = ElectronicStructureQuery.builder().materialIds(MATERIAL_IDS)
            .fields("material_id", "band_gap", "is_gap_direct", "is_metal", "magnetic_ordering").build();

    /**
     * The answers of the four queries.
     *
     * @param summaries   {@link #QUERY}'s
     * @param thermo      {@link #THERMO_QUERY}'s
     * @param elasticity  {@link #ELASTICITY_QUERY}'s
     * @param electronic  {@link #ELECTRONIC_QUERY}'s
     */
    record Answers(List<MaterialSummary> summaries, List<MaterialThermo> thermo, List<MaterialElasticity> elasticity,
            List<MaterialElectronicStructure> electronic) {
    }

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
        Answers answers = key.isPresent() ? fetch(key.get(), out) : snapshot();
        List<StructureRecord> seeded = seed(answers.summaries(), moduli(answers.elasticity()), out);
        System.out.println("Stored for tenant demo under " + out.resolve("orion-data") + ":");
        for (StructureRecord r : seeded) {
            System.out.printf(Locale.ROOT, "  %-9s %-5s %2d sites  space group %3s  band gap %.2f eV  K %.1f GPa  G %.1f GPa%n",
                    r.name(), r.reducedFormula(), r.nsites(), r.spaceGroup().isPresent() ? r.spaceGroup().getAsInt() : "-",
                    r.properties().getOrDefault("band_gap_eV", Double.NaN),
                    r.properties().getOrDefault(BULK_MODULUS, Double.NaN), r.properties().getOrDefault(SHEAR_MODULUS, Double.NaN));
        }
        describe(answers).forEach(System.out::println);
    }

    /** Property name of the Voigt-Reuss-Hill bulk modulus. */
    static final String BULK_MODULUS = "bulk_modulus_vrh_GPa";
    /** Property name of the Voigt-Reuss-Hill shear modulus. */
    static final String SHEAR_MODULUS = "shear_modulus_vrh_GPa";

    /** The Voigt-Reuss-Hill moduli of each material that has both, as structure properties. */
    static Map<String, Map<String, Double>> moduli(List<MaterialElasticity> elasticity) {
        Map<String, Map<String, Double>> byId = new LinkedHashMap<>();
        for (MaterialElasticity e : elasticity) {
            OptionalDouble k = e.bulkModulus().map(ElasticModuli::vrh).orElse(OptionalDouble.empty());
            OptionalDouble g = e.shearModulus().map(ElasticModuli::vrh).orElse(OptionalDouble.empty());
            if (k.isPresent() && g.isPresent()) {
                byId.put(e.materialId(), Map.of(BULK_MODULUS, k.getAsDouble(), SHEAR_MODULUS, g.getAsDouble()));
            }
        }
        return byId;
    }

    /**
     * One line per material that the electronic-structure, thermo and elasticity answers all cover: the
     * kind of gap, whether it is on the mixed convex hull, and Pugh's ratio G/K.
     */
    static List<String> describe(Answers answers) {
        Map<String, MaterialThermo> thermo = new LinkedHashMap<>();
        answers.thermo().forEach(t -> thermo.put(t.materialId(), t));
        Map<String, Map<String, Double>> moduli = moduli(answers.elasticity());
        List<String> lines = new ArrayList<>();
        for (MaterialElectronicStructure es : answers.electronic()) {
            MaterialThermo t = thermo.get(es.materialId());
            Map<String, Double> m = moduli.get(es.materialId());
            if (t == null || m == null) {
                continue;
            }
            String gap = es.metal().orElse(false) ? "metal"
                    : String.format(Locale.ROOT, "%s gap %.2f eV", es.gapDirect().orElse(false) ? "direct" : "indirect",
                            es.bandGap().orElse(Double.NaN));
            double pugh = m.get(SHEAR_MODULUS) / m.get(BULK_MODULUS);
            lines.add(String.format(Locale.ROOT, "  %-9s %-22s %-9s G/K %.2f (%s)", es.materialId(), gap,
                    t.stable().orElse(false) ? "on hull" : "above hull", pugh, pugh < 0.57 ? "ductile" : "brittle"));
        }
        return lines;
    }

    /**
     * Asks the API for the sample's materials on the four routes, keeping the answers in tenant demo's
     * response cache under {@code out}: a second run within the hour reads them from there without a
     * request, and the client purges expired answers from that cache on its own.
     */
    static Answers fetch(String apiKey, Path out) {
        try (Orion orion = Orion.builder().store(Stores.embedded(out.resolve("orion-data"))).build();
             MaterialsProjectClient mp = MaterialsProjectClient.builder().apiKey(apiKey)
                     .responseStore(orion.tenant(TenantId.of("demo"), Principal.user("mp-sample")).responseCache()).build()) {
            return new Answers(mp.searchAll(QUERY), mp.searchAll(THERMO_QUERY), mp.searchAll(ELASTICITY_QUERY),
                    mp.searchAll(ELECTRONIC_QUERY));
        }
    }

    /** The bundled answers to the four queries. */
    static Answers snapshot() {
        return new Answers(read(MpRoute.SUMMARY, "mp-snapshot.json"), read(MpRoute.THERMO, "mp-snapshot-thermo.json"),
                read(MpRoute.ELASTICITY, "mp-snapshot-elasticity.json"),
                read(MpRoute.ELECTRONIC_STRUCTURE, "mp-snapshot-electronic-structure.json"));
    }

    private static <D> List<D> read(MpRoute<D> route, String resource) {
        try (InputStream in = MaterialsProjectSample.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return route.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).data();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores each material that came with a structure, widest band gap first, named by its id and
     * carrying its numbers (and its {@code moduli}, if any) as properties; a material already stored
     * under that name is kept.
     *
     * @return the stored records, in that order
     */
    static List<StructureRecord> seed(List<MaterialSummary> materials, Map<String, Map<String, Double>> moduli, Path out) {
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
                props.putAll(moduli.getOrDefault(m.materialId(), Map.of()));
                stored.add(demo.structures().save(NewStructure.of(m.materialId(), m.structure().orElseThrow())
                        .withTags(Set.of(TAG)).withMetadata(Map.of("source", "materials-project"))
                        .withProperties(props)));
            }
        }
        return stored;
    }
}
