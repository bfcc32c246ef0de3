package dev.orion.llm.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.llm.CallContext;
import dev.orion.llm.ChatChunk;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.ChatStreamListener;
import dev.orion.llm.FinishReason;
import dev.orion.llm.Message;
import dev.orion.llm.Usage;
import dev.orion.llm.router.cache.CacheStore;
import dev.orion.llm.router.cache.CachedAnswer;
import dev.orion.llm.router.cache.InMemoryCacheStore;
import dev.orion.store.LlmCacheGenerations;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallRecord;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RouterCacheTest {

    private static final CallContext ACME = CallContext.of(TenantId.of("acme"));
    private static final CallContext GLOBEX = CallContext.of(TenantId.of("globex"));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));
    private final InMemoryCacheStore store = new InMemoryCacheStore();
    private final ScriptedModel model = new ScriptedModel("gpt-4o-mini");
    private LlmRouter router;

    private LlmRouter router(ChatModel backend) {
        router = LlmRouter.builder()
                .model(new ModelRoute("gpt-4o-mini", "openai", "gpt-4o-mini", backend, 128_000))
                .profile(Profile.builder("cached").models(List.of("gpt-4o-mini")).cache(CachePolicy.ttl(Duration.ofMinutes(10))).build(),
                        Profile.builder("other").models(List.of("gpt-4o-mini")).cache(CachePolicy.ttl(Duration.ofMinutes(10))).build())
                .cacheStore(store).clock(clock).build();
        return router;
    }

    @AfterEach
    void close() {
        if (router != null) {
            router.close();
        }
    }

    private static ChatRequest ask(String profile) {
        return ChatRequest.builder().profile(profile).user("Band gap of silicon?").temperature(0).build();
    }

    @Test
    void aHitIsServedAtZeroCostAndRecordedAsAHit() {
        router(model);
        ChatResponse first = router.chat(ask("cached"), ACME);
        ChatResponse second = router.chat(ask("cached"), ACME);
        assertThat(model.calls).hasValue(1);
        assertThat(first.cacheHit()).isFalse();
        assertThat(first.costUsd()).isPositive();
        assertThat(second.cacheHit()).isTrue();
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(second.costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(second.usage()).isEqualTo(Usage.ZERO);
        router.flushCallLog(Duration.ofSeconds(5));
        List<LlmCallRecord> records = router.callLog().query(ACME.tenant(), LlmCallFilter.all(), 0, 10);
        assertThat(records).extracting(r -> r.call().cacheHit()).containsExactly(false, true);
        assertThat(records.get(1).call().cost()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(router.callLog().count(ACME.tenant(), LlmCallFilter.all().withCacheHit(true))).isEqualTo(1);
    }

    @Test
    void noCacheSkipsTheLookupAndNoStoreSkipsTheWrite() {
        router(model);
        router.chat(ask("cached"), ACME.newBuilder().noStore(true).build());
        router.chat(ask("cached"), ACME);
        assertThat(model.calls).hasValue(2);
        router.chat(ask("cached"), ACME.newBuilder().noCache(true).build());
        assertThat(model.calls).hasValue(3);
        assertThat(router.chat(ask("cached"), ACME).cacheHit()).isTrue();
    }

    @Test
    void entriesExpireAfterTheProfileTtl() {
        router(model);
        router.chat(ask("cached"), ACME);
        clock.advance(Duration.ofMinutes(9));
        assertThat(router.chat(ask("cached"), ACME).cacheHit()).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(router.chat(ask("cached"), ACME).cacheHit()).isFalse();
        assertThat(model.calls).hasValue(2);
    }

    @Test
    void tenantsAndProfilesNeverShareEntriesAndInvalidateSeparately() {
        router(model);
        router.chat(ask("cached"), ACME);
        router.chat(ask("other"), ACME);
        router.chat(ask("cached"), GLOBEX);
        assertThat(model.calls).hasValue(3);
        assertThat(store.size()).isEqualTo(3);

        assertThat(router.invalidateCache(ACME.tenant(), "cached")).isEqualTo(1);
        assertThat(router.chat(ask("cached"), ACME).cacheHit()).isFalse();
        assertThat(router.chat(ask("other"), ACME).cacheHit()).isTrue();
        assertThat(router.chat(ask("cached"), GLOBEX).cacheHit()).isTrue();

        assertThat(router.invalidateCache(ACME.tenant())).isEqualTo(2);
        assertThat(router.chat(ask("other"), ACME).cacheHit()).isFalse();
        assertThat(router.chat(ask("cached"), GLOBEX).cacheHit()).isTrue();
    }

    @Test
    void theStoreAnswersAfterMemoryIsLost() {
        router(model);
        router.chat(ask("cached"), ACME);
        router.close();
        LlmRouter second = LlmRouter.builder()
                .model(new ModelRoute("gpt-4o-mini", "openai", "gpt-4o-mini", model, 128_000))
                .profile(Profile.builder("cached").models(List.of("gpt-4o-mini")).cache(CachePolicy.ttl(Duration.ofMinutes(10))).build())
                .cacheStore(store).clock(clock).build();
        try {
            assertThat(second.chat(ask("cached"), ACME).cacheHit()).isTrue();
            assertThat(model.calls).hasValue(1);
        } finally {
            second.close();
            router = null;
        }
    }

    private LlmRouter another(CacheStore cacheStore, Duration checkInterval) {
        return LlmRouter.builder()
                .model(new ModelRoute("gpt-4o-mini", "openai", "gpt-4o-mini", model, 128_000))
                .profile(Profile.builder("cached").models(List.of("gpt-4o-mini")).cache(CachePolicy.ttl(Duration.ofMinutes(10))).build())
                .cacheStore(cacheStore).cacheInvalidationCheckInterval(checkInterval).clock(clock).build();
    }

    @Test
    void anInvalidationReachesARouterSharingTheStoreWithinItsCheckInterval() {
        router(model);
        try (LlmRouter eager = another(store, Duration.ZERO)) {
            router.chat(ask("cached"), ACME);
            assertThat(eager.chat(ask("cached"), ACME).cacheHit()).isTrue();
            assertThat(eager.chat(ask("cached"), ACME).cacheHit()).as("now from eager's memory").isTrue();

            router.invalidateCache(ACME.tenant(), "cached");
            assertThat(eager.chat(ask("cached"), ACME).cacheHit()).as("a zero interval checks every lookup").isFalse();
            assertThat(model.calls).hasValue(2);
            assertThat(router.chat(ask("cached"), ACME).cacheHit()).as("eager's new answer, from the store").isTrue();

            eager.invalidateCache(ACME.tenant());
            assertThat(router.chat(ask("cached"), ACME).cacheHit())
                    .as("within the default second the generations read are trusted").isTrue();
            clock.advance(LlmRouter.DEFAULT_CACHE_INVALIDATION_CHECK_INTERVAL.minusMillis(1));
            assertThat(router.chat(ask("cached"), ACME).cacheHit()).isTrue();
            clock.advance(Duration.ofMillis(1));
            assertThat(router.chat(ask("cached"), ACME).cacheHit()).as("then read again").isFalse();
            assertThat(model.calls).hasValue(3);
        }
    }

    @Test
    void aStoreThatCannotTellItsGenerationsMeansAMissNotAStaleAnswer() {
        AtomicBoolean down = new AtomicBoolean();
        CacheStore flaky = new CacheStore() {
            @Override
            public Optional<CachedAnswer> get(TenantId tenant, String key) {
                return store.get(tenant, key);
            }

            @Override
            public void put(CachedAnswer answer) {
                store.put(answer);
            }

            @Override
            public long invalidateProfile(TenantId tenant, String profile) {
                return store.invalidateProfile(tenant, profile);
            }

            @Override
            public long invalidateTenant(TenantId tenant) {
                return store.invalidateTenant(tenant);
            }

            @Override
            public LlmCacheGenerations generations(TenantId tenant) {
                if (down.get()) {
                    throw new IllegalStateException("database unreachable");
                }
                return store.generations(tenant);
            }
        };
        try (LlmRouter r = another(flaky, Duration.ZERO)) {
            r.chat(ask("cached"), ACME);
            assertThat(r.chat(ask("cached"), ACME).cacheHit()).isTrue();
            down.set(true);
            ChatResponse answered = r.chat(ask("cached"), ACME);
            assertThat(answered.cacheHit()).isFalse();
            assertThat(answered.text()).isNotEmpty();
            assertThat(model.calls).hasValue(2);
            down.set(false);
            assertThat(r.chat(ask("cached"), ACME).cacheHit()).isTrue();
        }
    }

    @Test
    void aNegativeCheckIntervalIsRefused() {
        assertThatThrownBy(() -> LlmRouter.builder().cacheInvalidationCheckInterval(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cacheInvalidationCheckInterval")
                .hasMessageContaining("PT-0.001S");
    }

    @Test
    void aStreamedHitIsDeliveredAsOneChunk() {
        router(model);
        router.chat(ask("cached"), ACME);
        List<ChatChunk> chunks = new ArrayList<>();
        ChatResponse r = router.stream(ask("cached"), ACME, chunks::add);
        assertThat(r.cacheHit()).isTrue();
        assertThat(chunks).extracting(ChatChunk::text).containsExactly("from gpt-4o-mini");
    }

    @Test
    void concurrentIdenticalRequestsMakeOneUpstreamCall() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger upstream = new AtomicInteger();
        ChatModel slow = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request, CallContext context) {
                upstream.incrementAndGet();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ChatResponse.of("r", "m", Message.assistant("1.12 eV"), FinishReason.STOP, Usage.of(10, 5));
            }

            @Override
            public ChatResponse stream(ChatRequest request, CallContext context, ChatStreamListener listener) {
                return chat(request, context);
            }
        };
        router(slow);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ChatResponse>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> router.chat(ask("cached"), ACME)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (upstream.get() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            // give the other callers a chance to queue behind the leader before it answers
            while (pool instanceof java.util.concurrent.ThreadPoolExecutor t && t.getActiveCount() < threads
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            release.countDown();
            int hits = 0;
            for (Future<ChatResponse> f : futures) {
                ChatResponse r = f.get(5, TimeUnit.SECONDS);
                assertThat(r.text()).isEqualTo("1.12 eV");
                hits += r.cacheHit() ? 1 : 0;
            }
            assertThat(upstream).hasValue(1);
            assertThat(hits).isEqualTo(threads - 1);
        } finally {
            pool.shutdownNow();
        }
    }
}
