package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.store.LlmCall;
import dev.orion.store.LlmCallAggregate;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallGrouping;
import dev.orion.store.LlmCallOutcome;
import dev.orion.store.LlmCallRecord;
import dev.orion.store.LlmCallStore;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.TenantStores;
import dev.orion.tenant.ProjectId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orion.store.LlmCallStore}: records, filters, streaming export, aggregates. */
public abstract class LlmCallStoreContract extends ContractSupport {

    static LlmCall call(Random rnd, int i) {
        LlmCall.Builder b = LlmCall.builder().profile(i % 3 == 0 ? "fast" : "smart").provider("openai")
                .model(i % 2 == 0 ? "gpt-a" : "gpt-b").tokensIn(100 + rnd.nextInt(900)).tokensOut(rnd.nextInt(300))
                .tokensCached(rnd.nextInt(50)).tokensCacheWrite(rnd.nextInt(20))
                .cost(BigDecimal.valueOf(rnd.nextInt(100_000), 6)).latency(Duration.ofMillis(50 + rnd.nextInt(2000)))
                .outcome(i % 7 == 0 ? LlmCallOutcome.ERROR : LlmCallOutcome.SUCCESS).cacheHit(i % 5 == 0)
                .fallbackPath(i % 7 == 0 ? List.of("gpt-a", "gpt-b") : List.of("gpt-a"))
                .time(Backends.T0.plus(Duration.ofHours(i)));
        if (i % 4 == 0) {
            b.project(ProjectId.of("p" + (i % 8))).runId("run-" + (i % 3)).feature("advisor").experiment("exp:" + (i % 2 == 0 ? "A" : "B"));
        }
        if (i % 7 == 0) {
            b.error("provider said 500").requestId("req-" + i);
        }
        return b.build();
    }

    @Test
    void recordsOneCallWithEveryField() {
        LlmCallStore s = newTenant().llmCalls();
        LlmCall c = call(new Random(1), 28);
        LlmCallRecord r = s.record(c);
        LlmCall back = s.find(r.id()).orElseThrow().call();
        assertThat(back.cost()).isEqualByComparingTo(c.cost());
        assertThat(back).usingRecursiveComparison().ignoringFields("cost").isEqualTo(c);
    }

