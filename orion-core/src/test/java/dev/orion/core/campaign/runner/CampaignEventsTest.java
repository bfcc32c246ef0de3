package dev.orion.core.campaign.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.CandidatePool;
import dev.orion.campaign.Goal;
import dev.orion.core.Orion;
import dev.orion.core.Stores;
import dev.orion.core.campaign.strategy.Strategies;
import dev.orion.tenant.TenantId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CampaignEventsTest {

    /** Collects every event and counts down when completed. */
    private static final class Collector implements Flow.Subscriber<CampaignEvent> {
        final List<CampaignEvent> events = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch done = new CountDownLatch(1);
        volatile Throwable error;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(CampaignEvent item) {
            events.add(item);
        }

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
            done.countDown();
        }

        @Override
        public void onComplete() {
            done.countDown();
        }
    }

    @Test
    void publishesEveryStepInOrderThenCompletes() throws Exception {
        List<Candidate> entries = new ArrayList<>();
        Map<String, Double> values = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            entries.add(Candidate.pooled("c" + i, i));
            values.put("c" + i, Math.abs(i - 4.0));
        }
        ExecutorService delivery = Executors.newSingleThreadExecutor();
        try (Orion orion = Orion.builder().store(Stores.inMemory()).build();
             CampaignEvents events = CampaignEvents.create(delivery, 2)) {
            Collector a = new Collector();
            Collector b = new Collector();
            events.subscribe(a);
            events.subscribe(b);
            CampaignOutcome outcome = CampaignRunner.builder(orion.tenant(TenantId.of("acme"))).name("events")
                    .space(CandidatePool.of(entries)).goal(Goal.minimize("gap")).strategy(Strategies.random())
                    .evaluator(Evaluators.lookup("gap", "eV", values)).stop(StopCriteria.afterEvaluations(7)).batchSize(3)
                    .seed(5).listener(events).build().run();

            assertThat(a.done.await(10, TimeUnit.SECONDS)).as("completed after Stopped").isTrue();
            assertThat(b.done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(a.error).isNull();
            List<CampaignEvent> seen = List.copyOf(a.events);
            assertThat(seen).isEqualTo(List.copyOf(b.events));
            assertThat(seen.get(0)).isInstanceOfSatisfying(CampaignEvent.Started.class, s -> {
                assertThat(s.campaign().id()).isEqualTo(outcome.campaignId());
                assertThat(s.resumed()).isFalse();
            });
            assertThat(seen.get(seen.size() - 1)).isEqualTo(new CampaignEvent.Stopped(outcome));
            assertThat(seen.stream().filter(CampaignEvent.Proposed.class::isInstance).map(e -> ((CampaignEvent.Proposed) e)
                    .proposals().size())).containsExactly(3, 3, 1);
            List<CampaignEvent.Observed> observed = seen.stream().filter(CampaignEvent.Observed.class::isInstance)
                    .map(CampaignEvent.Observed.class::cast).toList();
            assertThat(observed).extracting(CampaignEvent.Observed::observation).isEqualTo(outcome.observations());
            assertThat(observed.get(observed.size() - 1).best()).isEqualTo(outcome.best());
            assertThat(seen.indexOf(observed.get(0))).as("a batch is proposed before it is observed")
                    .isGreaterThan(seen.indexOf(seen.stream().filter(CampaignEvent.Proposed.class::isInstance).findFirst()
                            .orElseThrow()));
        } finally {
            delivery.shutdown();
        }
    }

    @Test
    void closeCompletesSubscribersOfARunThatNeverStopped() throws Exception {
        Collector c = new Collector();
        try (CampaignEvents events = CampaignEvents.create()) {
            events.subscribe(c);
        }
        assertThat(c.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(c.error).isNull();
        assertThat(c.events).isEmpty();
    }

    @Test
    void rejectsABadBuffer() {
        assertThatThrownBy(() -> CampaignEvents.create(Runnable::run, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bufferCapacity").hasMessageContaining("0");
    }
}
