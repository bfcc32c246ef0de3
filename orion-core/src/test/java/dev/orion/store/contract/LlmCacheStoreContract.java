package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.store.LlmCacheEntry;
import dev.orion.store.LlmCacheGenerations;
import dev.orion.store.LlmCacheStore;
import dev.orion.store.TenantStores;
import java.time.Duration;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orion.store.LlmCacheStore}: put/get, expiry, audited invalidation, invalidation generations. */
public abstract class LlmCacheStoreContract extends ContractSupport {

    static String key(int i) {
        byte[] b = new byte[32];
        b[0] = (byte) i;
        b[31] = (byte) (i >> 8);
        return HexFormat.of().formatHex(b);
    }

    private LlmCacheEntry entry(int i, String profile, Optional<Duration> ttl) {
        return new LlmCacheEntry(key(i), "{\"answer\":" + i + "}", profile, clock().instant(), ttl.map(d -> clock().instant().plus(d)));
    }

    @Test
    void putGetOverwriteAndExpire() {
        LlmCacheStore c = newTenant().llmCache();
        c.put(entry(1, "fast", Optional.of(Duration.ofMinutes(10))));
        assertThat(c.get(key(1)).orElseThrow().value()).isEqualTo("{\"answer\":1}");
        c.put(new LlmCacheEntry(key(1), "v2", "fast", clock().instant(), Optional.empty()));
        assertThat(c.get(key(1)).orElseThrow().value()).isEqualTo("v2");
        assertThat(c.get(key(1)).orElseThrow().expiresAt()).isEmpty();
        c.put(entry(2, "fast", Optional.of(Duration.ofMinutes(10))));
        clock().advance(Duration.ofMinutes(10));
        assertThat(c.get(key(2))).as("expired at exactly expiresAt").isEmpty();
        assertThat(c.get(key(1))).isPresent();
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.purgeExpired()).isEqualTo(1);
        assertThat(c.size()).isEqualTo(1);
        assertThat(c.get(key(3))).isEmpty();
        assertThatThrownBy(() -> c.get("not-a-key")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidationByKeyProfileAndAllIsAudited() {
        TenantStores t = newTenant();
        LlmCacheStore c = t.llmCache();
        for (int i = 0; i < 10; i++) {
            c.put(entry(i, i < 4 ? "fast" : "smart", Optional.empty()));
        }
        long before = auditCount(t);
        assertThat(c.invalidate(key(0))).isTrue();
        assertThat(c.invalidate(key(0))).isFalse();
        assertThat(c.invalidateProfile("fast")).isEqualTo(3);
        assertThat(c.get(key(1))).isEmpty();
        assertThat(c.get(key(5))).isPresent();
        assertThat(c.invalidateAll()).isEqualTo(6);
        assertThat(c.size()).isZero();
        assertThat(auditCount(t)).isEqualTo(before + 3);
    }

    @Test
    void everyInvalidationAdvancesTheGenerationsItCovers() {
        LlmCacheStore c = newTenant().llmCache();
        assertThat(c.generations()).isEqualTo(LlmCacheGenerations.NONE);
        c.put(entry(1, "fast", Optional.empty()));
        c.put(entry(2, "smart", Optional.of(Duration.ofMinutes(1))));
        assertThat(c.generations()).as("writes are not invalidations").isEqualTo(LlmCacheGenerations.NONE);

        assertThat(c.invalidateProfile("fast")).isEqualTo(1);
        assertThat(c.generations()).isEqualTo(new LlmCacheGenerations(0, java.util.Map.of("fast", 1L)));
        assertThat(c.invalidateProfile("fast")).isZero();
        assertThat(c.generations().of("fast")).as("an invalidation that finds nothing still counts").isEqualTo(2);
        assertThat(c.generations().of("smart")).isZero();

        assertThat(c.invalidate(key(2))).isTrue();
        assertThat(c.generations().of("smart")).as("one entry advances its profile").isEqualTo(1);
        assertThat(c.invalidate(key(2))).isFalse();
        assertThat(c.generations().of("smart")).as("no entry removed, nothing advanced").isEqualTo(1);

        assertThat(c.invalidateAll()).isZero();
        LlmCacheGenerations all = c.generations();
        assertThat(all.tenant()).isEqualTo(1);
        assertThat(all.of("fast")).isEqualTo(3);
        assertThat(all.of("smart")).isEqualTo(2);
        assertThat(all.of("never-used")).isEqualTo(1);

        c.put(entry(3, "fast", Optional.of(Duration.ofMinutes(1))));
        clock().advance(Duration.ofMinutes(2));
        assertThat(c.purgeExpired()).isEqualTo(1);
        assertThat(c.generations()).as("housekeeping is not an invalidation").isEqualTo(all);
        assertThat(newTenant().llmCache().generations()).as("another tenant's counters are its own")
                .isEqualTo(LlmCacheGenerations.NONE);
    }

    @Test
    void concurrentInvalidationsAreEachCounted() throws Exception {
        TenantStores t = newTenant();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                boolean whole = i % 2 == 0;
                // each thread has its own view, as each instance of a router would
                LlmCacheStore mine = backend().stores().tenant(t.tenant(), dev.orion.tenant.Principal.user("op" + i)).llmCache();
                done.add(pool.submit(() -> {
                    for (int k = 0; k < 5; k++) {
                        if (whole) {
                            mine.invalidateAll();
                        } else {
                            mine.invalidateProfile("fast");
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(t.llmCache().generations()).isEqualTo(new LlmCacheGenerations(20, java.util.Map.of("fast", 20L)));
    }
}
