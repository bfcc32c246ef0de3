package dev.orion.llm.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.llm.internal.AsyncCallRecorder;
import dev.orion.llm.router.log.CallLog;
import dev.orion.llm.router.log.CallLogExport;
import dev.orion.llm.router.log.InMemoryCallLog;
import dev.orion.store.LlmCall;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallOutcome;
import dev.orion.store.LlmCallRecord;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CallLogTest {

    static final TenantId ACME = TenantId.of("acme");
    static final TenantId GLOBEX = TenantId.of("globex");

    static LlmCallRecord record(int i, String model, LlmCallOutcome outcome) {
        LlmCall.Builder b = LlmCall.builder().time(Instant.parse("2026-11-21T08:00:00Z").plusSeconds(i)).runId("run-1")
                .feature(i % 4 == 0 ? "campaign-advisor" : "reviewer").profile("advisor").provider("openai").model(model)
                .tokensIn(100).tokensOut(20).tokensCached(10).cost(new BigDecimal("0.0001")).latency(Duration.ofMillis(i))
                .outcome(outcome).cacheHit(i % 3 == 0).fallbackPath(List.of(model)).requestId("req-" + i);
        if (i % 2 == 0) {
            b.project(ProjectId.of("cathodes"));
        }
        if (outcome != LlmCallOutcome.SUCCESS) {
            b.error("boom, \"quoted\"\nline");
        }
        return new LlmCallRecord("id-" + i, b.build());
    }

    @Test
    void aFullQueueMakesCallersWaitAndNothingIsDropped() throws Exception {
        AtomicInteger appendCalls = new AtomicInteger();
        InMemoryCallLog target = new InMemoryCallLog();
        CallLog slowAndFlaky = new CallLog() {
            @Override
            public void append(TenantId tenant, List<LlmCallRecord> records) {
                if (appendCalls.incrementAndGet() % 40 == 0) {
                    throw new IllegalStateException("database hiccup");
                }
                target.append(tenant, records);
            }

            @Override
            public List<LlmCallRecord> query(TenantId tenant, LlmCallFilter filter, int offset, int limit) {
                return target.query(tenant, filter, offset, limit);
            }

            @Override
            public long count(TenantId tenant, LlmCallFilter filter) {
                return target.count(tenant, filter);
            }

            @Override
            public void forEach(TenantId tenant, LlmCallFilter filter, Consumer<LlmCallRecord> sink) {
                target.forEach(tenant, filter, sink);
            }
        };
        AsyncCallRecorder recorder = new AsyncCallRecorder(slowAndFlaky, 4);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            int base = t * 500;
            TenantId tenant = t % 2 == 0 ? ACME : GLOBEX;
            pool.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    recorder.record(tenant, record(base + i, "m", LlmCallOutcome.SUCCESS));
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        recorder.close();
        assertThat(target.count(ACME, LlmCallFilter.all())).isEqualTo(2000);
        assertThat(target.count(GLOBEX, LlmCallFilter.all())).isEqualTo(2000);
        assertThat(recorder.pending()).isZero();
        assertThat(appendCalls.get()).isGreaterThan(1);
    }

    /** An in-memory log that rejects the records {@code rejects} picks and fails every call while {@code down} is set. */
    static final class FaultyLog implements CallLog {
        final InMemoryCallLog target = new InMemoryCallLog();
        final AtomicBoolean down = new AtomicBoolean();
        final java.util.function.Predicate<LlmCallRecord> rejects;

        FaultyLog(java.util.function.Predicate<LlmCallRecord> rejects) {
            this.rejects = rejects;
        }

        private void check() {
            if (down.get()) {
                throw new IllegalStateException("connection refused");
            }
        }

        @Override
        public void append(TenantId tenant, List<LlmCallRecord> records) {
            check();
            for (LlmCallRecord r : records) {
                if (rejects.test(r)) {
                    throw new IllegalArgumentException("numeric field overflow in record " + r.id());
                }
            }
            target.append(tenant, records);
        }

        @Override
        public List<LlmCallRecord> query(TenantId tenant, LlmCallFilter filter, int offset, int limit) {
            check();
            return target.query(tenant, filter, offset, limit);
        }

        @Override
        public long count(TenantId tenant, LlmCallFilter filter) {
            check();
            return target.count(tenant, filter);
        }

        @Override
        public void forEach(TenantId tenant, LlmCallFilter filter, Consumer<LlmCallRecord> sink) {
            check();
            target.forEach(tenant, filter, sink);
        }
    }

    @Test
    void aRecordTheLogRejectsIsSetAsideAndNeverHoldsUpTheOthers() {
        FaultyLog log = new FaultyLog(r -> r.id().equals("id-37") || r.id().equals("id-38"));
        AsyncCallRecorder recorder = new AsyncCallRecorder(log, 1_000);
        for (int i = 0; i < 100; i++) {
            recorder.record(i % 2 == 0 ? ACME : GLOBEX, record(i, "m", LlmCallOutcome.SUCCESS));
        }
        assertThat(recorder.flush(Duration.ofSeconds(10))).as("the writer is not stuck retrying").isTrue();
        assertThat(log.target.count(ACME, LlmCallFilter.all()) + log.target.count(GLOBEX, LlmCallFilter.all())).isEqualTo(98);
        assertThat(recorder.stats().deadLettered()).isEqualTo(2);
        assertThat(recorder.stats().written()).isEqualTo(98);
        assertThat(recorder.deadLetters()).extracting(d -> d.record().id()).containsExactlyInAnyOrder("id-37", "id-38");
        assertThat(recorder.deadLetters()).allSatisfy(d -> assertThat(d.reason()).contains("numeric field overflow"));
        recorder.close();
    }

    @Test
    void anOutageLongerThanTheQueueNeverBlocksCallersAndLosesNothing() throws Exception {
        FaultyLog log = new FaultyLog(r -> false);
        log.down.set(true);
        AsyncCallRecorder recorder = new AsyncCallRecorder(log, 4);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicLong slowest = new AtomicLong();
        try {
            List<Callable<Void>> callers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int base = t * 250;
                callers.add(() -> {
                    for (int i = 0; i < 250; i++) {
                        long start = System.nanoTime();
                        recorder.record(base % 500 == 0 ? ACME : GLOBEX, record(base + i, "m", LlmCallOutcome.SUCCESS));
                        slowest.accumulateAndGet(System.nanoTime() - start, Math::max);
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(callers, 30, TimeUnit.SECONDS)) {
                assertThat(f.isCancelled()).as("a caller was blocked by the outage").isFalse();
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Duration.ofNanos(slowest.get())).as("bounded wait").isLessThan(Duration.ofSeconds(2));
        assertThat(recorder.pending()).isEqualTo(1000);
        log.down.set(false);
        assertThat(recorder.flush(Duration.ofSeconds(20))).isTrue();
        assertThat(log.target.count(ACME, LlmCallFilter.all()) + log.target.count(GLOBEX, LlmCallFilter.all())).isEqualTo(1000);
        assertThat(recorder.stats().deadLettered()).isZero();
        assertThat(recorder.stats().overflowed()).isPositive();
        recorder.close();
    }

    @Test
    void deadLettersGoToTheFileAsJsonLines(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        FaultyLog log = new FaultyLog(r -> r.id().equals("id-2"));
        java.nio.file.Path file = dir.resolve("dead-letters.jsonl");
        try (AsyncCallRecorder recorder = AsyncCallRecorder.builder(log).deadLetterFile(file).build()) {
            for (int i = 0; i < 5; i++) {
                recorder.record(ACME, record(i, "m", LlmCallOutcome.SUCCESS));
            }
            assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(recorder.stats().deadLettered()).isEqualTo(1);
            assertThat(recorder.deadLetters()).as("in the file, not in memory").isEmpty();
        }
        List<String> lines = java.nio.file.Files.readAllLines(file);
        assertThat(lines).singleElement().satisfies(line -> {
            JsonNode node = new ObjectMapper().readTree(line);
            assertThat(node.get("record").get("id").asText()).isEqualTo("id-2");
            assertThat(node.get("record").get("tenant").asText()).isEqualTo("acme");
            assertThat(node.get("reason").asText()).contains("numeric field overflow");
        });
        assertThat(log.target.count(ACME, LlmCallFilter.all())).isEqualTo(4);
    }

    @Test
    void queriesOneTenantWithTheStoreFilter() {
        InMemoryCallLog log = new InMemoryCallLog();
        List<LlmCallRecord> acme = new ArrayList<>();
        List<LlmCallRecord> globex = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            (i < 20 ? acme : globex).add(record(i, i % 2 == 0 ? "fast" : "careful",
                    i % 5 == 0 ? LlmCallOutcome.ERROR : LlmCallOutcome.SUCCESS));
        }
        log.append(ACME, acme);
        log.append(GLOBEX, globex);
        log.append(ACME, acme.subList(0, 5));
        assertThat(log.count(ACME, LlmCallFilter.all())).as("a record id is stored once per tenant").isEqualTo(20);
        assertThat(log.count(GLOBEX, LlmCallFilter.all())).isEqualTo(10);
        assertThat(log.count(TenantId.of("initech"), LlmCallFilter.all())).isZero();
        assertThat(log.query(ACME, LlmCallFilter.all(), 0, 8)).extracting(LlmCallRecord::id).startsWith("id-0", "id-1").hasSize(8);
        assertThat(log.query(ACME, LlmCallFilter.all(), 16, 8)).extracting(LlmCallRecord::id)
                .containsExactly("id-16", "id-17", "id-18", "id-19");
        assertThat(log.count(ACME, LlmCallFilter.all().withModel("fast").withProject(ProjectId.of("cathodes")))).isEqualTo(10);
        assertThat(log.count(ACME, LlmCallFilter.all().withOutcome(LlmCallOutcome.ERROR))).isEqualTo(4);
        assertThat(log.count(ACME, LlmCallFilter.all().withCacheHit(true))).isEqualTo(7);
        assertThat(log.query(ACME, LlmCallFilter.all().withFeature("campaign-advisor"), 0, 100)).extracting(LlmCallRecord::id)
                .containsExactly("id-0", "id-4", "id-8", "id-12", "id-16");
        Instant t0 = Instant.parse("2026-11-21T08:00:00Z");
        assertThat(log.count(ACME, LlmCallFilter.all().between(t0.plusSeconds(5), t0.plusSeconds(10)))).isEqualTo(5);
        assertThat(log.count(ACME, LlmCallFilter.all().withRunId("run-2"))).isZero();
    }

    @Test
    void theInMemoryLogKeepsTheLatestRecordsWithinItsRetention() {
        InMemoryCallLog log = new InMemoryCallLog(10);
        for (int i = 0; i < 25; i++) {
            log.append(ACME, List.of(record(i, "fast", LlmCallOutcome.SUCCESS)));
        }
        assertThat(log.count(ACME, LlmCallFilter.all())).isEqualTo(10);
        assertThat(log.evicted()).isEqualTo(15);
        assertThat(log.query(ACME, LlmCallFilter.all(), 0, 1).get(0).id()).isEqualTo("id-15");
    }

    @Test
    void exportsCsvAndJson() throws Exception {
        InMemoryCallLog log = new InMemoryCallLog();
        log.append(ACME, List.of(record(1, "fast", LlmCallOutcome.ERROR), record(2, "careful", LlmCallOutcome.SUCCESS)));
        log.append(GLOBEX, List.of(record(3, "fast", LlmCallOutcome.SUCCESS)));
        StringWriter csv = new StringWriter();
        assertThat(CallLogExport.csv(log, ACME, LlmCallFilter.all(), csv)).isEqualTo(2);
        String[] lines = csv.toString().split("\n");
        assertThat(lines[0]).isEqualTo(LlmCallRecord.CSV_HEADER);
        assertThat(lines[1]).isEqualTo("id-1,2026-11-21T08:00:01Z,,run-1,reviewer,advisor,openai,fast,,100,20,10,0,0.0001,1.0,"
                + "ERROR,false,fast,req-1");
        assertThat(lines).hasSize(3);

        StringWriter json = new StringWriter();
        assertThat(CallLogExport.json(log, ACME, LlmCallFilter.all().withModel("careful"), json)).isEqualTo(1);
        JsonNode arr = new ObjectMapper().readTree(json.toString());
        assertThat(arr).hasSize(1);
        assertThat(arr.get(0).get("tenant").asText()).isEqualTo("acme");
        assertThat(arr.get(0).get("model").asText()).isEqualTo("careful");
        assertThat(arr.get(0).get("project").asText()).isEqualTo("cathodes");
        assertThat(arr.get(0).get("feature").asText()).isEqualTo("reviewer");
        assertThat(arr.get(0).get("costUsd").decimalValue()).isEqualByComparingTo("0.0001");
        assertThat(arr.get(0).get("fallbackPath").get(0).asText()).isEqualTo("careful");
    }
}
