package dev.orion.engines.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.core.Stores;
import dev.orion.store.JobFilter;
import dev.orion.store.JobRecord;
import dev.orion.store.JobStatus;
import dev.orion.store.OrionStores;
import dev.orion.store.PageRequest;
import dev.orion.store.WorkflowRunRecord;
import dev.orion.store.WorkflowRunState;
import dev.orion.store.WorkflowRunStore;
import dev.orion.store.WorkflowStepState;
import dev.orion.tenant.Principal;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workflow SIGKILLed in the middle of its fan-out and started again with the same run id finishes, and
 * no calculation that had finished before the kill is computed again: the steps and items stored as finished are
 * restored from the run store, not run again.
 */
class WorkflowKillTest {

    @TempDir
    Path dir;

    @Test
    void aKilledRunResumesWithoutRecomputingFinishedCalculations() throws Exception {
        Path db = dir.resolve("db");
        Path log = dir.resolve("computed.log");
        Files.writeString(log, "");

        Process first = child(db, log, "first");
        List<String> firstOut = new ArrayList<>();
        try (BufferedReader out = reader(first)) {
            String line;
            while ((line = out.readLine()) != null) {
                firstOut.add(line);
                if (line.equals("ITEM 3")) {
                    first.destroyForcibly();
                    break;
                }
            }
        }
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("killed by SIGKILL: %s", firstOut).isEqualTo(137);
        assertThat(firstOut).noneMatch(l -> l.startsWith("DONE"));

        Map<Integer, String> finishedBeforeKill = new HashMap<>();
        Optional<WorkflowRunRecord> afterKill;
        List<String> stepsStoredBeforeKill = new ArrayList<>();
        try (OrionStores stores = Stores.embedded(db)) {
            afterKill = stores.tenant(WorkflowKillChild.TENANT, Principal.system("check")).workflowRuns().find(WorkflowKillChild.RUN);
            stores.tenant(WorkflowKillChild.TENANT, Principal.system("check")).workflowRuns().steps(WorkflowKillChild.RUN).stream()
                    .filter(st -> st.state() == WorkflowStepState.SUCCEEDED)
                    .forEach(st -> stepsStoredBeforeKill.add(st.stepId() + (st.item().isPresent() ? " " + st.item().getAsInt() : "")));
            afterKill.ifPresent(r -> assertThat(r.state()).as("a killed run stays running").isEqualTo(WorkflowRunState.RUNNING));
            for (JobRecord j : stores.tenant(WorkflowKillChild.TENANT, Principal.system("check")).jobs()
                    .query(JobFilter.all().withStatus(JobStatus.SUCCEEDED), PageRequest.first(100)).items()) {
                String key = j.idempotencyKey().orElseThrow();
                finishedBeforeKill.put(Integer.parseInt(key.substring(key.lastIndexOf(':') + 1)), j.id());
            }
        }
        // three items had finished; the embedded H2 store may lose its last second of commits to a SIGKILL, so
        // at least one of them must be stored (and what is stored must not be computed again)
        assertThat(finishedBeforeKill.size()).isBetween(1, WorkflowKillChild.ITEMS - 1);

        Process second = child(db, log, "second");
        List<String> secondOut = new ArrayList<>();
        try (BufferedReader out = reader(second)) {
            String line;
            while ((line = out.readLine()) != null) {
                secondOut.add(line);
            }
        }
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String done = secondOut.stream().filter(l -> l.startsWith("DONE ")).findFirst().orElseThrow(() -> new AssertionError(secondOut));
        String[] parts = done.split(" ");
        assertThat(parts[1]).isEqualTo("SUCCEEDED");
        assertThat(Double.parseDouble(parts[2])).isPositive();
        List<String> jobs = List.of(parts[3].split(","));
        // the finished items kept their jobs ...
        finishedBeforeKill.forEach((index, job) -> assertThat(jobs).contains(job));
        // ... and their calculations ran exactly once, across both JVMs
        Map<String, Long> computed = new HashMap<>();
        Files.readAllLines(log).stream().filter(l -> !l.isBlank()).forEach(l -> computed.merge(l, 1L, Long::sum));
        for (int index : finishedBeforeKill.keySet()) {
            assertThat(computed.get(volume(index))).as("computations of finished item %d", index).isEqualTo(1L);
        }
        assertThat(computed).hasSize(WorkflowKillChild.ITEMS);
        // every step and item stored as finished was restored, not run again: the cell and the strain series (long
        // finished before the kill) and the stored items; only the unfinished ones ran
        assertThat(stepsStoredBeforeKill).contains("cell", "volumes");
        for (String finished : stepsStoredBeforeKill) {
            assertThat(secondOut).as("%s restored", finished).contains("RESTORED " + finished);
            assertThat(secondOut).doesNotContain("STARTED " + finished);
        }
        assertThat(secondOut).contains("STARTED energies", "STARTED eos");
        assertThat(secondOut.stream().filter(l -> l.startsWith("RESTORED energies ")).count()).isEqualTo(
                stepsStoredBeforeKill.stream().filter(l -> l.startsWith("energies ")).count());
        // the second JVM continued the stored run: same id, one more start, every item recorded
        try (OrionStores stores = Stores.embedded(db)) {
            WorkflowRunStore runs = stores.tenant(WorkflowKillChild.TENANT, Principal.system("check")).workflowRuns();
            WorkflowRunRecord run = runs.find(WorkflowKillChild.RUN).orElseThrow();
            assertThat(run.state()).isEqualTo(WorkflowRunState.SUCCEEDED);
            assertThat(run.starts()).isEqualTo(afterKill.isPresent() ? 2 : 1);
            assertThat(run.finishedAt()).isPresent();
            assertThat(runs.steps(WorkflowKillChild.RUN)).filteredOn(st -> st.stepId().equals("energies") && !st.isWholeStep())
                    .hasSize(WorkflowKillChild.ITEMS).allSatisfy(st -> assertThat(st.state()).isEqualTo(WorkflowStepState.SUCCEEDED));
            assertThat(runs.steps(WorkflowKillChild.RUN)).filteredOn(st -> st.stepId().equals("energies") && st.isWholeStep())
                    .singleElement().satisfies(st -> assertThat(st.jobIds()).containsExactlyElementsOf(jobs));
        }
    }

    /** The volume of item {@code i} of the child's strain series: 4-atom fcc cell of a = 5.3 Å, strains -4%..4%. */
    private static String volume(int i) {
        double e = -0.04 + 0.08 * i / (WorkflowKillChild.ITEMS - 1);
        return String.format(Locale.ROOT, "%.4f", Math.pow(5.3 * (1 + e), 3));
    }

    private Process child(Path db, Path log, String worker) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                WorkflowKillChild.class.getName(), db.toString(), dir.resolve("work").toString(), log.toString(), worker)
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    }

    private static BufferedReader reader(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }
}
