package dev.orion.engines.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.campaign.Evaluator;
import dev.orion.campaign.Goal;
import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.campaign.runner.CampaignListener;
import dev.orion.core.campaign.runner.CampaignOutcome;
import dev.orion.core.campaign.runner.CampaignRunner;
import dev.orion.core.campaign.runner.StopCriteria;
import dev.orion.core.campaign.strategy.Strategies;
import dev.orion.store.JobFilter;
import dev.orion.store.ObservationRecord;
import dev.orion.store.OrionStores;
import dev.orion.store.PageRequest;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills 20 JVMs running a job-backed campaign with SIGKILL at random moments (after their first or second
 * observation, plus up to 100 ms); each new JVM resumes the campaign
 * from the store. In the end the campaign has exactly its budget of observations, each from its own job,
 * none failed, in the same order as an uninterrupted run of the same seed.
 */
class CampaignCrashTest {

    static final int TRIALS = 20;

    @TempDir
    Path dir;

    @Test
    void aCampaignSurvivesSigkilledJvmsWithNoEvaluationLostOrRunTwice() throws Exception {
        Path db = dir.resolve("db");
        Path work = dir.resolve("work");
        Random random = new Random(20261206);
        String java = ProcessHandle.current().info().command().orElse("java");
        int killed = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Process child = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), CampaignCrashChild.class.getName(), db.toString(),
                    work.toString(), Integer.toString(trial))
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            // kill after this child's first or second observation, plus up to 100 ms: mid-evaluation, between
            // submitting and recording, or while proposing
            int killAtObservation = 1 + random.nextInt(2);
            long killAfter = random.nextInt(100);
            Thread killer = null;
            int observations = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("OBSERVED ") && ++observations == killAtObservation) {
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
                    }
                }
            }
            if (killer != null) {
                killer.join();
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("child %d: killed (137) or done (0)", trial).isIn(0, 137);
            killed += child.exitValue() == 137 ? 1 : 0;
        }
        assertThat(killed).as("children killed mid-campaign").isGreaterThanOrEqualTo(TRIALS / 2);

        try (OrionStores stores = Stores.embedded(db)) {
            CampaignOutcome outcome = CampaignCrashChild.runOrResume(stores, work, "survivor", new CampaignListener() { });
            assertThat(outcome.evaluations()).isEqualTo(CampaignCrashChild.EVALUATIONS);
            assertThat(outcome.observations()).noneMatch(o -> o.isFailure());
            OrionTenant tenant = Orion.builder().store(stores).build().tenant(TenantId.of("crash"), Principal.system("crash-test"));
            List<ObservationRecord> records = tenant.campaigns().observations(outcome.campaignId(), PageRequest.first(1000)).items();
            assertThat(records).hasSize(CampaignCrashChild.EVALUATIONS);
            assertThat(records).extracting(r -> r.jobId().orElseThrow()).doesNotHaveDuplicates();
            assertThat(stores.tenant(TenantId.of("crash"), Principal.system("crash-test")).jobs().count(JobFilter.all()))
                    .as("one job per proposal").isEqualTo(CampaignCrashChild.EVALUATIONS);

            try (Orion reference = Orion.builder().store(Stores.inMemory()).build()) {
                CampaignOutcome uninterrupted = CampaignRunner.builder(reference.tenant(TenantId.of("crash")))
                        .name(CampaignCrashChild.NAME).space(JobCampaignTest.SPACE).goal(Goal.minimize("energy_per_atom")).strategy(Strategies.sobol())
                        .evaluator(Evaluator.of("lj", "energy_per_atom", "eV/atom", c -> 0.0))
                        .stop(StopCriteria.afterEvaluations(CampaignCrashChild.EVALUATIONS))
                        .batchSize(3).seed(9).build().run();
                assertThat(outcome.observations()).extracting(o -> o.candidate().id())
                        .isEqualTo(uninterrupted.observations().stream().map(o -> o.candidate().id()).toList());
            }
        }
    }
}
