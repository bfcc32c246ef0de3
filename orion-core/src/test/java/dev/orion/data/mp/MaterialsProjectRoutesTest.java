package dev.orion.data.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.store.ResponseCacheStore;
import dev.orion.store.contract.MutableClock;
import dev.orion.store.memory.MemoryStores;
import dev.orion.structure.Element;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * The routes besides summary (thermo, elasticity, electronic structure, provenance) through the same client: typed
 * documents with every unmodelled field kept, paging, id chunks, the unknown-field error and both caches.
 */
class MaterialsProjectRoutesTest extends LoopbackMaterialsProject {

    private HttpUrl taken() throws InterruptedException {
        return server.takeRequest(5, TimeUnit.SECONDS).getUrl();
    }

    @Test
    void thermoDocumentsAreTypedPerThermoTypeAndKeepTheirEntries() throws Exception {
        server.enqueue(ok("thermo-mp-149.json"));

        List<MaterialThermo> docs = mp.searchAll(ThermoQuery.builder().materialIds("mp-149")
                .thermoTypes(ThermoType.GGA_GGA_U, ThermoType.GGA_GGA_U_R2SCAN).build());

        assertThat(docs).extracting(MaterialThermo::thermoType)
                .containsExactly(java.util.Optional.of("GGA_GGA+U"), java.util.Optional.of("GGA_GGA+U_R2SCAN"));
        MaterialThermo si = docs.get(0);
        assertThat(si.materialId()).isEqualTo("mp-149");
        assertThat(si.thermoId()).contains("mp-149_GGA_GGA+U");
        assertThat(si.energyPerAtom().getAsDouble()).isCloseTo(-5.4237, within(1e-9));
        assertThat(si.formationEnergyPerAtom()).hasValue(0.0);
        assertThat(si.stable()).contains(true);
        assertThat(si.equilibriumReactionEnergyPerAtom().getAsDouble()).isCloseTo(-0.4112, within(1e-9));
        assertThat(si.decomposesTo()).isEmpty();
        assertThat(si.extras().get("entries").get("GGA").get("parameters").get("run_type").asText()).isEqualTo("GGA");
        assertThat(docs.get(1).extras().get("entries").has("r2SCAN")).isTrue();
        assertThat(si.extras().get("builder_meta").get("database_version").asText()).isEqualTo("2025.04.10");
        assertThat(si.extras().has("decomposes_to")).as("null is not a list of products: kept as sent").isTrue();
        assertThat(si.extras().has("material_id")).isFalse();
        assertThat(si.extras().has("energy_per_atom")).isFalse();

        HttpUrl url = taken();
        assertThat(url.encodedPath()).isEqualTo("/materials/thermo/");
        assertThat(url.queryParameter("material_ids")).isEqualTo("mp-149");
        assertThat(url.queryParameter("thermo_types")).isEqualTo("GGA_GGA+U,GGA_GGA+U_R2SCAN");
        assertThat(url.encodedQuery()).contains("thermo_types=GGA_GGA%2BU");
    }

    @Test
    void thermoPagesAreWalkedAndDecompositionProductsTyped() throws Exception {
        for (int p = 1; p <= 3; p++) {
            server.enqueue(ok("thermo-fe-o-page" + p + ".json"));
        }
        ThermoQuery q = ThermoQuery.builder().chemicalSystem("Fe-O").thermoTypes(ThermoType.GGA_GGA_U)
                .max(ThermoRange.ENERGY_ABOVE_HULL, 0.1).range(ThermoRange.FORMATION_ENERGY_PER_ATOM, -3, 0.5)
                .sortBy("energy_above_hull").pageSize(2).build();

        List<MaterialThermo> docs = mp.search(q).toList();

        assertThat(docs).extracting(MaterialThermo::materialId)
                .containsExactly("mp-19770", "mp-19306", "mp-12957", "mp-715262", "mp-1181437");
        MaterialThermo feo = docs.get(3);
        assertThat(feo.stable()).contains(false);
        assertThat(feo.energyAboveHull().getAsDouble()).isCloseTo(0.0452, within(1e-9));
        assertThat(feo.decomposesTo()).extracting(d -> d.materialId().orElseThrow()).containsExactly("mp-13", "mp-19306");
        assertThat(feo.decomposesTo().get(0).amount().getAsDouble()).isEqualTo(0.25);
        assertThat(feo.extras().has("decomposes_to")).as("read whole, so not repeated in the extras").isFalse();
        assertThat(feo.extras().get("symmetry").get("symbol").asText()).isEqualTo("R-3c");
        assertThat(server.getRequestCount()).isEqualTo(3);
        for (int p = 0; p < 3; p++) {
            HttpUrl url = taken();
            assertThat(url.encodedPath()).isEqualTo("/materials/thermo/");
            assertThat(url.queryParameter("chemsys")).isEqualTo("Fe-O");
            assertThat(url.queryParameter("energy_above_hull_max")).isEqualTo("0.1");
            assertThat(url.queryParameter("formation_energy_per_atom_min")).isEqualTo("-3");
            assertThat(url.queryParameter("formation_energy_per_atom_max")).isEqualTo("0.5");
            assertThat(url.queryParameter("_sort_fields")).isEqualTo("energy_above_hull");
            assertThat(url.queryParameter("_skip")).isEqualTo(Integer.toString(2 * p));
        }
    }

