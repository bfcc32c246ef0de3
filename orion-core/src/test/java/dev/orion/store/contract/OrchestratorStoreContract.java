package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.store.CampaignLease;
import dev.orion.store.ConflictException;
import dev.orion.store.NewCampaign;
import dev.orion.store.NotFoundException;
import dev.orion.store.OrchestratorMode;
import dev.orion.store.OrchestratorRun;
import dev.orion.store.OrchestratorRunStatus;
import dev.orion.store.OrchestratorSettings;
import dev.orion.store.OrchestratorStats;
import dev.orion.store.OrchestratorStore;
import dev.orion.store.PageRequest;
import dev.orion.store.TenantStores;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.orion.store.OrchestratorStore}: settings, fenced campaign leases, run history. */
public abstract class OrchestratorStoreContract extends ContractSupport {

    private static String campaign(TenantStores t) {
        return t.campaigns().create(NewCampaign.of("alloys", "{}")).id();
    }

    private static OrchestratorRun.StepRecord step(int evaluations, boolean improved) {
        return new OrchestratorRun.StepRecord(1, evaluations, new BigDecimal("0.25"), improved, Optional.of("x=1"), Optional.empty());
    }

    @Test
    void settingsAreSavedActivatedAndSignalled() {
        TenantStores t = newTenant();
        OrchestratorStore o = t.orchestration();
        String a = campaign(t);
        String b = campaign(t);
        OrchestratorSettings s = OrchestratorSettings.scheduled(a, Duration.ofMinutes(10)).triggerAfterObservations(3)
                .triggerAt(Backends.T0.plusSeconds(60)).triggerWhenQueueIdle().triggerAfterExperiment();
        assertThat(o.save(s)).isEqualTo(s);
        assertThat(o.find(a)).contains(s);
        o.save(OrchestratorSettings.manual(b));
        o.save(OrchestratorSettings.continuous(b));
        assertThat(o.find(b).orElseThrow().mode()).isEqualTo(OrchestratorMode.CONTINUOUS);
        assertThat(o.setActive(b, false).active()).isFalse();
        assertThat(o.list(true)).containsExactly(s);
        assertThat(o.list(false)).hasSize(2);
        assertThat(o.experimentSignals(a)).isZero();
        assertThat(o.signalExperiment(a)).isEqualTo(1);
        assertThat(o.signalExperiment(a)).isEqualTo(2);
        assertThat(o.experimentSignals(a)).isEqualTo(2);
        assertThatThrownBy(() -> o.save(OrchestratorSettings.manual("missing"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> o.setActive("missing", true)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> o.signalExperiment("missing")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> new OrchestratorSettings(a, OrchestratorMode.SCHEDULED, Optional.empty(), 0, Optional.empty(),
                false, false, true)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval");
    }

    @Test
    void leasesAreExclusiveExpireAndAreFencedOnTakeOver() {
        TenantStores t = newTenant();
        OrchestratorStore o = t.orchestration();
        String c = campaign(t);
        CampaignLease first = o.acquire(c, "node-1", Duration.ofSeconds(30)).orElseThrow();
        assertThat(first.fence()).isEqualTo(1);
        assertThat(first.toString()).doesNotContain(first.token());
        assertThat(o.acquire(c, "node-2", Duration.ofSeconds(30))).isEmpty();
        OrchestratorRun stale = o.startRun(first, "schedule", 4, 0);
        clock().advance(Duration.ofSeconds(20));
        first = o.renew(first, Duration.ofSeconds(30)).orElseThrow();
        clock().advance(Duration.ofSeconds(25));
        assertThat(o.acquire(c, "node-2", Duration.ofSeconds(30))).as("renewed").isEmpty();
        clock().advance(Duration.ofSeconds(10));
        CampaignLease second = o.acquire(c, "node-2", Duration.ofSeconds(30)).orElseThrow();
        assertThat(second.fence()).isEqualTo(2);
        CampaignLease lost = first;
        assertThat(o.renew(lost, Duration.ofSeconds(30))).isEmpty();
        assertThat(o.release(lost)).isFalse();
        assertThatThrownBy(() -> o.startRun(lost, "schedule", 4, 0)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> o.finishRun(lost, stale.id(), step(1, true))).isInstanceOf(ConflictException.class);
        OrchestratorRun run = o.startRun(second, "takeover", 4, 0);
        assertThat(o.runs(c, PageRequest.first(10)).items()).extracting(OrchestratorRun::status)
                .containsExactly(OrchestratorRunStatus.ABANDONED, OrchestratorRunStatus.RUNNING);
        assertThatThrownBy(() -> o.finishRun(second, stale.id(), step(1, true))).isInstanceOf(ConflictException.class);
        OrchestratorRun done = o.finishRun(second, run.id(), step(2, true));
        assertThat(done.status()).isEqualTo(OrchestratorRunStatus.SUCCEEDED);
        assertThat(o.lastRun(c).orElseThrow()).isEqualTo(done);
        assertThat(o.release(second)).isTrue();
        assertThat(o.acquire(c, "node-1", Duration.ofSeconds(30)).orElseThrow().fence()).as("fences never go back").isEqualTo(3);
    }

    @Test
    void historyAndStatisticsAddUp() {
        TenantStores t = newTenant();
        OrchestratorStore o = t.orchestration();
        String c = campaign(t);
        for (int i = 0; i < 3; i++) {
            CampaignLease l = o.acquire(c, "node-1", Duration.ofMinutes(1)).orElseThrow();
            OrchestratorRun r = o.startRun(l, "manual", i, 0);
            clock().advance(Duration.ofSeconds(5));
            o.finishRun(l, r.id(), i == 2 ? new OrchestratorRun.StepRecord(0, 0, BigDecimal.ZERO, false, Optional.empty(),
                    Optional.of("strategy failed")) : step(2, i == 0));
            o.release(l);
        }
        OrchestratorStats s = o.stats(c);
        assertThat(s.runs()).isEqualTo(3);
        assertThat(s.succeeded()).isEqualTo(2);
        assertThat(s.failed()).isEqualTo(1);
        assertThat(s.iterations()).isEqualTo(2);
        assertThat(s.evaluations()).isEqualTo(4);
        assertThat(s.cost()).isEqualByComparingTo("0.5");
        assertThat(s.improvements()).isEqualTo(1);
        assertThat(s.lastRunAt()).contains(Backends.T0.plusSeconds(10));
        var page = o.runs(c, PageRequest.first(2).newestFirst());
        assertThat(page.items()).extracting(OrchestratorRun::observationsSeen).containsExactly(2L, 1L);
        assertThat(page.items().get(0).result().orElseThrow().error()).contains("strategy failed");
        assertThat(o.runs(c, page.next(PageRequest.first(2).newestFirst())).items()).extracting(OrchestratorRun::observationsSeen)
                .containsExactly(0L);
    }

    @Test
    void concurrentAcquirersGetOneLease() throws Exception {
        TenantStores t = newTenant();
        String c = campaign(t);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<CampaignLease>>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String owner = "node-" + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return backend().stores().tenant(t.tenant(), t.actor()).orchestration().acquire(c, owner, Duration.ofMinutes(1));
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Optional<CampaignLease>> f : futures) {
                won += f.get().isPresent() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherTenantSeesNothing() {
        TenantStores t = newTenant();
        TenantStores other = newTenant();
        String c = campaign(t);
        t.orchestration().save(OrchestratorSettings.manual(c));
        CampaignLease l = t.orchestration().acquire(c, "node-1", Duration.ofMinutes(1)).orElseThrow();
        t.orchestration().startRun(l, "manual", 0, 0);
        assertThat(other.orchestration().find(c)).isEmpty();
        assertThat(other.orchestration().list(false)).isEmpty();
        assertThat(other.orchestration().lastRun(c)).isEmpty();
        assertThat(other.orchestration().stats(c).runs()).isZero();
        assertThatThrownBy(() -> other.orchestration().save(OrchestratorSettings.manual(c))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.orchestration().startRun(l, "manual", 0, 0)).isInstanceOf(ConflictException.class);
    }
}
