package dev.orion.engines.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.jobs.JobService;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.Executor;
import dev.orion.engine.JobRequest;
import dev.orion.engine.ProgramRun;
import dev.orion.engine.Resources;
import dev.orion.engine.RunOutcome;
import dev.orion.engine.RunState;
import dev.orion.engines.eam.AnalyticTestEngine;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.store.JobFilter;
import dev.orion.store.JobRecord;
import dev.orion.store.JobStatus;
import dev.orion.store.OrionStores;
import dev.orion.store.PageRequest;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The documented entry point: an {@link Orion} built with engines and executors hands out tenants' job services. */
class OrionJobsTest {

    static final TenantId ACME = TenantId.of("acme");
    static final TenantId GLOBEX = TenantId.of("globex");
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    static Stream<Arguments> stores() {
        return Stream.of(Arguments.of("in memory", (StoreFactory) d -> Stores.inMemory()),
                Arguments.of("embedded", (StoreFactory) d -> Stores.embedded(d.resolve("data"))));
    }

    interface StoreFactory {
        OrionStores open(Path dir);
    }

    Orion orion(OrionStores stores, Executor executor) throws Exception {
        Path marker = dir.resolve("flaky-marker");
        // with the marker in place the flaky engine succeeds at once: it runs a real shell script on the executor
        if (!Files.exists(marker)) {
            Files.createFile(marker);
        }
        return Orion.builder().store(stores).engine(AnalyticTestEngine.create()).engine(new FlakyProgramEngine(marker))
                .executor(executor).workRoot(dir.resolve("work")).build();
    }

