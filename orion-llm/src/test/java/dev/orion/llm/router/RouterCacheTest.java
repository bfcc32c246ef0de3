package dev.orion.llm.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.llm.ChatChunk;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.ChatStreamListener;
import dev.orion.llm.FinishReason;
import dev.orion.llm.Message;
import dev.orion.llm.Usage;
import dev.orion.llm.router.cache.InMemoryCacheStore;
import dev.orion.llm.router.log.CallLogFilter;
import dev.orion.llm.router.log.CallRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RouterCacheTest {

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

    private static ChatRequest ask(String tenant, String profile) {
        return ChatRequest.builder().profile(profile).tenantId(tenant).user("Band gap of silicon?").temperature(0).build();
    }

    @Test
    void aHitIsServedAtZeroCostAndRecordedAsAHit() {
        router(model);
        ChatResponse first = router.chat(ask("acme", "cached"));
        ChatResponse second = router.chat(ask("acme", "cached"));
        assertThat(model.calls).hasValue(1);
        assertThat(first.cacheHit()).isFalse();
        assertThat(first.costUsd()).isPositive();
        assertThat(second.cacheHit()).isTrue();
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(second.costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(second.usage()).isEqualTo(Usage.ZERO);
        router.flushCallLog(Duration.ofSeconds(5));
        List<CallRecord> records = router.callLog().query(CallLogFilter.all(), 0, 10);
        assertThat(records).extracting(CallRecord::cacheHit).containsExactly(false, true);
        assertThat(records.get(1).costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(router.callLog().count(CallLogFilter.all().cacheHit(true))).isEqualTo(1);
    }

    @Test
    void noCacheSkipsTheLookupAndNoStoreSkipsTheWrite() {
        router(model);
        router.chat(ask("acme", "cached").newBuilder().noStore(true).build());
        router.chat(ask("acme", "cached"));
        assertThat(model.calls).hasValue(2);
        router.chat(ask("acme", "cached").newBuilder().noCache(true).build());
        assertThat(model.calls).hasValue(3);
        assertThat(router.chat(ask("acme", "cached")).cacheHit()).isTrue();
    }

    @Test
    void entriesExpireAfterTheProfileTtl() {
        router(model);
        router.chat(ask("acme", "cached"));
        clock.advance(Duration.ofMinutes(9));
        assertThat(router.chat(ask("acme", "cached")).cacheHit()).isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(router.chat(ask("acme", "cached")).cacheHit()).isFalse();
        assertThat(model.calls).hasValue(2);
    }

    @Test
    void tenantsAndProfilesNeverShareEntriesAndInvalidateSeparately() {
        router(model);
        router.chat(ask("acme", "cached"));
        router.chat(ask("acme", "other"));
        router.chat(ask("globex", "cached"));
        assertThat(model.calls).hasValue(3);
        assertThat(store.size()).isEqualTo(3);

        assertThat(router.invalidateCache("acme", "cached")).isEqualTo(1);
        assertThat(router.chat(ask("acme", "cached")).cacheHit()).isFalse();
        assertThat(router.chat(ask("acme", "other")).cacheHit()).isTrue();
        assertThat(router.chat(ask("globex", "cached")).cacheHit()).isTrue();

        assertThat(router.invalidateCache("acme")).isEqualTo(2);
        assertThat(router.chat(ask("acme", "other")).cacheHit()).isFalse();
        assertThat(router.chat(ask("globex", "cached")).cacheHit()).isTrue();
    }

    @Test
    void theStoreAnswersAfterMemoryIsLost() {
        router(model);
        router.chat(ask("acme", "cached"));
        router.close();
        LlmRouter second = LlmRouter.builder()
                .model(new ModelRoute("gpt-4o-mini", "openai", "gpt-4o-mini", model, 128_000))
                .profile(Profile.builder("cached").models(List.of("gpt-4o-mini")).cache(CachePolicy.ttl(Duration.ofMinutes(10))).build())
                .cacheStore(store).clock(clock).build();
        try {
            assertThat(second.chat(ask("acme", "cached")).cacheHit()).isTrue();
            assertThat(model.calls).hasValue(1);
        } finally {
            second.close();
            router = null;
        }
    }

    @Test
    void aStreamedHitIsDeliveredAsOneChunk() {
        router(model);
        router.chat(ask("acme", "cached"));
        List<ChatChunk> chunks = new ArrayList<>();
        ChatResponse r = router.stream(ask("acme", "cached"), chunks::add);
        assertThat(r.cacheHit()).isTrue();
        assertThat(chunks).extracting(ChatChunk::text).containsExactly("from gpt-4o-mini");
    }

    @Test
    void concurrentIdenticalRequestsMakeOneUpstreamCall() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger upstream = new AtomicInteger();
        ChatModel slow = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                upstream.incrementAndGet();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ChatResponse.of("r", "m", Message.assistant("1.12 eV"), FinishReason.STOP, Usage.of(10, 5));
            }

            @Override
            public ChatResponse stream(ChatRequest request, ChatStreamListener listener) {
                return chat(request);
            }
        };
        router(slow);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ChatResponse>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> router.chat(ask("acme", "cached"))));
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
