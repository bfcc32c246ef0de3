package dev.orion.llm.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.llm.router.log.AsyncCallRecorder;
import dev.orion.llm.router.log.CallLog;
import dev.orion.llm.router.log.CallLogExport;
import dev.orion.llm.router.log.CallLogFilter;
import dev.orion.llm.router.log.CallOutcome;
import dev.orion.llm.router.log.CallRecord;
import dev.orion.llm.router.log.InMemoryCallLog;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class CallLogTest {

    static CallRecord record(int i, String tenant, String model, CallOutcome outcome) {
        return new CallRecord("id-" + i, Instant.parse("2026-11-21T08:00:00Z").plusSeconds(i), tenant,
                i % 2 == 0 ? Optional.of("cathodes") : Optional.empty(), Optional.of("run-1"), "advisor", "openai", model,
                Optional.empty(), 100, 20, 10, 0, new BigDecimal("0.0001"), Duration.ofMillis(i), outcome, i % 3 == 0,
                List.of(model), Optional.of("req-" + i), outcome == CallOutcome.SUCCESS ? Optional.empty()
                        : Optional.of("boom, \"quoted\"\nline"));
    }

    @Test
    void aFullQueueMakesCallersWaitAndNothingIsDropped() throws Exception {
        AtomicInteger appendCalls = new AtomicInteger();
        InMemoryCallLog target = new InMemoryCallLog();
        CallLog slowAndFlaky = new CallLog() {
            @Override
            public void append(List<CallRecord> records) {
                if (appendCalls.incrementAndGet() % 40 == 0) {
                    throw new IllegalStateException("database hiccup");
                }
                target.append(records);
            }

            @Override
            public List<CallRecord> query(CallLogFilter filter, int offset, int limit) {
                return target.query(filter, offset, limit);
            }

            @Override
            public long count(CallLogFilter filter) {
                return target.count(filter);
            }

            @Override
            public void forEach(CallLogFilter filter, Consumer<CallRecord> sink) {
                target.forEach(filter, sink);
            }
        };
        AsyncCallRecorder recorder = new AsyncCallRecorder(slowAndFlaky, 4);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            int base = t * 500;
            pool.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    recorder.record(record(base + i, "acme", "m", CallOutcome.SUCCESS));
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        recorder.close();
        assertThat(target.count(CallLogFilter.all())).isEqualTo(4000);
        assertThat(recorder.pending()).isZero();
        assertThat(appendCalls.get()).isGreaterThan(1);
    }

    @Test
    void queriesFilterAndPage() {
        InMemoryCallLog log = new InMemoryCallLog();
        List<CallRecord> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            all.add(record(i, i < 20 ? "acme" : "globex", i % 2 == 0 ? "fast" : "careful",
                    i % 5 == 0 ? CallOutcome.ERROR : CallOutcome.SUCCESS));
        }
        log.append(all);
        CallLogFilter acme = CallLogFilter.all().tenant("acme");
        assertThat(log.count(acme)).isEqualTo(20);
        assertThat(log.query(acme, 0, 8)).extracting(CallRecord::id).startsWith("id-0", "id-1").hasSize(8);
        assertThat(log.query(acme, 16, 8)).extracting(CallRecord::id).containsExactly("id-16", "id-17", "id-18", "id-19");
        assertThat(log.count(acme.model("fast").project("cathodes"))).isEqualTo(10);
        assertThat(log.count(CallLogFilter.all().outcome(CallOutcome.ERROR))).isEqualTo(6);
        assertThat(log.count(CallLogFilter.all().cacheHit(true))).isEqualTo(10);
        Instant t0 = Instant.parse("2026-11-21T08:00:00Z");
        assertThat(log.count(CallLogFilter.all().between(t0.plusSeconds(5), t0.plusSeconds(10)))).isEqualTo(5);
        assertThat(log.count(CallLogFilter.all().runId("run-2"))).isZero();
    }

    @Test
    void theInMemoryLogKeepsTheLatestRecordsWithinItsRetention() {
        InMemoryCallLog log = new InMemoryCallLog(10);
        for (int i = 0; i < 25; i++) {
            log.append(List.of(record(i, "acme", "fast", CallOutcome.SUCCESS)));
        }
        assertThat(log.count(CallLogFilter.all())).isEqualTo(10);
        assertThat(log.evicted()).isEqualTo(15);
        assertThat(log.query(CallLogFilter.all(), 0, 1).get(0).id()).isEqualTo("id-15");
    }

    @Test
    void exportsCsvAndJson() throws Exception {
        InMemoryCallLog log = new InMemoryCallLog();
        log.append(List.of(record(1, "acme", "fast", CallOutcome.ERROR), record(2, "acme", "careful", CallOutcome.SUCCESS)));
        StringWriter csv = new StringWriter();
        assertThat(CallLogExport.csv(log, CallLogFilter.all(), csv)).isEqualTo(2);
        String[] lines = csv.toString().split("\r\n");
        assertThat(lines[0]).startsWith("id,time,tenant,project,run_id,profile,provider,model");
        assertThat(lines[1]).startsWith("id-1,2026-11-21T08:00:01Z,acme,,run-1,advisor,openai,fast,,100,20,10,0,0.0001,1.0,ERROR,false,fast,req-1,");
        assertThat(csv.toString()).contains("\"boom, \"\"quoted\"\"\nline\"");

        StringWriter json = new StringWriter();
        assertThat(CallLogExport.json(log, CallLogFilter.all().model("careful"), json)).isEqualTo(1);
        JsonNode arr = new ObjectMapper().readTree(json.toString());
        assertThat(arr).hasSize(1);
        assertThat(arr.get(0).get("model").asText()).isEqualTo("careful");
        assertThat(arr.get(0).get("project").asText()).isEqualTo("cathodes");
        assertThat(arr.get(0).get("costUsd").decimalValue()).isEqualByComparingTo("0.0001");
        assertThat(arr.get(0).get("fallbackPath").get(0).asText()).isEqualTo("careful");
    }
}
