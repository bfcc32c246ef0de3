package dev.orion.core.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.campaign.runner.CampaignOutcome;
import dev.orion.core.campaign.runner.CampaignRunner;
import dev.orion.core.campaign.runner.StopCriteria;
import dev.orion.store.ObservationRecord;
import dev.orion.store.OrchestratorRun;
import dev.orion.store.OrchestratorRunStatus;
import dev.orion.store.OrchestratorSettings;
import dev.orion.store.OrchestratorStats;
import dev.orion.store.PageRequest;
import dev.orion.store.contract.Backends;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
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
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Orchestrators sharing one PostgreSQL store: one run per trigger, and take-over after a killed instance. */
class OrchestratorTest {

    private static final TenantId ACME = TenantId.of("acme");

    private static Orion orion(PGSimpleDataSource db) {
        return Orion.builder().store(Stores.postgres(db.getUrl(), db.getUser(), "app-pw")).build();
    }

    private static String createCampaign(OrionTenant tenant) {
        CampaignOutcome first = QuadraticCampaign.runner(tenant, QuadraticCampaign.evaluator(), StopCriteria.afterEvaluations(2)).run();
        assertThat(first.evaluations()).isEqualTo(2);
        return first.campaignId();
    }

    private static <T> T await(String what, Duration timeout, Supplier<Optional<T>> condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> v = condition.get();
            if (v.isPresent()) {
                return v.get();
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
    }

    @Test
    void twoInstancesAdvanceEachCampaignOncePerTrigger() throws Exception {
        PGSimpleDataSource db = Backends.newPostgresDatabase("orchestrator_twice_" + System.nanoTime());
        try (Orion one = orion(db); Orion two = orion(db)) {
            OrionTenant acme = one.tenant(ACME);
            String a = createCampaign(acme);
            String b = createCampaign(acme);
            acme.orchestration().save(OrchestratorSettings.manual(a).triggerAfterObservations(1));
            acme.orchestration().save(OrchestratorSettings.manual(b).triggerAfterExperiment());
            CampaignRunner external = QuadraticCampaign.runner(acme, QuadraticCampaign.evaluator(), StopCriteria.afterEvaluations(100));
            List<Orchestrator> instances = new ArrayList<>();
            for (Orion o : List.of(one, two)) {
                OrionTenant t = o.tenant(ACME);
                instances.add(Orchestrator.builder(o).owner("node-" + instances.size()).leaseTtl(Duration.ofSeconds(30)).build()
                        .register(ACME, a, QuadraticCampaign.step(t, QuadraticCampaign.evaluator()))
                        .register(ACME, b, QuadraticCampaign.step(t, QuadraticCampaign.evaluator())));
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 3; round++) {
                    external.addObservation(a, dev.orion.campaign.Observation.of(QuadraticCampaign.point(-1.9 + 0.1 * round), "f", 8.0));
                    instances.get(0).experimentFinished(ACME, b);
                    List<OrchestratorRun> runs = tickTogether(pool, instances);
                    assertThat(runs).as("round %d", round).extracting(OrchestratorRun::campaignId).containsExactlyInAnyOrder(a, b);
                    assertThat(runs).extracting(OrchestratorRun::trigger).containsExactlyInAnyOrder("observations", "experiment");
                    assertThat(tickTogether(pool, instances)).as("no new trigger, no run").isEmpty();
                }
            } finally {
                pool.shutdownNow();
            }
            for (String c : List.of(a, b)) {
                OrchestratorStats s = acme.orchestration().stats(c);
                assertThat(s.runs()).isEqualTo(3);
                assertThat(s.succeeded()).isEqualTo(3);
                assertThat(s.iterations()).isEqualTo(3);
                assertThat(s.evaluations()).isEqualTo(6);
                assertThat(acme.campaigns().find(c).orElseThrow().iterations()).isEqualTo(4);
            }
            acme.orchestration().setActive(a, false);
            external.addObservation(a, dev.orion.campaign.Observation.of(QuadraticCampaign.point(2.9), "f", 3.61));
            assertThat(instances.get(0).tick()).as("deactivated").isEmpty();
        }
    }

    private static List<OrchestratorRun> tickTogether(ExecutorService pool, List<Orchestrator> instances) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<OrchestratorRun>>> futures = new ArrayList<>();
        for (Orchestrator o : instances) {
            futures.add(pool.submit(() -> {
                start.await();
                return o.tick();
            }));
        }
        start.countDown();
        List<OrchestratorRun> all = new ArrayList<>();
        for (Future<List<OrchestratorRun>> f : futures) {
            all.addAll(f.get(2, TimeUnit.MINUTES));
        }
        return all;
    }

    @Test
    void anInstanceKilledMidRunIsTakenOverAndTheCampaignResumes() throws Exception {
        PGSimpleDataSource db = Backends.newPostgresDatabase("orchestrator_kill_" + System.nanoTime());
        try (Orion orion = orion(db)) {
            OrionTenant acme = orion.tenant(ACME);
            String c = createCampaign(acme);
            acme.orchestration().save(OrchestratorSettings.manual(c));
            Path log = Path.of("target", "orchestrator-child-" + System.nanoTime() + ".log");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), OrchestratorChild.class.getName(),
                    db.getUrl(), db.getUser(), "app-pw", ACME.value(), c)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                OrchestratorRun started = await("the child's run to record its iteration", Duration.ofSeconds(60), () ->
                        acme.orchestration().lastRun(c).filter(r -> r.owner().equals("child"))
                                .filter(r -> acme.campaigns().find(c).orElseThrow().iterations() == 2));
                assertThat(started.status()).isEqualTo(OrchestratorRunStatus.RUNNING);
                assertThat(Orchestrator.builder(orion).owner("node-b").build().register(ACME, c,
                        QuadraticCampaign.step(acme, QuadraticCampaign.evaluator())).runNow(ACME, c))
                        .as("the child holds the lease while it lives").isEmpty();
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            Orchestrator survivor = Orchestrator.builder(orion).owner("node-b").leaseTtl(Duration.ofSeconds(2)).build()
                    .register(ACME, c, QuadraticCampaign.step(acme, QuadraticCampaign.evaluator()));
            OrchestratorRun resumed = await("the survivor to take over", Duration.ofSeconds(30),
                    () -> survivor.tick().stream().findFirst());
            assertThat(resumed.trigger()).isEqualTo("resume");
            assertThat(resumed.status()).isEqualTo(OrchestratorRunStatus.SUCCEEDED);
            assertThat(resumed.fence()).isEqualTo(2);
            assertThat(resumed.result().orElseThrow().iterations()).as("the open iteration is finished, none added").isZero();
            assertThat(resumed.result().orElseThrow().evaluations()).isEqualTo(2);
            List<OrchestratorRun> history = acme.orchestration().runs(c, PageRequest.first(10)).items();
            assertThat(history).extracting(OrchestratorRun::status)
                    .containsExactly(OrchestratorRunStatus.ABANDONED, OrchestratorRunStatus.SUCCEEDED);
            List<ObservationRecord> observations = acme.campaigns().observations(c, PageRequest.first(100)).items();
            assertThat(observations).hasSize(4);
            assertThat(observations.stream().map(r -> r.candidateJson().replaceAll("\"proposal\":-?\\d+,", "")).distinct())
                    .as("each candidate evaluated once").hasSize(4);
            assertThat(survivor.tick()).as("nothing more is due in manual mode").isEmpty();
        }
    }
}
