package dev.orion.engines.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.orion.core.Stores;
import dev.orion.core.jobs.JobRetryPolicy;
import dev.orion.core.jobs.JobService;
import dev.orion.core.jobs.RecoveryPolicy;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.JobEvent;
import dev.orion.engine.JobRequest;
import dev.orion.engine.Potential;
import dev.orion.engine.ProgramRun;
import dev.orion.engine.Resources;
import dev.orion.engines.TestPrograms;
import dev.orion.engines.lammps.LammpsEngine;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.store.JobRecord;
import dev.orion.store.JobStatus;
import dev.orion.store.JobTransition;
import dev.orion.store.OrionStores;
import dev.orion.store.TenantStores;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job service driving real programs on the local executor. */
class JobServiceProgramTest {

    static final Element CU = Element.of("Cu");

    @TempDir
    Path work;

    final OrionStores stores = Stores.inMemory();
    final TenantStores tenant = stores.tenant(TenantId.of("lab"), Principal.user("bob"));
    final LocalExecutor local = LocalExecutor.builder().maxConcurrent(2).killGrace(Duration.ofSeconds(2)).build();
    final List<JobEvent> events = new CopyOnWriteArrayList<>();
    JobService service;

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
        local.close();
    }

    static Structure cu(double a, int n) {
        return Structure.builder().lattice(Lattice.cubic(a)).addSite(CU, 0, 0, 0).addSite(CU, 0.5, 0.5, 0)
                .addSite(CU, 0.5, 0, 0.5).addSite(CU, 0, 0.5, 0.5).build().supercell(n, n, n);
    }

    private JobService.Builder builder() {
        return JobService.builder(tenant).executor(local).workRoot(work).listener(events::add)
                .pollInterval(Duration.ofMillis(20)).lease(Duration.ofMillis(500)).concurrency(2);
    }

    private static void waitFor(BooleanSupplier c, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void aLammpsRelaxationRunsAsAJobAndKeepsItsFiles() throws Exception {
        TestPrograms.require("lmp");
        service = builder().engine(LammpsEngine.builder().build()).build();
        service.start();
        Calculation relax = Calculation.relax(cu(3.65, 2)).withCell(true).with(Potential.eam(Path.of("Cu_u3.eam"), CU));
        JobRecord job = service.submit(JobRequest.of(relax, "lammps"));
        CalculationResult r = service.awaitResult(job.id(), Duration.ofSeconds(60));
        assertThat(r.energyPerAtom()).isCloseTo(-3.54, within(5e-5));
        assertThat(r.outputFiles().get("log")).exists();
        JobRecord done = service.job(job.id()).orElseThrow();
        assertThat(done.executor()).isEqualTo("local");
        assertThat(done.externalId()).hasValueSatisfying(id -> assertThat(id).startsWith("local-"));
        awaitEvent(JobEvent.Type.SUCCEEDED);
        assertThat(events).extracting(JobEvent::type).containsSubsequence(JobEvent.Type.SUBMITTED, JobEvent.Type.QUEUED,
                JobEvent.Type.SUCCEEDED);
    }

    @Test
    void cancellingAJobStopsItsLammpsProcess() throws Exception {
        TestPrograms.require("lmp");
        service = builder().engine(LammpsEngine.builder().build()).build();
        service.start();
        Calculation md = Calculation.md(cu(3.615, 3)).steps(50_000_000).sampleEvery(1000).build()
                .with(Potential.eam(Path.of("Cu_u3.eam"), CU));
        JobRecord job = service.submit(JobRequest.of(md, "lammps"));
        Path runFile = work.resolve("lab").resolve(job.id()).resolve("attempt-1").resolve(LocalExecutor.RUN_FILE);
        waitFor(() -> Files.exists(runFile) && service.status(job.id()) == JobStatus.RUNNING, Duration.ofSeconds(30),
                "lmp to run");
        long pid = Long.parseLong(Files.readString(runFile).trim().split("\\s+")[0]);
        ProcessHandle lmp = ProcessHandle.of(pid).orElseThrow();
        service.cancel(job.id());
        waitFor(() -> !lmp.isAlive(), Duration.ofSeconds(15), "lmp to die");
        assertThat(service.await(job.id(), Duration.ofSeconds(5)).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void aCrashedRunIsRetriedByPolicy() throws Exception {
        service = builder().engine(new FlakyProgramEngine(work.resolve("crashed-once")))
                .retryPolicy(JobRetryPolicy.transientFailures(2, Duration.ZERO)).build();
        service.start();
        JobRecord job = service.submit(JobRequest.of(Calculation.singlePoint(cu(3.6, 1)), "flaky"));
        assertThat(service.awaitResult(job.id(), Duration.ofSeconds(30)).energy()).isEqualTo(-1.25);
        assertThat(events).extracting(JobEvent::type).contains(JobEvent.Type.RETRIED);
        assertThat(work.resolve("lab").resolve(job.id()).resolve("attempt-2")).isDirectory();
    }

    @Test
    void withoutRetriesACrashFailsTheJobWithTheProgramsMessage() throws Exception {
        service = builder().engine(new FlakyProgramEngine(work.resolve("m"))).retryPolicy(JobRetryPolicy.none()).build();
        service.start();
        JobRecord job = service.submit(JobRequest.of(Calculation.singlePoint(cu(3.6, 1)), "flaky"));
        JobRecord done = service.await(job.id(), Duration.ofSeconds(30)).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.error().orElseThrow()).contains("segfault").contains("exit code 1");
    }

    @Test
    void aLocalRunLeftByADeadJvmIsKilledAndTheJobFailedOnRestart() throws Exception {
        // "the dead JVM": a job claimed and launched by another executor instance, then abandoned
        JobRecord job;
        Path dir;
        ProcessHandle orphan;
        try (LocalExecutor other = LocalExecutor.builder().build()) {
            JobService dead = JobService.builder(tenant).engine(new FlakyProgramEngine(work.resolve("x")))
                    .executor(other).workRoot(work).build();
            job = dead.submit(JobRequest.of(Calculation.singlePoint(cu(3.6, 1)), "flaky"));
            tenant.workQueue().claim("orion.jobs", "dead-worker", 1, Duration.ofMillis(300));
            dir = Files.createDirectories(work.resolve("lab").resolve(job.id()).resolve("attempt-1"));
            String id = other.launch(new ProgramRun(dir, List.of("sleep", "300"), Map.of(), List.of(), "sleep"),
                    Resources.defaults(), "orphan");
            Files.writeString(dir.resolve(".orion-execution"), id + "\n");
            tenant.jobs().transition(job.id(), JobTransition.of(JobStatus.SUBMITTED, JobStatus.QUEUED).withExternalId(id));
            waitFor(() -> other.pid(id).isPresent() && Files.exists(dir.resolve(LocalExecutor.RUN_FILE)),
                    Duration.ofSeconds(10), "the orphan to start");
            orphan = ProcessHandle.of(other.pid(id).orElseThrow()).orElseThrow();
            service = builder().engine(new FlakyProgramEngine(work.resolve("x"))).recoveryPolicy(RecoveryPolicy.FAIL).build();
            service.start();
            JobRecord recovered = service.await(job.id(), Duration.ofSeconds(30)).orElseThrow();
            assertThat(recovered.status()).isEqualTo(JobStatus.FAILED);
            assertThat(recovered.error().orElseThrow()).contains("was lost when its JVM died").contains("stopped");
            ProcessHandle o = orphan;
            waitFor(() -> !o.isAlive(), Duration.ofSeconds(10), "the orphan to be killed");
        }
    }

    /** Events are emitted after the state change is stored, so a test that saw the state waits for the event. */
    private void awaitEvent(JobEvent.Type type) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (events.stream().noneMatch(e -> e.type() == type) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
