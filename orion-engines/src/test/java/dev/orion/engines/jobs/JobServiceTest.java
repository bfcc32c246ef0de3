package dev.orion.engines.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.InvalidCalculationException;
import dev.orion.core.Stores;
import dev.orion.core.jobs.JobService;
import dev.orion.core.jobs.RecoveryPolicy;
import dev.orion.core.jobs.JobRetryPolicy;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.JobEvent;
import dev.orion.engine.JobRequest;
import dev.orion.engine.Potential;
import dev.orion.engines.eam.AnalyticTestEngine;
import dev.orion.progress.Progress;
import dev.orion.progress.ProgressListener;
import dev.orion.store.JobFilter;
import dev.orion.store.JobRecord;
import dev.orion.store.JobStatus;
import dev.orion.store.OrionStores;
import dev.orion.store.ResourceRef;
import dev.orion.store.TenantStores;
import dev.orion.store.UsageFilter;
import dev.orion.store.UsageKind;
import dev.orion.store.UsageRecord;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job service's machinery with the analytic test engine: fast, no programs needed. */
class JobServiceTest {

    static final Element AR = Element.of("Ar");
    static final Potential LJ = Potential.lennardJones(AR, 0.0104, 3.4, 8.5);

    @TempDir
    Path work;

    final OrionStores stores = Stores.inMemory();
    final List<JobEvent> events = new CopyOnWriteArrayList<>();
    JobService service;
    TenantStores tenant;

    static Structure argon(double a) {
        return Structure.builder().lattice(Lattice.cubic(a)).addSite(AR, 0, 0, 0).addSite(AR, 0.5, 0.5, 0)
                .addSite(AR, 0.5, 0, 0.5).addSite(AR, 0, 0.5, 0.5).build().supercell(2, 2, 2);
    }

    JobService service(AnalyticTestEngine engine) {
        tenant = stores.tenant(TenantId.of("acme"), Principal.user("alice"));
        return JobService.builder(tenant).engine(engine).workRoot(work).listener(events::add)
                .retryPolicy(JobRetryPolicy.none()).concurrency(2).pollInterval(Duration.ofMillis(20)).build();
    }