    @Test
    void elasticityDocumentsCarryModuliTheTensorAndEveryUnmodelledBlock() throws Exception {
        server.enqueue(ok("elasticity-mp-149.json"));

        MaterialElasticity si = mp.search(ElasticityQuery.ofMaterialIds("mp-149")).findFirst().orElseThrow();

        assertThat(si.formulaPretty()).contains("Si");
        assertThat(si.order()).hasValue(2);
        assertThat(si.bulkModulus().orElseThrow().vrh()).hasValue(89.0);
        assertThat(si.shearModulus().orElseThrow().voigt().getAsDouble()).isEqualTo(64.2);
        assertThat(si.shearModulus().orElseThrow().reuss().getAsDouble()).isEqualTo(61.8);
        assertThat(si.youngModulus().getAsDouble()).as("read from emmet's alias youngs_modulus").isEqualTo(1.528e11);
        assertThat(si.homogeneousPoisson().getAsDouble()).isCloseTo(0.2137, within(1e-9));
        assertThat(si.universalAnisotropy().getAsDouble()).isCloseTo(0.196, within(1e-9));
        assertThat(si.debyeTemperature().getAsDouble()).isCloseTo(648.3, within(1e-9));
        assertThat(si.state()).contains("successful");
        List<List<Double>> c = si.elasticTensorIeee().orElseThrow();
        assertThat(c).hasSize(6).allSatisfy(row -> assertThat(row).hasSize(6));
        assertThat(c.get(0).get(0)).isEqualTo(153.0);
        assertThat(c.get(0).get(1)).isEqualTo(57.0);
        assertThat(c.get(3).get(3)).isEqualTo(75.0);
        assertThat(si.extras().get("elastic_tensor").has("ieee_format")).isFalse();
        assertThat(si.extras().get("elastic_tensor").get("raw").get(0).get(0).asDouble()).isEqualTo(153.3);
        assertThat(si.extras().get("compliance_tensor").get("ieee_format").size()).isEqualTo(6);
        assertThat(si.extras().get("sound_velocity").get("longitudinal").asDouble()).isEqualTo(8619.3);
        assertThat(si.extras().get("fitting_data").get("num_total_strain_stress_states").asInt()).isEqualTo(24);
        assertThat(si.extras().has("bulk_modulus")).isFalse();
        assertThat(taken().encodedPath()).isEqualTo("/materials/elasticity/");
    }