    @Test
    void batchIngestFilterPaginationAndStreamingExport() {
        TenantStores t = newTenant();
        LlmCallStore s = t.llmCalls();
        Random rnd = new Random(42);
        List<LlmCall> calls = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            calls.add(call(rnd, i));
        }
        assertThat(s.recordAll(calls)).isEqualTo(120);
        long before = auditCount(t);
        LlmCallFilter errors = LlmCallFilter.all().withOutcome(LlmCallOutcome.ERROR);
        assertThat(s.count(errors)).isEqualTo(calls.stream().filter(errors::matches).count());
        LlmCallFilter advisor = LlmCallFilter.all().withFeature("advisor").withOutcome(LlmCallOutcome.SUCCESS);
        assertThat(s.count(advisor)).isEqualTo(calls.stream().filter(advisor::matches).count()).isPositive();
        assertThat(s.query(advisor, PageRequest.first(200)).items()).allSatisfy(r -> assertThat(r.call().feature()).contains("advisor"));
        assertThat(s.count(LlmCallFilter.all().withFeature("reviewer"))).isZero();
        LlmCallFilter window = LlmCallFilter.all().withModel("gpt-a").withCacheHit(false)
                .between(Backends.T0.plus(Duration.ofHours(10)), Backends.T0.plus(Duration.ofHours(80)));
        List<LlmCall> expected = calls.stream().filter(window::matches).toList();
        List<LlmCall> paged = new ArrayList<>();
        PageRequest req = PageRequest.first(9);
        Page<LlmCallRecord> page;
        do {
            page = s.query(window, req);
            page.items().forEach(r -> paged.add(r.call()));
            req = page.hasNext() ? page.next(req) : req;
        } while (page.hasNext());
        assertThat(paged).usingRecursiveFieldByFieldElementComparatorIgnoringFields("cost").containsExactlyElementsOf(expected);
        for (int i = 0; i < paged.size(); i++) {
            assertThat(paged.get(i).cost()).isEqualByComparingTo(expected.get(i).cost());
        }
        List<LlmCall> streamed = new ArrayList<>();
        s.forEach(LlmCallFilter.all().withProject(ProjectId.of("p4")).withRunId("run-2"), r -> streamed.add(r.call()));
        assertThat(streamed).extracting(LlmCall::time).containsExactlyElementsOf(calls.stream()
                .filter(c -> c.project().equals(java.util.Optional.of(ProjectId.of("p4"))) && c.runId().equals(java.util.Optional.of("run-2")))
                .map(LlmCall::time).toList());
        assertThat(auditCount(t)).as("telemetry is not audited").isEqualTo(before);
        java.io.StringWriter csv = new java.io.StringWriter();
        s.exportCsv(errors, csv);
        String[] lines = csv.toString().split("\n");
        assertThat(lines[0]).isEqualTo(LlmCallRecord.CSV_HEADER);
        assertThat(lines).hasSize(1 + (int) calls.stream().filter(errors::matches).count());
        assertThat(lines[1]).contains(",ERROR,").contains(",gpt-a>gpt-b,").endsWith(",req-0");
    }

    @Test
    void appendKeepsCallerIdsAndSkipsIdsAlreadyStored() {
        LlmCallStore s = newTenant().llmCalls();
        Random rnd = new Random(11);
        List<LlmCallRecord> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(new LlmCallRecord(java.util.UUID.randomUUID().toString(), call(rnd, i)));
        }
        assertThat(s.append(batch)).isEqualTo(5);
        List<LlmCallRecord> retried = new ArrayList<>(batch.subList(3, 5));
        retried.add(new LlmCallRecord("router-call-6", call(rnd, 6)));
        retried.add(new LlmCallRecord("router-call-6", call(rnd, 7)));
        assertThat(s.append(retried)).as("ids already stored, or twice in the batch, are stored once").isEqualTo(1);
        assertThat(s.count(LlmCallFilter.all())).isEqualTo(6);
        assertThat(s.find(batch.get(2).id()).orElseThrow().call().time()).isEqualTo(batch.get(2).call().time());
        assertThat(s.find("router-call-6").orElseThrow().call().time()).isEqualTo(retried.get(2).call().time());
        List<String> ids = new ArrayList<>();
        s.forEach(LlmCallFilter.all(), r -> ids.add(r.id()));
        assertThat(ids).containsExactly(batch.get(0).id(), batch.get(1).id(), batch.get(2).id(), batch.get(3).id(),
                batch.get(4).id(), "router-call-6");
    }

    @Test
    void aggregatesMatchAHandComputedReference() {
        LlmCallStore s = newTenant().llmCalls();
        Random rnd = new Random(7);
        List<LlmCall> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            calls.add(call(rnd, i));
        }
        s.recordAll(calls);
        for (LlmCallGrouping g : LlmCallGrouping.values()) {
            dev.orion.store.internal.LlmCallAggregator ref = new dev.orion.store.internal.LlmCallAggregator(g);
            calls.forEach(ref::add);
            List<LlmCallAggregate> got = s.aggregate(LlmCallFilter.all(), g);
            List<LlmCallAggregate> want = ref.result();
            assertThat(got).as(g.name()).hasSameSizeAs(want);
            for (int i = 0; i < want.size(); i++) {
                assertThat(got.get(i).cost()).isEqualByComparingTo(want.get(i).cost());
                assertThat(got.get(i)).usingRecursiveComparison().ignoringFields("cost").isEqualTo(want.get(i));
            }
        }
        assertThat(s.aggregate(LlmCallFilter.all(), LlmCallGrouping.MODEL)).extracting(LlmCallAggregate::key).containsExactly("gpt-a", "gpt-b");
    }
}
