package dev.orion.engines.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.core.Stores;
import dev.orion.core.jobs.JobService;
import dev.orion.core.jobs.RecoveryPolicy;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.store.JobStatus;
import dev.orion.store.OrionStores;
import dev.orion.store.TenantStores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash recovery of local jobs with {@link RecoveryPolicy#REQUEUE} and retries on: a JVM is killed with
 * SIGKILL while one job has completed and another is running. The next JVM must not run the completed
 * job again, must stop what is left of the interrupted run, and must run the interrupted job again
 * exactly once, to success.
 */
class RequeueCrashRecoveryTest {

    @TempDir
    Path dir;

    private static long count(Path log, String id) throws IOException {
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(id::equals).count() : 0;
    }

    private static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static BooleanSupplier started(Path runLog, String id, long times) {
        return () -> {
            try {
                return count(runLog, id) >= times;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    @Test
    void aCompletedJobNeverRunsAgainAndAnInterruptedOneRunsAgainExactlyOnce() throws Exception {
        Path db = dir.resolve("db");
        Path work = dir.resolve("work");
        Path runLog = dir.resolve("runs.log");
        Path doneLog = CountingProgramEngine.doneLog(runLog);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                RequeueCrashChild.class.getName(), db.toString(), work.toString(), runLog.toString())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String completed = null;
        String interrupted = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (interrupted == null && (line = out.readLine()) != null) {
                if (line.startsWith("COMPLETED ")) {
                    completed = line.substring(10);
                } else if (line.startsWith("INTERRUPTED ")) {
                    interrupted = line.substring(12);
                }
            }
            assertThat(completed).as("the child ran its first job").isNotNull();
            assertThat(interrupted).as("the child submitted its second job").isNotNull();
            await("the second job started in the child", started(runLog, interrupted, 1));
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(count(runLog, completed)).isEqualTo(1);
        assertThat(count(doneLog, interrupted)).as("the killed JVM's run did not finish").isZero();

        try (OrionStores stores = Stores.embedded(db); LocalExecutor local = LocalExecutor.builder().build()) {
            TenantStores tenant = CrashRecoveryChild.tenant(stores);
            try (JobService service = CrashRecoveryChild.service(tenant, work, runLog, "survivor", local,
                    RecoveryPolicy.REQUEUE, RequeueCrashChild.RETRIES)) {
                service.start();
                await("the interrupted job started again", started(runLog, interrupted, 2));
                // open the gate only now: a leftover of the killed run, had recovery not stopped it, would finish too
                Files.delete(CountingProgramEngine.gate(runLog));
                assertThat(service.await(interrupted, Duration.ofSeconds(60)).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
                assertThat(service.status(completed)).isEqualTo(JobStatus.SUCCEEDED);
            }
        }
        List<String> starts = Files.readAllLines(runLog);
        assertThat(starts).as("runs started").containsExactlyInAnyOrder(completed, interrupted, interrupted);
        assertThat(Files.readAllLines(doneLog)).as("runs that got to their end").containsExactlyInAnyOrder(completed, interrupted);
    }
}
