package dev.orion.data.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.store.ResponseCacheStore;
import dev.orion.store.contract.MutableClock;
import dev.orion.store.memory.MemoryStores;
import dev.orion.structure.Element;
import dev.orion.symmetry.CrystalSystem;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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

/** The client against a loopback server replaying the recorded envelopes of testdata/materials-project. */
class MaterialsProjectClientTest extends LoopbackMaterialsProject {

    private RecordedRequest taken() throws InterruptedException {
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    @Test
    void aFullDocumentIsTypedAndEveryUnmodelledFieldIsKept() throws Exception {
        server.enqueue(ok("summary-mp-149.json"));

        MaterialSummary si = mp.material("mp-149").orElseThrow();

        assertThat(si.materialId()).isEqualTo("mp-149");
        assertThat(si.formulaPretty()).contains("Si");
        assertThat(si.chemsys()).contains("Si");
        assertThat(si.elements()).containsExactly("Si");
        assertThat(si.nsites()).hasValue(2);
        assertThat(si.bandGap().getAsDouble()).isCloseTo(0.6105, within(1e-9));
        assertThat(si.energyAboveHull()).hasValue(0.0);
        assertThat(si.formationEnergyPerAtom()).hasValue(0.0);
        assertThat(si.density().getAsDouble()).isCloseTo(2.281, within(1e-3));
        assertThat(si.stable()).contains(true);
        assertThat(si.metal()).contains(false);
        assertThat(si.theoretical()).contains(false);
        assertThat(si.symmetry().orElseThrow().crystalSystem()).contains(CrystalSystem.CUBIC);
        assertThat(si.symmetry().orElseThrow().number()).hasValue(227);
        assertThat(si.symmetry().orElseThrow().symbol()).contains("Fd-3m");
        assertThat(si.structure().orElseThrow().size()).isEqualTo(2);
        assertThat(si.structure().orElseThrow().lattice().a()).isCloseTo(3.867, within(1e-3));
        assertThat(si.extras().get("database_IDs").get("icsd").get(0).asText()).isEqualTo("icsd-51688");
        assertThat(si.extras().get("builder_meta").get("emmet_version").asText()).isEqualTo("0.84.2");
        assertThat(si.extras().get("symmetry").get("symprec").asDouble()).isEqualTo(0.1);
        assertThat(si.extras().get("symmetry").has("number")).isFalse();
        assertThat(si.extras().has("material_id")).isFalse();
        assertThat(si.extras().has("structure")).isFalse();
        si.extras().withObject("/builder_meta").put("emmet_version", "changed");
        assertThat(si.extras().get("builder_meta").get("emmet_version").asText()).as("extras are copied").isEqualTo("0.84.2");

        RecordedRequest sent = taken();
        assertThat(sent.getHeaders().get("x-api-key")).isEqualTo(KEY);
        HttpUrl url = sent.getUrl();
        assertThat(url.encodedPath()).isEqualTo("/materials/summary/");
        assertThat(url.queryParameter("material_ids")).isEqualTo("mp-149");
        assertThat(url.toString()).doesNotContain(KEY);
    }

    @Test
    void paginationWalksEveryPageWithLimitAndSkip() throws Exception {
        for (int p = 1; p <= 3; p++) {
            server.enqueue(ok("summary-si-o-page" + p + ".json"));
        }
        SummaryQuery q = SummaryQuery.builder().chemicalSystem("Si-O").pageSize(2)
                .fields("material_id", "formula_pretty", "band_gap", "energy_above_hull").sortBy("energy_above_hull").build();

        List<MaterialSummary> docs = mp.search(q).toList();

        assertThat(docs).extracting(MaterialSummary::materialId)
                .containsExactly("mp-6930", "mp-7000", "mp-546794", "mp-6945", "mp-639");
        assertThat(docs.get(4).bandGap().getAsDouble()).isEqualTo(5.3802);
        assertThat(docs.get(0).structure()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(3);
        for (int p = 0; p < 3; p++) {
            HttpUrl url = taken().getUrl();
            assertThat(url.queryParameter("chemsys")).isEqualTo("Si-O");
            assertThat(url.queryParameter("_fields")).isEqualTo("material_id,formula_pretty,band_gap,energy_above_hull");
            assertThat(url.queryParameter("_sort_fields")).isEqualTo("energy_above_hull");
            assertThat(url.queryParameter("_limit")).isEqualTo("2");
            assertThat(url.queryParameter("_skip")).isEqualTo(Integer.toString(2 * p));
        }
    }

    @Test
    void pagePerPagePaginationAndALimitThatStopsEarly() throws Exception {
        try (MaterialsProjectClient paged = client(MaterialsProjectClient.builder().pagination(Pagination.PAGE_PER_PAGE))) {
            server.enqueue(ok("summary-si-o-page1.json"));
            server.enqueue(ok("summary-si-o-page2.json"));

            List<MaterialSummary> docs = paged.search(SummaryQuery.builder().chemicalSystem("Si-O").pageSize(2).limit(3).build()).toList();

            assertThat(docs).extracting(MaterialSummary::materialId).containsExactly("mp-6930", "mp-7000", "mp-546794");
            assertThat(server.getRequestCount()).as("the third page is never asked for").isEqualTo(2);
            HttpUrl first = taken().getUrl();
            HttpUrl second = taken().getUrl();
            assertThat(first.queryParameter("_page")).isEqualTo("1");
            assertThat(second.queryParameter("_page")).isEqualTo("2");
            assertThat(second.queryParameter("_per_page")).isEqualTo("2");
            assertThat(second.queryParameter("_skip")).isNull();
        }
    }

    /** Answers every request with one document per id it asked for, counting requests in flight. */
    private static final class EchoIds extends Dispatcher {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();

        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20); // simulated server latency, so that parallel requests overlap
                String[] ids = request.getUrl().queryParameter("material_ids").split(",");
                String docs = Arrays.stream(ids).map(id -> "{\"material_id\":\"" + id + "\",\"nsites\":1}")
                        .collect(Collectors.joining(","));
                return new MockResponse.Builder().body("{\"data\":[" + docs + "],\"errors\":[],\"meta\":{\"total_doc\":"
                        + ids.length + ",\"max_limit\":1000}}").build();
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    @Test
    void longIdListsAreSplitIntoShortUrlsAndFetchedAFewAtATime() throws Exception {
        EchoIds echo = new EchoIds();
        server.setDispatcher(echo);
        List<String> ids = IntStream.range(0, 400).mapToObj(i -> "mp-" + (100000 + i)).toList();
        try (MaterialsProjectClient chunked = client(MaterialsProjectClient.builder().maxIdCharacters(500).maxConcurrentRequests(3))) {
            SummaryQuery q = SummaryQuery.builder().materialIds(ids).build();

            assertThat(chunked.search(q).map(MaterialSummary::materialId).toList()).isEqualTo(ids);
            int chunks = server.getRequestCount();
            assertThat(chunks).isEqualTo((int) Math.ceil(400 / Math.floor(501 / 10.0)));
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < chunks; i++) {
                HttpUrl url = taken().getUrl();
                assertThat(url.queryParameter("material_ids").length()).isLessThanOrEqualTo(500);
                assertThat(url.toString().length()).isLessThan(700);
                seen.addAll(List.of(url.queryParameter("material_ids").split(",")));
            }
            assertThat(seen).isEqualTo(ids);

            assertThat(chunked.searchAll(q).stream().map(MaterialSummary::materialId).toList()).isEqualTo(ids);
            assertThat(echo.maxInFlight.get()).isBetween(1, 3);
            assertThat(chunked.count(q)).isEqualTo(400);
        }
    }

    @Test
    void a429WithRetryAfterIsWaitedOutThenRetried() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1")
                .body("{\"detail\":\"Too many requests\"}").build());
        server.enqueue(ok("summary-mp-13.json"));