    /** Answers elasticity requests from 300 made-up documents, honouring material_ids, _limit and _skip. */
    private static final class ElasticityServer extends Dispatcher {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();

        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(10); // simulated server latency, so that parallel chunks overlap
                HttpUrl url = request.getUrl();
                if (!url.encodedPath().equals("/materials/elasticity/")) {
                    return new MockResponse.Builder().code(404).body(fixture("error-404.json")).build();
                }
                List<String> ids = List.of(url.queryParameter("material_ids").split(","));
                int limit = Integer.parseInt(url.queryParameter("_limit"));
                int skip = Integer.parseInt(url.queryParameter("_skip"));
                String docs = ids.stream().skip(skip).limit(limit).map(id -> "{\"material_id\":\"" + id
                        + "\",\"bulk_modulus\":{\"vrh\":" + id.substring(3) + ".5,\"voigt_reuss_gap\":0.1},"
                        + "\"fitting_method\":\"finite_difference\"}").collect(Collectors.joining(","));
                return new MockResponse.Builder().body("{\"data\":[" + docs + "],\"errors\":[],\"meta\":{\"total_doc\":"
                        + ids.size() + ",\"max_limit\":1000}}").build();
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    @Test
    void longIdListsArePagedChunkByChunkOnAnyRoute() throws Exception {
        ElasticityServer elastic = new ElasticityServer();
        server.setDispatcher(elastic);
        List<String> ids = IntStream.range(0, 300).mapToObj(i -> "mp-" + (200000 + i)).toList();
        try (MaterialsProjectClient chunked = client(MaterialsProjectClient.builder().maxIdCharacters(400).maxConcurrentRequests(2))) {
            ElasticityQuery q = ElasticityQuery.builder().materialIds(ids).pageSize(20).build();

            List<MaterialElasticity> docs = chunked.search(q).toList();

            assertThat(docs).extracting(MaterialElasticity::materialId).isEqualTo(ids);
            assertThat(docs.get(7).bulkModulus().orElseThrow().vrh().getAsDouble()).isEqualTo(200007.5);
            assertThat(docs.get(7).extras().get("bulk_modulus").get("voigt_reuss_gap").asDouble())
                    .as("an unknown field inside a modelled block is kept").isEqualTo(0.1);
            assertThat(docs.get(7).extras().get("fitting_method").asText()).isEqualTo("finite_difference");
            int chunkSize = 401 / 10;   // "mp-2000xx" is 9 characters plus a comma
            int chunks = (int) Math.ceil(300.0 / chunkSize);
            int pagesPerChunk = (int) Math.ceil(chunkSize / 20.0);
            int requests = server.getRequestCount();
            assertThat(chunks).isGreaterThan(1);
            assertThat(requests).as("every chunk walks its pages").isGreaterThanOrEqualTo(chunks * pagesPerChunk - 1)
                    .isLessThanOrEqualTo(chunks * pagesPerChunk);
            List<String> seenIdLists = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                HttpUrl url = taken();
                assertThat(url.queryParameter("material_ids").length()).isLessThanOrEqualTo(400);
                assertThat(url.queryParameter("_limit")).isEqualTo("20");
                if (url.queryParameter("_skip").equals("0")) {
                    seenIdLists.add(url.queryParameter("material_ids"));
                }
            }
            assertThat(seenIdLists).hasSize(chunks);

            assertThat(chunked.searchAll(q)).isEqualTo(docs);
            assertThat(elastic.maxInFlight.get()).isBetween(1, 2);
            assertThat(chunked.count(q)).isEqualTo(300);
        }
    }

    @Test
    void electronicStructurePagesTypeGapsAndKeepUnknownOrderings() throws Exception {
        server.enqueue(ok("electronic-structure-ga-page1.json"));
        server.enqueue(ok("electronic-structure-ga-page2.json"));
        ElectronicStructureQuery q = ElectronicStructureQuery.builder().elements(Element.Ga).excludeElements(Element.O)
                .range(ElectronicStructureRange.BAND_GAP, 0.1, 3.5).metal(false).pageSize(2)
                .fields("material_id", "formula_pretty", "band_gap", "cbm", "vbm", "efermi", "is_gap_direct", "is_metal",
                        "magnetic_ordering", "bandstructure", "dos")
                .build();

        List<MaterialElectronicStructure> docs = mp.searchAll(q);

        assertThat(docs).extracting(MaterialElectronicStructure::materialId).containsExactly("mp-2534", "mp-804", "mp-2490");
        MaterialElectronicStructure gan = docs.get(1);
        assertThat(gan.bandGap().getAsDouble()).isCloseTo(1.7316, within(1e-9));
        assertThat(gan.cbm().getAsDouble() - gan.vbm().getAsDouble()).isCloseTo(1.7316, within(1e-9));
        assertThat(gan.efermi().getAsDouble()).isCloseTo(5.6812, within(1e-9));
        assertThat(gan.gapDirect()).contains(true);
        assertThat(gan.metal()).contains(false);
        assertThat(gan.magneticOrdering()).contains(MagneticOrdering.NON_MAGNETIC);
        assertThat(gan.extras().has("magnetic_ordering")).isFalse();
        assertThat(gan.extras().get("bandstructure").get("setyawan_curtarolo").get("direct_gap").asDouble()).isEqualTo(1.7316);
        assertThat(gan.extras().get("dos").get("total").get("1").get("task_id").asText()).isEqualTo("mp-1634470");
        MaterialElectronicStructure gap = docs.get(2);
        assertThat(gap.gapDirect()).contains(false);
        assertThat(gap.magneticOrdering()).isEmpty();
        assertThat(gap.extras().get("magnetic_ordering").asText()).as("an ordering ORION does not model is kept").isEqualTo("Unknown");

        for (int p = 0; p < 2; p++) {
            HttpUrl url = taken();
            assertThat(url.encodedPath()).isEqualTo("/materials/electronic_structure/");
            assertThat(url.queryParameter("elements")).isEqualTo("Ga");
            assertThat(url.queryParameter("exclude_elements")).isEqualTo("O");
            assertThat(url.queryParameter("band_gap_min")).isEqualTo("0.1");
            assertThat(url.queryParameter("band_gap_max")).isEqualTo("3.5");
            assertThat(url.queryParameter("is_metal")).isEqualTo("false");
            assertThat(url.queryParameter("_skip")).isEqualTo(Integer.toString(2 * p));
        }
    }

