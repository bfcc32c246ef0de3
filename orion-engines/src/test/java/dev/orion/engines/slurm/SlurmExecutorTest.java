package dev.orion.engines.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.ExecutorException;
import dev.orion.core.Stores;
import dev.orion.core.jobs.JobService;
import dev.orion.engine.Calculation;
import dev.orion.engine.JobRequest;
import dev.orion.engine.Potential;
import dev.orion.engine.ProgramRun;
import dev.orion.engine.Resources;
import dev.orion.engine.RunOutcome;
import dev.orion.engine.RunState;
import dev.orion.engines.TestPrograms;
import dev.orion.engines.lammps.LammpsEngine;
import dev.orion.store.JobRecord;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Real SLURM: submit, exit codes, cancel, partition checks, find by name, a LAMMPS job through the
 * job service, and (last, since SLURM checks limits about once a minute) a time-limit kill.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlurmExecutorTest {

    static final SlurmExecutor SLURM = SlurmExecutor.builder().polling(Duration.ofMillis(100), Duration.ofSeconds(1)).build();
    static Path root;
    static String timeoutJob;

    @BeforeAll
    static void startTheSlowTimeoutJobFirst() throws Exception {
        TestPrograms.require("sbatch");
        root = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "orion-slurm");
        timeoutJob = SLURM.launch(shell(dir("timeout"), "sleep 600"),
                Resources.builder().timeLimit(Duration.ofMinutes(1)).build(), "orion-test-timeout");
    }

    @AfterAll
    static void cleanUp() {
        if (timeoutJob != null) {
            SLURM.cancel(timeoutJob);
        }
    }

    static Path dir(String name) throws Exception {
        return Files.createDirectories(root.resolve(name));
    }

    static ProgramRun shell(Path dir, String script) {
        return new ProgramRun(dir, List.of("sh", "-c", script), Map.of("ORION_GREETING", "hello world"), List.of(), "sh");
    }

    @Test
    @Order(1)
    void aCompletedJobHasExitCodeZeroAndItsOutput() throws Exception {
        String id = SLURM.launch(shell(dir("ok"), "echo $ORION_GREETING"), Resources.defaults(), "orion-test-ok");
        RunOutcome o = SLURM.await(id, Duration.ofSeconds(60)).orElseThrow();
        assertThat(o.state()).isEqualTo(RunState.COMPLETED);
        assertThat(o.exitCode()).contains(0);
        assertThat(Files.readString(o.stdout())).isEqualTo("hello world\n");
        assertThat(SLURM.find("orion-test-ok")).contains(id);
    }

    @Test
    @Order(2)
    void aNonZeroExitIsFailedWithItsCode() throws Exception {
        String id = SLURM.launch(shell(dir("bad"), "echo oops >&2; exit 3"), Resources.defaults(), "orion-test-bad");
        RunOutcome o = SLURM.await(id, Duration.ofSeconds(60)).orElseThrow();
        assertThat(o.state()).isEqualTo(RunState.FAILED);
        assertThat(o.exitCode()).contains(3);
        assertThat(o.reason()).contains("NonZeroExitCode");
        assertThat(Files.readString(o.stderr())).isEqualTo("oops\n");
    }

    @Test
    @Order(3)
    void cancelStopsARunningJob() throws Exception {
        String id = SLURM.launch(shell(dir("cancel"), "sleep 600"), Resources.defaults(), "orion-test-cancel");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (SLURM.status(id) != RunState.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(SLURM.status(id)).isEqualTo(RunState.RUNNING);
        SLURM.cancel(id);
        RunOutcome o = SLURM.await(id, Duration.ofSeconds(30)).orElseThrow();
        assertThat(o.state()).isEqualTo(RunState.CANCELLED);
        assertThat(SLURM.status("999999")).isEqualTo(RunState.UNKNOWN);
    }

    @Test
    @Order(4)
    void requestsBeyondThePartitionAreRefusedBeforeSubmitting() throws Exception {
        Path d = dir("huge");
        assertThatThrownBy(() -> SLURM.launch(shell(d, "true"), Resources.builder().tasks(4096).build(), "orion-test-huge"))
                .isInstanceOf(ExecutorException.class).hasMessageContaining("4096 tasks");
        assertThatThrownBy(() -> SLURM.launch(shell(d, "true"), Resources.builder().memoryMb(100_000_000).build(), "x"))
                .isInstanceOf(ExecutorException.class).hasMessageContaining("MB");
        assertThatThrownBy(() -> SLURM.launch(shell(d, "true"), Resources.builder().partition("nope").build(), "x"))
                .isInstanceOfSatisfying(ExecutorException.class, e -> assertThat(e.isTransient()).isFalse());
        assertThat(SLURM.find("orion-test-huge")).isEmpty();
    }

    @Test
    @Order(5)
    void aLammpsRelaxationRunsOnSlurmThroughTheJobService() throws Exception {
        TestPrograms.require("lmp");
        Element cu = Element.of("Cu");
        Structure s = Structure.builder().lattice(Lattice.cubic(3.65)).addSite(cu, 0, 0, 0).addSite(cu, 0.5, 0.5, 0)
                .addSite(cu, 0.5, 0, 0.5).addSite(cu, 0, 0.5, 0.5).build().supercell(2, 2, 2);
        try (JobService jobs = JobService.builder(Stores.inMemory().tenant(TenantId.of("hpc"), Principal.user("c")))
                .engine(LammpsEngine.builder().build()).executor(SLURM).workRoot(dir("service"))
                .pollInterval(Duration.ofMillis(100)).build()) {
            jobs.start();
            JobRecord job = jobs.submit(JobRequest.of(Calculation.relax(s).withCell(true)
                    .with(Potential.eam(Path.of("Cu_u3.eam"), cu)), "lammps"));
            assertThat(jobs.awaitResult(job.id(), Duration.ofSeconds(90)).energyPerAtom()).isCloseTo(-3.54, within(5e-5));
            JobRecord done = jobs.job(job.id()).orElseThrow();
            assertThat(done.executor()).isEqualTo("slurm");
            assertThat(done.externalId()).hasValueSatisfying(id -> assertThat(id).matches("\\d+"));
        }
    }

    @Test
    @Order(99)
    void aJobOverItsTimeLimitEndsInTimeout() throws Exception {
        RunOutcome o = SLURM.await(timeoutJob, Duration.ofSeconds(150)).orElseThrow();
        assertThat(o.state()).isEqualTo(RunState.TIMEOUT);
        assertThat(o.exitCode()).contains(143);
        assertThat(o.reason()).contains("TimeLimit");
        timeoutJob = null;
    }
}
