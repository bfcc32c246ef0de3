package dev.orion.data.mp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.core.Stores;
import dev.orion.store.OrionStores;
import dev.orion.store.ResponseCacheStore;
import dev.orion.store.StoreException;
import dev.orion.store.contract.MutableClock;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Expired answers leave the tenant's response cache (H2) without anyone calling purgeExpired by hand. */
class ResponseCachePurgeTest {

    /** One database for the class (migrating H2 is the slow part); each test has tenants of its own. */
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private static OrionStores stores;

    private MockWebServer server;
    private ResponseCacheStore acme;
    private ResponseCacheStore other;
    private Instant t0;

    @BeforeAll
    static void open() {
        stores = Stores.h2InMemory("mp-purge-" + UUID.randomUUID(), clock);
    }

    @AfterAll
    static void close() {
        stores.close();
    }

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        String run = UUID.randomUUID().toString().substring(0, 8);
        acme = stores.tenant(TenantId.of("acme-" + run), Principal.user("alice")).responseCache();
        other = stores.tenant(TenantId.of("other-" + run), Principal.user("bob")).responseCache();
        t0 = clock.instant();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MaterialsProjectClient client(ResponseCacheStore store, Duration purgeInterval) {
        return MaterialsProjectClient.builder().baseUrl(server.url("/").toString()).apiKey("k-0123456789")
                .responseStore(store).clock(clock).cacheTtl(Duration.ofMinutes(30)).purgeInterval(purgeInterval).build();
    }

    private static MockResponse ok(String fixture) {
        return new MockResponse.Builder().body(LoopbackMaterialsProject.fixture(fixture)).build();
    }

    /** Waits for a condition, failing after a deadline (the purge runs on its own thread). */
    private static void awaitCondition(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for: " + what).isLessThan(deadline);
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Test
    void purgeRemovesExpiredAnswersKeepsFreshOnesAndTouchesNoOtherTenant() {
        server.enqueue(ok("thermo-mp-149.json"));
        server.enqueue(ok("elasticity-mp-149.json"));
        server.enqueue(ok("thermo-mp-149.json"));
        other.put("materials-project:other-tenant-entry", "{\"data\":[]}", t0.plus(Duration.ofMinutes(1)));
        try (MaterialsProjectClient mp = client(acme, Duration.ZERO)) {
            mp.searchAll(ThermoQuery.ofMaterialIds("mp-149"));          // stored until t0 + 30 min
            clock.advance(Duration.ofMinutes(31));
            mp.searchAll(ElasticityQuery.ofMaterialIds("mp-149"));      // stored until t0 + 61 min
            assertThat(acme.size()).isEqualTo(2);

            assertThat(mp.purgeExpiredResponses()).isEqualTo(1);
            assertThat(mp.purgeExpiredResponses()).as("nothing left to purge").isZero();
        }
        assertThat(acme.size()).isEqualTo(1);
        assertThat(other.size()).as("another tenant's expired entry is not this client's to purge").isEqualTo(1);
        try (MaterialsProjectClient fresh = client(acme, Duration.ZERO)) {
            assertThat(fresh.searchAll(ElasticityQuery.ofMaterialIds("mp-149"))).hasSize(1);
            assertThat(server.getRequestCount()).as("the fresh answer was kept").isEqualTo(2);
            assertThat(fresh.searchAll(ThermoQuery.ofMaterialIds("mp-149"))).hasSize(2);
            assertThat(server.getRequestCount()).as("the expired one is gone: asked again").isEqualTo(3);
        }
    }

    @Test
    void theClientPurgesOnItsOwnOnADaemonThread() {
        server.enqueue(ok("thermo-mp-149.json"));
        for (int i = 0; i < 5; i++) {
            acme.put("materials-project:old-" + i, "{\"data\":[]}", t0.minusSeconds(1));
        }
        other.put("materials-project:old", "{\"data\":[]}", t0.minusSeconds(1));
        try (MaterialsProjectClient mp = client(acme, Duration.ofMillis(20))) {
            mp.searchAll(ThermoQuery.ofMaterialIds("mp-149"));

            awaitCondition("the expired entries to go", () -> acme.size() == 1);
            assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().equals("orion-mp-cache-purge"))
                    .isNotEmpty().allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
        }
        assertThat(other.size()).isEqualTo(1);
        try (MaterialsProjectClient fresh = client(acme, Duration.ZERO)) {
            assertThat(fresh.searchAll(ThermoQuery.ofMaterialIds("mp-149"))).hasSize(2);
            assertThat(server.getRequestCount()).as("the fresh answer survived the purges").isEqualTo(1);
        }
    }

    @Test
    void aPurgeThatFailsIsTriedAgainAtTheNextInterval() {
        AtomicInteger calls = new AtomicInteger();
        ResponseCacheStore flaky = new ResponseCacheStore() {
            @Override
            public void put(String key, String body, Instant expiresAt) {
                acme.put(key, body, expiresAt);
            }

            @Override
            public Optional<String> get(String key) {
                return acme.get(key);
            }

            @Override
            public long purgeExpired() {
                if (calls.incrementAndGet() <= 2) {
                    throw new StoreException("database is restarting");
                }
                return acme.purgeExpired();
            }

            @Override
            public long size() {
                return acme.size();
            }
        };
        acme.put("materials-project:old", "{\"data\":[]}", t0.minusSeconds(1));
        try (MaterialsProjectClient mp = client(flaky, Duration.ofMillis(10))) {
            awaitCondition("a purge after two failures", () -> acme.size() == 0);
            assertThat(calls.get()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void withoutAStoreThereIsNothingToPurge() {
        try (MaterialsProjectClient mp = MaterialsProjectClient.builder().baseUrl(server.url("/").toString())
                .apiKey("k-0123456789").purgeInterval(Duration.ofMillis(1)).build()) {
            assertThat(mp.purgeExpiredResponses()).isZero();
        }
    }
}