    @Test
    void provenanceTellsMeasuredFromPredictedAndKeepsWhatItDoesNotModel() throws Exception {
        server.enqueue(ok("provenance-mp-149-mp-13.json"));

        List<MaterialProvenance> docs = mp.searchAll(ProvenanceQuery.builder().materialIds("mp-149", "mp-13").deprecated(false).build());

        MaterialProvenance si = docs.get(0);
        assertThat(si.materialId()).isEqualTo("mp-149");
        assertThat(si.theoretical()).contains(false);
        assertThat(si.deprecated()).contains(false);
        assertThat(si.createdAt()).contains("2011-03-20T08:19:02.000000");
        assertThat(si.databaseIds()).containsOnlyKeys("icsd");
        assertThat(si.databaseIds().get("icsd")).containsExactly("icsd-51688", "icsd-76268", "icsd-652256");
        assertThat(si.references()).singleElement().asString().startsWith("@article{Toebbens2001");
        assertThat(si.tags()).containsExactly("High pressure experimental phase");
        assertThat(si.authorNames()).containsExactly("Materials Project");
        assertThat(si.extras().get("authors").get(0).get("email").asText())
                .as("an author record with more than a name is kept whole").isEqualTo("feedback@materialsproject.org");
        assertThat(si.extras().get("history").get(0).get("description").get("icsd_id").asInt()).isEqualTo(51688);
        MaterialProvenance fe = docs.get(1);
        assertThat(fe.databaseIds()).containsEntry("pauling", List.of("pauling-250012"));
        assertThat(fe.remarks()).containsExactly("bcc alpha iron");
        assertThat(fe.authorNames()).containsExactly("Materials Project");
        assertThat(fe.extras().has("authors")).as("names only: read whole").isFalse();

        HttpUrl url = taken();
        assertThat(url.encodedPath()).isEqualTo("/materials/provenance/");
        assertThat(url.queryParameter("material_ids")).isEqualTo("mp-149,mp-13");
        assertThat(url.queryParameter("deprecated")).isEqualTo("false");
    }

