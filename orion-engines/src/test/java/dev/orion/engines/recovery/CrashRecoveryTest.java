package dev.orion.engines.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.core.Stores;
import dev.orion.core.jobs.JobService;
import dev.orion.engines.TestPrograms;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.store.JobFilter;
import dev.orion.store.JobRecord;
import dev.orion.store.JobStatus;
import dev.orion.store.OrionStores;
import dev.orion.store.PageRequest;
import dev.orion.store.TenantStores;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills JVMs that run local and SLURM jobs with SIGKILL at random moments, 20 times in a row; each
 * new JVM reconciles what the last one left. In the end every job has ended, SLURM jobs were
 * re-attached (they succeed, having run once), and no job ran twice.
 */
class CrashRecoveryTest {

    static final int TRIALS = 20;

    @TempDir
    Path dir;

    @Test
    void jobsSurviveSigkilledJvmsWithoutBeingLostOrRunTwice() throws Exception {
        TestPrograms.require("sbatch");
        Path db = dir.resolve("db");
        Path work = dir.resolve("work");
        Path runLog = dir.resolve("runs.log");
        Files.writeString(runLog, "");
        Map<String, String> submitted = new HashMap<>();
        Random random = new Random(20261121);
        String java = ProcessHandle.current().info().command().orElse("java");
        for (int trial = 0; trial < TRIALS; trial++) {
            Process child = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), CrashRecoveryChild.class.getName(), db.toString(),
                    work.toString(), runLog.toString(), Integer.toString(trial))
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                // kill at a random moment after the service started: before, between or after the submissions
                long killAfter = random.nextInt(1500);
                Thread killer = null;
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.equals("READY") && killer == null) {
                        killer = new Thread(() -> {
                            try {
                                TimeUnit.MILLISECONDS.sleep(killAfter);
                            } catch (InterruptedException e) {
                                return;
                            }
                            // SIGKILL through the handle: Process.destroyForcibly would also close the stream
                            // this thread's reader is blocked on ("Stream closed")
                            child.toHandle().destroyForcibly();
                        });
                        killer.start();
                    } else if (line.startsWith("SUBMITTED ")) {
                        String[] p = line.split(" ");
                        submitted.put(p[2], p[1]);
                    }
                }
                if (killer != null) {
                    killer.join();
                }
                assertThat(killer).as("child %d started its job service", trial).isNotNull();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            }
        }
        assertThat(submitted).isNotEmpty();

        // the survivor: reconciles the last child's jobs and waits for every job to end
        try (OrionStores stores = Stores.embedded(db); LocalExecutor local = LocalExecutor.builder().build()) {
            TenantStores tenant = CrashRecoveryChild.tenant(stores);
            try (JobService service = CrashRecoveryChild.service(tenant, work, runLog, "survivor", local)) {
                service.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (tenant.jobs().count(JobFilter.all().withStatus(JobStatus.SUBMITTED, JobStatus.QUEUED,
                        JobStatus.RUNNING)) > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                List<JobRecord> all = new ArrayList<>(tenant.jobs().query(JobFilter.all(), PageRequest.first(1000)).items());
                Map<String, Long> runs = new HashMap<>();
                for (String id : Files.readAllLines(runLog)) {
                    if (!id.isBlank()) {
                        runs.merge(id.trim(), 1L, Long::sum);
                    }
                }
                assertThat(all).allSatisfy(j -> assertThat(j.status().isTerminal()).as("job %s %s", j.id(), j.status()).isTrue());
                assertThat(all).extracting(JobRecord::id).containsAll(submitted.keySet());
                assertThat(runs.values()).allSatisfy(n -> assertThat(n).as("runs of one job").isEqualTo(1L));
                for (JobRecord j : all) {
                    if (j.executor().equals("slurm")) {
                        assertThat(j.status()).as("SLURM job %s: %s", j.id(), j.error()).isEqualTo(JobStatus.SUCCEEDED);
                        assertThat(runs.get(j.id())).isEqualTo(1L);
                    } else if (j.status() == JobStatus.FAILED) {
                        assertThat(j.error().orElseThrow()).contains("JVM died");
                    } else {
                        assertThat(j.status()).isEqualTo(JobStatus.SUCCEEDED);
                        assertThat(runs.get(j.id())).isEqualTo(1L);
                    }
                }
            }
        }
    }
}