    static Calculation argon(double a) {
        return Calculation.singlePoint(JobServiceTest.argon(a)).with(JobServiceTest.LJ);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void jobsSubmittedThroughATenantViewRunAndKeepTheirResult(String name, StoreFactory stores) throws Exception {
        try (Orion orion = orion(stores.open(dir), LocalExecutor.builder().build())) {
            OrionTenant acme = orion.tenant(ACME);
            JobRecord inJvm = acme.jobs().submit(JobRequest.of(argon(5.3), "analytic-test"));
            JobRecord program = acme.jobs().submit(JobRequest.of(argon(5.3), "flaky"));

            CalculationResult r = acme.jobs().awaitResult(inJvm.id(), WAIT);
            assertThat(r.energy()).isCloseTo(AnalyticTestEngine.create().compute(argon(5.3), dir).energy(), within(1e-12));
            assertThat(acme.jobs().awaitResult(program.id(), WAIT).energy()).isEqualTo(-1.25);
            JobRecord ran = acme.jobs().job(program.id()).orElseThrow();
            assertThat(ran.executor()).isEqualTo("local");
            assertThat(ran.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(dir.resolve("work").resolve("acme").resolve(program.id())).isDirectory();
            assertThat(acme.jobs().job(inJvm.id())).map(JobRecord::status).contains(JobStatus.SUCCEEDED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void twoTenantsJobsAreIsolated(String name, StoreFactory stores) throws Exception {
        try (Orion orion = orion(stores.open(dir), LocalExecutor.builder().build())) {
            JobService acme = orion.tenant(ACME).jobs();
            JobService globex = orion.tenant(GLOBEX).jobs();
            assertThat(acme).isNotSameAs(globex);
            assertThat(orion.tenant(ACME, Principal.user("alice")).jobs()).as("one service per tenant, whatever the actor")
                    .isSameAs(acme);

            JobRecord a = acme.submit(JobRequest.of(argon(5.3), "analytic-test"));
            JobRecord g = globex.submit(JobRequest.of(argon(5.6), "analytic-test"));
            double ea = acme.awaitResult(a.id(), WAIT).energy();
            double eg = globex.awaitResult(g.id(), WAIT).energy();
            assertThat(ea).isNotEqualTo(eg);

            assertThat(acme.job(g.id())).isEmpty();
            assertThat(globex.job(a.id())).isEmpty();
            assertThat(acme.result(g.id())).isEmpty();
            assertThatThrownBy(() -> acme.cancel(g.id())).isInstanceOf(IllegalArgumentException.class);
            assertThat(acme.list(JobFilter.all(), PageRequest.first(10))).extracting(JobRecord::id).containsExactly(a.id());
            assertThat(globex.list(JobFilter.all(), PageRequest.first(10))).extracting(JobRecord::id).containsExactly(g.id());
            assertThat(orion.stores().tenant(GLOBEX, Principal.user("bob")).jobs().find(a.id())).as("the store SPI too").isEmpty();
            assertThat(globex.status(g.id())).isEqualTo(JobStatus.SUCCEEDED);
        }
    }

    @Test
    void jobsOfTheEmbeddedStoreOutliveTheInstance() throws Exception {
        String id;
        double energy;
        try (Orion orion = orion(Stores.embedded(dir.resolve("data")), LocalExecutor.builder().build())) {
            JobService acme = orion.tenant(ACME).jobs();
            id = acme.submit(JobRequest.of(argon(5.4), "analytic-test")).id();
            energy = acme.awaitResult(id, WAIT).energy();
        }
        try (Orion orion = orion(Stores.embedded(dir.resolve("data")), LocalExecutor.builder().build())) {
            assertThat(orion.tenant(ACME).jobs().result(id)).map(CalculationResult::energy).contains(energy);
            assertThat(orion.tenant(GLOBEX).jobs().job(id)).isEmpty();
        }
    }

    @Test
    void closeStopsTheJobServicesAndClosesTheExecutors() throws Exception {
        AtomicBoolean executorClosed = new AtomicBoolean();
        Orion orion = orion(Stores.inMemory(), new ClosingExecutor(executorClosed));
        OrionTenant acme = orion.tenant(ACME);
        JobRecord job = acme.jobs().submit(JobRequest.of(argon(5.3), "analytic-test"));
        assertThat(acme.jobs().awaitResult(job.id(), WAIT).energy()).isNegative();
        orion.close();
        assertThat(executorClosed).isTrue();
        assertThatThrownBy(acme::jobs).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> orion.tenant(GLOBEX).jobs()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDefaultExecutorCanBeNamedAndMustExist() throws Exception {
        AtomicBoolean unused = new AtomicBoolean();
        try (Orion orion = Orion.builder().store(Stores.inMemory()).engine(new FlakyProgramEngine(dir.resolve("m")))
                .executor(new ClosingExecutor(unused)).executor(LocalExecutor.builder().build())
                .defaultExecutor("local").workRoot(dir.resolve("work")).build()) {
            Files.createFile(dir.resolve("m"));
            JobService jobs = orion.tenant(ACME).jobs();
            JobRecord job = jobs.submit(JobRequest.of(argon(5.3), "flaky"));
            assertThat(jobs.awaitResult(job.id(), WAIT).energy()).isEqualTo(-1.25);
            assertThat(jobs.job(job.id()).orElseThrow().executor()).isEqualTo("local");
        }
        assertThatThrownBy(() -> Orion.builder().store(Stores.inMemory()).executor(LocalExecutor.builder().build())
                .defaultExecutor("slurm").build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slurm");
    }

    /** An executor that refuses to run anything and records that it was closed. */
    private static final class ClosingExecutor implements Executor, AutoCloseable {
        private final AtomicBoolean closed;

        ClosingExecutor(AtomicBoolean closed) {
            this.closed = closed;
        }

        @Override public String name() { return "closing"; }
        @Override public String launch(ProgramRun run, Resources resources, String jobName) {
            throw new IllegalStateException("not for running");
        }
        @Override public RunState status(String executionId) { return RunState.UNKNOWN; }
        @Override public Optional<RunOutcome> await(String executionId, Duration timeout) { return Optional.empty(); }
        @Override public void cancel(String executionId) { }
        @Override public boolean runsSurviveRestart() { return false; }
        @Override public void close() { closed.set(true); }
    }
}