    @Test
    void retriesHonourRetryAfterOnEveryRoute() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").body("{\"detail\":\"Too many requests\"}").build());
        server.enqueue(new MockResponse.Builder().code(504).body("<html>Gateway Time-out</html>").build());
        server.enqueue(ok("electronic-structure-ga-page2.json"));

        assertThat(mp.searchAll(ElectronicStructureQuery.ofMaterialIds("mp-2490"))).extracting(MaterialElectronicStructure::materialId)
                .containsExactly("mp-2490");
        assertThat(server.getRequestCount()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(taken().encodedPath()).isEqualTo("/materials/electronic_structure/");
        }
    }

    @Test
    void anUnknownParameterOnAnotherRouteNamesTheField() throws Exception {
        server.enqueue(new MockResponse.Builder().code(400).body(fixture("error-400-unknown-parameter.json")).build());

        assertThatThrownBy(() -> mp.search(ThermoQuery.builder().min(ThermoRange.NELEMENTS, 2).build()).toList())
                .isInstanceOfSatisfying(MpUnknownFieldException.class,
                        e -> assertThat(e.fields()).containsExactly("nelements_min"))
                .hasMessageContaining("/materials/thermo/");
        assertThat(taken().queryParameter("nelements_min")).isEqualTo("2");
    }

    @Test
    void bothCachesAnswerRepeatedQueriesOfAnyRouteAndRoutesDoNotShareEntries() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        ResponseCacheStore cache = new MemoryStores(clock).tenant(TenantId.of("acme"), Principal.user("alice")).responseCache();
        server.enqueue(ok("thermo-mp-149.json"));
        server.enqueue(ok("elasticity-mp-149.json"));
        ThermoQuery thermo = ThermoQuery.ofMaterialIds("mp-149");
        List<MaterialThermo> first;
        try (MaterialsProjectClient one = client(MaterialsProjectClient.builder().responseStore(cache).clock(clock))) {
            first = one.searchAll(thermo);
            assertThat(one.searchAll(ThermoQuery.ofMaterialIds("mp-149"))).isEqualTo(first);
            assertThat(server.getRequestCount()).as("the memory cache answers the repeat").isEqualTo(1);
            assertThat(one.search(ElasticityQuery.ofMaterialIds("mp-149")).findFirst().orElseThrow().bulkModulus()).isPresent();
            assertThat(server.getRequestCount()).as("same ids on another route is another request").isEqualTo(2);
        }
        assertThat(cache.size()).isEqualTo(2);
        try (MaterialsProjectClient two = client(MaterialsProjectClient.builder().responseStore(cache).clock(clock))) {
            assertThat(two.searchAll(thermo)).isEqualTo(first);
            assertThat(server.getRequestCount()).as("a new client answers from the tenant's store").isEqualTo(2);
        }
    }

    @Test
    void savedResponsesOfEveryRouteParseOffline() {
        assertThat(MpRoute.THERMO.parse(fixture("thermo-mp-149.json")).data()).hasSize(2);
        assertThat(MpRoute.ELASTICITY.parse(fixture("elasticity-mp-149.json")).meta().totalDoc()).hasValue(1);
        assertThat(MpRoute.ELECTRONIC_STRUCTURE.parse(fixture("electronic-structure-ga-page2.json")).data().get(0).materialId())
                .isEqualTo("mp-2490");
        assertThat(MpRoute.SUMMARY.parse(fixture("summary-mp-149.json")).data().get(0).structure()).isPresent();
        assertThat(MpRoute.PROVENANCE.parse(fixture("provenance-mp-149-mp-13.json")).data()).hasSize(2);
        assertThatThrownBy(() -> MpRoute.THERMO.parse("{\"data\":[{\"thermo_type\":\"GGA_GGA+U\"}]}"))
                .isInstanceOf(MaterialsProjectException.class).hasMessageContaining("material_id");
        assertThatThrownBy(() -> MpRoute.ELASTICITY.parse("{\"data\":[3]}"))
                .isInstanceOf(MaterialsProjectException.class).hasMessageContaining("not an object");
    }

    @Test
    void routeQueriesCheckTheirArgumentsAndAreEqualOnlyOnTheSameRoute() {
        assertThatThrownBy(() -> ThermoQuery.builder().range(ThermoRange.ENERGY_ABOVE_HULL, 1, 0)).hasMessageContaining("energy_above_hull");
        assertThatThrownBy(() -> ElasticityQuery.builder().min(ElasticityRange.K_VRH, Double.POSITIVE_INFINITY)).hasMessageContaining("k_vrh");
        assertThatThrownBy(() -> ElectronicStructureQuery.builder().chemicalSystem("Ga-Zz")).hasMessageContaining("Zz");
        assertThatThrownBy(() -> ElasticityQuery.builder().max(ElasticityRange.POISSON, 0.1).min(ElasticityRange.POISSON, 0.3).build())
                .hasMessageContaining("poisson");
        assertThat(ElasticityQuery.builder().range(ElasticityRange.K_VRH, 100, 200).range(ElasticityRange.POISSON, 0.2, 0.3)
                .range(ElasticityRange.ELASTIC_ANISOTROPY, 0, 1).build().parameters())
                .containsEntry("k_vrh_min", "100").containsEntry("k_vrh_max", "200")
                .containsEntry("poisson_min", "0.2").containsEntry("poisson_max", "0.3")
                .containsEntry("elastic_anisotropy_max", "1");
        assertThat(ElectronicStructureQuery.builder().gapDirect(true).magneticOrdering(MagneticOrdering.FERRIMAGNETIC).build()
                .parameters()).containsEntry("is_gap_direct", "true").containsEntry("magnetic_ordering", "FiM");
        assertThat(ThermoQuery.builder().thermoTypes(ThermoType.R2SCAN).stable(true).build().parameters())
                .containsEntry("thermo_types", "r2SCAN").containsEntry("is_stable", "true");
        assertThat(ThermoQuery.ofMaterialIds("mp-149")).isEqualTo(ThermoQuery.builder().materialIds("mp-149").build())
                .isNotEqualTo(ElasticityQuery.ofMaterialIds("mp-149"));
        assertThat(ThermoQuery.ofMaterialIds("mp-149").route().path()).isEqualTo("materials/thermo/");
    }
}