        long start = System.nanoTime();
        MaterialSummary fe = mp.material("mp-13").orElseThrow();
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(fe.metal()).contains(true);
        assertThat(fe.structure().orElseThrow().site(0).properties()).containsEntry("magmom", 2.312);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(elapsedMs).as("Retry-After: 1 honoured (backoff alone is 1 ms)").isGreaterThanOrEqualTo(950);
    }

    @Test
    void a504ThenA502AreRetried() {
        server.enqueue(status(504, "<html>Gateway Time-out</html>"));
        server.enqueue(status(502, "Bad Gateway"));
        server.enqueue(ok("summary-mp-13.json"));

        assertThat(mp.material("mp-13")).isPresent();
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void rateLimitingThatOutlastsTheRetriesIsATypedError() {
        try (MaterialsProjectClient few = client(MaterialsProjectClient.builder().maxRetries(2))) {
            for (int i = 0; i < 3; i++) {
                server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
            }
            assertThatThrownBy(() -> few.material("mp-13"))
                    .isInstanceOfSatisfying(MpRateLimitedException.class, e -> {
                        assertThat(e.attempts()).isEqualTo(3);
                        assertThat(e.retryAfter()).contains(Duration.ZERO);
                        assertThat(e.status()).isEqualTo(429);
                    });
            assertThat(server.getRequestCount()).isEqualTo(3);
        }
    }

    @Test
    void aRetryAfterLongerThanTheLongestWaitFailsAtOnce() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());

        assertThatThrownBy(() -> mp.material("mp-13")).isInstanceOfSatisfying(MpRateLimitedException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a401IsAnAuthenticationErrorThatNeverShowsTheKey() {
        server.enqueue(status(401, fixture("error-401.json")));

        assertThatThrownBy(() -> mp.material("mp-149"))
                .isInstanceOf(MpAuthenticationException.class)
                .hasMessageContaining("Invalid API key").hasMessageNotContaining(KEY);
        assertThat(server.getRequestCount()).as("not retried").isEqualTo(1);
        assertThat(mp.toString()).doesNotContain(KEY).contains("****");
    }

    @Test
    void anUnknownParameterNamesTheField() {
        server.enqueue(status(400, fixture("error-400-unknown-parameter.json")));

        assertThatThrownBy(() -> mp.search(SummaryQuery.builder().min(SummaryRange.NELEMENTS, 2).build()).toList())
                .isInstanceOfSatisfying(MpUnknownFieldException.class,
                        e -> assertThat(e.fields()).containsExactly("nelements_min"));
    }

    @Test
    void aMissingRouteIsNotFound() {
        server.enqueue(status(404, fixture("error-404.json")));

        assertThatThrownBy(() -> mp.material("mp-149")).isInstanceOfSatisfying(MpNotFoundException.class,
                e -> assertThat(e.path()).isEqualTo("/materials/summary/"));
    }

    @Test
    void nonsenseAnswersAreTypedErrors() {
        server.enqueue(new MockResponse.Builder().body("{\"data\": [").build());
        server.enqueue(new MockResponse.Builder().body("{\"detail\": \"no data\"}").build());
        server.enqueue(new MockResponse.Builder().body("{\"data\": [{\"material_id\": \"mp-1\", \"structure\": {\"sites\": 3}}]}").build());

        assertThatThrownBy(() -> mp.material("mp-1")).isInstanceOf(MaterialsProjectException.class).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> mp.material("mp-2")).isInstanceOf(MaterialsProjectException.class).hasMessageContaining("no data array");
        assertThatThrownBy(() -> mp.material("mp-3")).isInstanceOf(MaterialsProjectException.class).hasMessageContaining("structure of mp-1");
    }

    @Test
    void theCacheAnswersARepeatedQueryWithoutARequest() {
        server.enqueue(ok("summary-mp-149.json"));
        server.enqueue(ok("summary-mp-13.json"));
        SummaryQuery q = SummaryQuery.builder().materialIds("mp-149").fields("material_id", "structure").build();

        MaterialSummary first = mp.search(q).findFirst().orElseThrow();
        MaterialSummary again = mp.search(SummaryQuery.builder().fields("material_id", "structure").materialIds("mp-149").build())
                .findFirst().orElseThrow();

        assertThat(again).isEqualTo(first);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(mp.material("mp-13").orElseThrow().materialId()).isEqualTo("mp-13");
        assertThat(server.getRequestCount()).as("another query is another request").isEqualTo(2);
    }

    @Test
    void anotherClientAnswersARepeatedQueryFromTheTenantsStoreUntilTheTtlEnds() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        MemoryStores stores = new MemoryStores(clock);
        ResponseCacheStore cache = stores.tenant(TenantId.of("acme"), Principal.user("alice")).responseCache();
        server.enqueue(ok("summary-mp-149.json"));
        server.enqueue(ok("summary-mp-149.json"));
        SummaryQuery q = SummaryQuery.builder().materialIds("mp-149").fields("material_id", "structure").build();
        MaterialSummary first;
        try (MaterialsProjectClient one = client(MaterialsProjectClient.builder().responseStore(cache).clock(clock)
                .cacheTtl(Duration.ofMinutes(30)))) {
            first = one.search(q).findFirst().orElseThrow();
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
        String url = taken().getUrl().toString();
        assertThat(url).doesNotContain(KEY);
        assertThat(cache.get(ResponseCache.storeKey(url))).as("kept under the hashed URL").isPresent();
        assertThat(cache.size()).isEqualTo(1);

        try (MaterialsProjectClient two = client(MaterialsProjectClient.builder().responseStore(cache).clock(clock))) {
            assertThat(two.search(q).findFirst().orElseThrow()).isEqualTo(first);
            assertThat(server.getRequestCount()).as("a new client with an empty memory cache asks the store").isEqualTo(1);
        }
        assertThat(stores.tenant(TenantId.of("other"), Principal.user("bob")).responseCache().size())
                .as("another tenant's cache is empty").isZero();

        clock.advance(Duration.ofMinutes(30));
        try (MaterialsProjectClient three = client(MaterialsProjectClient.builder().responseStore(cache).clock(clock))) {
            assertThat(three.search(q).findFirst().orElseThrow().materialId()).isEqualTo("mp-149");
            assertThat(server.getRequestCount()).as("the stored answer expired after the TTL").isEqualTo(2);
        }
    }

    @Test
    void retryAfterAcceptsHttpDates() {
        var clock = java.time.Clock.fixed(java.time.Instant.parse("2026-12-01T10:00:00Z"), java.time.ZoneOffset.UTC);
        MpTransport transport = new MpTransport(new okhttp3.OkHttpClient(), KEY, 1, 0, Duration.ZERO, Duration.ZERO, clock);

        assertThat(transport.retryAfter("Tue, 01 Dec 2026 10:00:30 GMT")).contains(Duration.ofSeconds(30));
        assertThat(transport.retryAfter("Tue, 01 Dec 2026 09:00:00 GMT")).contains(Duration.ZERO);
        assertThat(transport.retryAfter("7")).contains(Duration.ofSeconds(7));
        assertThat(transport.retryAfter("soon")).isEmpty();
    }

    @Test
    void queriesAndTheBuilderRejectBadArgumentsByName() {
        assertThatThrownBy(() -> SummaryQuery.builder().chemicalSystem("Si-Qq")).hasMessageContaining("Qq");
        assertThatThrownBy(() -> SummaryQuery.builder().range(SummaryRange.BAND_GAP, 2, 1)).hasMessageContaining("band_gap");
        assertThatThrownBy(() -> SummaryQuery.builder().min(SummaryRange.DENSITY, Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> SummaryQuery.builder().materialIds("mp-1,mp-2")).hasMessageContaining("materialIds");
        assertThatThrownBy(() -> SummaryQuery.builder().pageSize(1001)).hasMessageContaining("1001");
        assertThatThrownBy(() -> SummaryQuery.builder().spaceGroupNumber(231)).hasMessageContaining("231");
        assertThatThrownBy(() -> MaterialsProjectClient.builder().apiKey(" ")).hasMessageContaining("apiKey");
        assertThatThrownBy(() -> MaterialsProjectClient.builder().build()).hasMessageContaining("apiKey");
        assertThatThrownBy(() -> MaterialsProjectClient.builder().baseUrl("ftp://x")).hasMessageContaining("ftp://x");

        SummaryQuery q = SummaryQuery.builder().elements(Element.Li, Element.O).excludeElements(Element.Co)
                .range(SummaryRange.BAND_GAP, 0.5, 3).max(SummaryRange.ENERGY_ABOVE_HULL, 0.025).stable(true).metal(false)
                .crystalSystem(CrystalSystem.ORTHORHOMBIC).spaceGroupNumber(62).formula("LiFePO4").sortByDescending("band_gap")
                .build();
        assertThat(q.parameters()).containsEntry("elements", "Li,O").containsEntry("exclude_elements", "Co")
                .containsEntry("band_gap_min", "0.5").containsEntry("band_gap_max", "3")
                .containsEntry("energy_above_hull_max", "0.025").containsEntry("is_stable", "true")
                .containsEntry("is_metal", "false").containsEntry("crystal_system", "Orthorhombic")
                .containsEntry("spacegroup_number", "62").containsEntry("formula", "LiFePO4")
                .containsEntry("_sort_fields", "-band_gap");
    }
}