    @BeforeEach
    void start() {
        service = service(AnalyticTestEngine.create());
        service.start();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void aBatchIsAwaitedWithProgressFromNoneToAllInTheOrderOfTheIds() throws Exception {
        List<String> ids = new ArrayList<>();
        for (double a : new double[] {5.2, 5.3, 5.4, 5.5}) {
            ids.add(service.submit(JobRequest.of(Calculation.singlePoint(argon(a)).with(LJ), "analytic-test")).id());
        }
        List<Progress> heard = new ArrayList<>();

        List<JobRecord> done = service.awaitAll(ids, Duration.ofSeconds(30), heard::add).orElseThrow();

        assertThat(done).extracting(JobRecord::id).containsExactlyElementsOf(ids);
        assertThat(done).extracting(JobRecord::status).containsOnly(JobStatus.SUCCEEDED);
        assertThat(heard).extracting(Progress::total).containsOnly(4L);
        assertThat(heard.get(heard.size() - 1)).isEqualTo(new Progress(4, 4, "jobs: 0 failed"));
        assertThat(heard).extracting(Progress::done).isSorted().doesNotHaveDuplicates();
        assertThatThrownBy(() -> service.awaitAll(List.of(ids.get(0), ids.get(0)), Duration.ofSeconds(1),
                ProgressListener.none())).hasMessageContaining("twice");
        assertThatThrownBy(() -> service.awaitAll(List.of("no-such-job"), Duration.ofSeconds(1), ProgressListener.none()))
                .hasMessageContaining("no job no-such-job");
    }

    @Test
    void aSubmittedJobIsStoredRunAndItsResultKept() throws Exception {
        Calculation calc = Calculation.singlePoint(argon(5.3)).with(LJ);
        JobRecord job = service.submit(JobRequest.of(calc, "analytic-test"));
        assertThat(job.status()).isEqualTo(JobStatus.SUBMITTED);
        CalculationResult r = service.awaitResult(job.id(), Duration.ofSeconds(30));
        CalculationResult direct = AnalyticTestEngine.create().compute(calc, work);
        assertThat(r.energy()).isCloseTo(direct.energy(), within(1e-12));
        assertThat(r.energy()).isNegative();
        assertThat(service.status(job.id())).isEqualTo(JobStatus.SUCCEEDED);
        awaitEvent(JobEvent.Type.SUCCEEDED);
        assertThat(events).extracting(JobEvent::type).containsSubsequence(JobEvent.Type.SUBMITTED,
                JobEvent.Type.STARTED, JobEvent.Type.SUCCEEDED);
        assertThat(tenant.provenance().linksFrom(ResourceRef.of("job", job.id())))
                .extracting(l -> l.relation()).contains("has-content-hash", "computed-by", "on-structure");
        JobRecord done = service.job(job.id()).orElseThrow();
        List<UsageRecord> usage = new ArrayList<>();
        tenant.usage().forEach(UsageFilter.all(), usage::add);
        assertThat(usage).as("the ended job is metered once, as compute").singleElement().satisfies(u -> {
            assertThat(u.kind()).isEqualTo(UsageKind.COMPUTE);
            assertThat(u.feature()).isEqualTo("job:analytic-test");
            assertThat(u.coreSeconds()).as("one core for the time it ran").isCloseTo(
                    Duration.between(done.startedAt().orElseThrow(), done.finishedAt().orElseThrow()).toNanos() / 1e9,
                    within(1e-9));
            assertThat(u.time()).isEqualTo(done.finishedAt().orElseThrow());
        });
    }

    @Test
    void anIdenticalCalculationReturnsTheStoredResultUnlessTheRequestOptsOut() throws Exception {
        Calculation calc = Calculation.relax(argon(5.4)).with(LJ);
        JobRecord first = service.submit(JobRequest.of(calc, "analytic-test"));
        service.awaitResult(first.id(), Duration.ofSeconds(30));
        JobRecord again = service.submit(JobRequest.of(calc, "analytic-test"));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(events).extracting(JobEvent::type).contains(JobEvent.Type.REUSED);
        JobRecord fresh = service.submit(JobRequest.of(calc, "analytic-test").withoutResultReuse());
        assertThat(fresh.id()).isNotEqualTo(first.id());
        assertThat(service.awaitResult(fresh.id(), Duration.ofSeconds(30)).energy())
                .isCloseTo(service.result(first.id()).orElseThrow().energy(), within(1e-12));
        // a different structure is a different calculation
        JobRecord other = service.submit(JobRequest.of(Calculation.relax(argon(5.5)).with(LJ), "analytic-test"));
        assertThat(other.id()).isNotIn(first.id(), fresh.id());
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameJob() throws Exception {
        Calculation calc = Calculation.singlePoint(argon(5.3)).with(LJ);
        JobRequest req = JobRequest.of(calc, "analytic-test").withoutResultReuse().withIdempotencyKey("run-7");
        JobRecord a = service.submit(req);
        JobRecord b = service.submit(req);
        assertThat(b.id()).isEqualTo(a.id());
        assertThat(tenant.jobs().findByIdempotencyKey("run-7").map(JobRecord::id)).contains(a.id());
        assertThat(tenant.jobs().count(JobFilter.all())).as("no duplicate job is stored").isEqualTo(1);
        assertThat(tenant.audit().count(dev.orion.store.AuditFilter.all().withResourceType("job").withAction("create")))
                .isEqualTo(1);
        service.await(a.id(), Duration.ofSeconds(30));
        long succeeded = service.list(JobFilter.all().withStatus(JobStatus.SUCCEEDED), dev.orion.store.PageRequest.first(100)).size();
        assertThat(succeeded).isEqualTo(1);
    }

    @Test
    void reusingAnIdempotencyKeyForAnotherCalculationIsRefused() {
        JobRecord a = service.submit(JobRequest.of(Calculation.singlePoint(argon(5.3)).with(LJ), "analytic-test")
                .withoutResultReuse().withIdempotencyKey("run-8"));
        JobRequest different = JobRequest.of(Calculation.singlePoint(argon(5.6)).with(LJ), "analytic-test")
                .withoutResultReuse().withIdempotencyKey("run-8");
        assertThatThrownBy(() -> service.submit(different)).isInstanceOf(dev.orion.store.ConflictException.class)
                .hasMessageContaining("run-8").hasMessageContaining(a.id());
        assertThat(tenant.jobs().count(JobFilter.all())).as("nothing more is stored").isEqualTo(1);
    }

    @Test
    void concurrentSubmitsWithOneKeyStartOneJob() throws Exception {
        JobRequest req = JobRequest.of(Calculation.singlePoint(argon(5.35)).with(LJ), "analytic-test")
                .withoutResultReuse().withIdempotencyKey("burst");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<String> ids = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<JobRecord>> submits = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                submits.add(pool.submit(() -> {
                    go.await();
                    return service.submit(req);
                }));
            }
            go.countDown();
            for (Future<JobRecord> f : submits) {
                ids.add(f.get().id());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(service.await(ids.get(0), Duration.ofSeconds(30)).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(tenant.jobs().count(JobFilter.all())).isEqualTo(1);
        assertThat(events).filteredOn(e -> e.type() == JobEvent.Type.SUBMITTED).hasSize(1);
    }

    @Test
    void anInvalidCalculationIsRefusedAndNothingIsStored() {
        Structure cu = Structure.builder().lattice(Lattice.cubic(3.6)).addSite(Element.of("Cu"), 0, 0, 0).build();
        assertThatThrownBy(() -> service.submit(JobRequest.of(Calculation.singlePoint(cu).with(LJ), "analytic-test")))
                .isInstanceOf(InvalidCalculationException.class).hasMessageContaining("Cu");
        assertThat(tenant.jobs().count(JobFilter.all())).isZero();
        assertThatThrownBy(() -> service.submit(JobRequest.of(Calculation.singlePoint(cu), "nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }

    @Test
    void cancellingARunningInProcessJobInterruptsIt() throws Exception {
        service.close();
        AnalyticTestEngine slow = AnalyticTestEngine.withDelay(Duration.ofMinutes(5));
        service = service(slow);
        service.start();
        JobRecord job = service.submit(JobRequest.of(Calculation.singlePoint(argon(5.3)).with(LJ), "analytic-test"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (service.status(job.id()) != JobStatus.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(service.status(job.id())).isEqualTo(JobStatus.RUNNING);
        assertThat(service.cancel(job.id()).status()).isEqualTo(JobStatus.CANCELLED);
        JobRecord done = service.await(job.id(), Duration.ofSeconds(5)).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(service.shutdown(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void anInProcessJobOfADeadJvmIsFailedByPolicyOnRestart() throws Exception {
        // a job left RUNNING by a JVM that died: its lease lapses and the new service recovers it
        service.close();
        tenant = stores.tenant(TenantId.of("acme"), Principal.user("alice"));
        JobService dying = JobService.builder(tenant).engine(AnalyticTestEngine.withDelay(Duration.ofMinutes(5)))
                .workRoot(work).lease(Duration.ofMillis(300)).pollInterval(Duration.ofMillis(20))
                .recoveryPolicy(RecoveryPolicy.FAIL).workerId("dying").build();
        JobRecord job = dying.submit(JobRequest.of(Calculation.singlePoint(argon(5.3)).with(LJ), "analytic-test"));
        // claim it as the dying worker would, then vanish without completing the item
        var lease = tenant.workQueue().claim("orion.jobs", "dying", 1, Duration.ofMillis(300)).get(0);
        assertThat(lease.item().payload()).isEqualTo(job.id());
        tenant.jobs().transition(job.id(), dev.orion.store.JobTransition.of(JobStatus.SUBMITTED, JobStatus.RUNNING));
        service = JobService.builder(tenant).engine(AnalyticTestEngine.create()).workRoot(work).listener(events::add)
                .lease(Duration.ofMillis(300)).pollInterval(Duration.ofMillis(20)).recoveryPolicy(RecoveryPolicy.FAIL).build();
        service.start();
        JobRecord recovered = service.await(job.id(), Duration.ofSeconds(20)).orElseThrow();
        assertThat(recovered.status()).isEqualTo(JobStatus.FAILED);
        assertThat(recovered.error().orElseThrow()).contains("JVM died");
        assertThat(events).extracting(JobEvent::type).contains(JobEvent.Type.RECOVERED);
    }

    /** Events are emitted after the state change is stored, so a test that saw the state waits for the event. */
    private void awaitEvent(JobEvent.Type type) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (events.stream().noneMatch(e -> e.type() == type) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
