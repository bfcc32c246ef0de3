package dev.orion.engines.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.ExecutorException;
import dev.orion.engine.Calculation;
import dev.orion.engine.Potential;
import dev.orion.engine.ProgramRun;
import dev.orion.engine.Resources;
import dev.orion.engine.RunOutcome;
import dev.orion.engine.RunState;
import dev.orion.engines.TestPrograms;
import dev.orion.engines.lammps.LammpsEngine;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalExecutorTest {

    final LocalExecutor local = LocalExecutor.builder().maxConcurrent(1).killGrace(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        local.close();
    }

    private ProgramRun shell(String script) {
        return new ProgramRun(dir, List.of("sh", "-c", script), Map.of("ORION_TEST", "hello"), List.of(), "sh");
    }

    private static void waitFor(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            Thread.sleep(5);
        }
    }

    @Test
    void exitCodesEnvironmentAndOutputFiles() throws Exception {
        String id = local.launch(shell("echo out $ORION_TEST; echo err >&2; exit 3"), Resources.defaults(), "t");
        RunOutcome o = local.await(id, Duration.ofSeconds(30)).orElseThrow();
        assertThat(o.state()).isEqualTo(RunState.FAILED);
        assertThat(o.exitCode()).contains(3);
        assertThat(Files.readString(o.stdout())).isEqualTo("out hello\n");
        assertThat(Files.readString(o.stderr())).isEqualTo("err\n");
        assertThat(local.status(id)).isEqualTo(RunState.FAILED);
        assertThat(Files.readString(dir.resolve(LocalExecutor.RUN_FILE))).matches("\\d+ .*\\n");

        String ok = local.launch(shell("true"), Resources.defaults(), "t");
        assertThat(local.await(ok, Duration.ofSeconds(30)).orElseThrow().state()).isEqualTo(RunState.COMPLETED);
        assertThat(local.status("local-unknown")).isEqualTo(RunState.UNKNOWN);
    }

    @Test
    void aRunOverItsTimeLimitIsKilledAsTimeout() throws Exception {
        Resources r = Resources.builder().timeLimit(Duration.ofMillis(300)).build();
        String id = local.launch(shell("sleep 60"), r, "t");
        RunOutcome o = local.await(id, Duration.ofSeconds(30)).orElseThrow();
        assertThat(o.state()).isEqualTo(RunState.TIMEOUT);
        assertThat(o.reason()).contains("time limit");
    }

    @Test
    void theConcurrencyLimitQueuesRunsAndCancelKillsChildrenToo() throws Exception {
        String first = local.launch(shell("sleep 100 & sleep 100 & wait"), Resources.defaults(), "first");
        Path other = Files.createDirectory(dir.resolve("second"));
        String second = local.launch(new ProgramRun(other, List.of("true"), Map.of(), List.of(), "true"),
                Resources.defaults(), "second");
        waitFor(() -> local.pid(first).map(p -> ProcessHandle.of(p).map(h -> h.children().count() == 2).orElse(false))
                .orElse(false), Duration.ofSeconds(20), "two children");
        assertThat(local.status(first)).isEqualTo(RunState.RUNNING);
        assertThat(local.status(second)).isEqualTo(RunState.PENDING);
        ProcessHandle root = ProcessHandle.of(local.pid(first).orElseThrow()).orElseThrow();
        List<ProcessHandle> tree = root.descendants().collect(Collectors.toList());
        tree.add(root);
        local.cancel(first);
        assertThat(local.await(first, Duration.ofSeconds(30)).orElseThrow().state()).isEqualTo(RunState.CANCELLED);
        waitFor(() -> tree.stream().noneMatch(ProcessHandle::isAlive), Duration.ofSeconds(10), "the tree to die");
        assertThat(local.await(second, Duration.ofSeconds(30)).orElseThrow().state()).isEqualTo(RunState.COMPLETED);
    }

    @Test
    void aMissingProgramIsRefusedAtLaunch() {
        ProgramRun run = new ProgramRun(dir, List.of("no-such-program-orion"), Map.of(), List.of(), "no-such-program-orion");
        assertThatThrownBy(() -> local.launch(run, Resources.defaults(), "t")).isInstanceOf(ExecutorException.class)
                .hasMessageContaining("no-such-program-orion");
    }

    @Test
    void cancellingARunningLammpsLeavesNoProcessBehind() throws Exception {
        TestPrograms.require("lmp");
        TestPrograms.requireFile(LammpsEngine.DEBIAN_POTENTIALS.resolve("Cu_u3.eam"));
        Element cu = Element.of("Cu");
        Structure s = Structure.builder().lattice(Lattice.cubic(3.615)).addSite(cu, 0, 0, 0).addSite(cu, 0.5, 0.5, 0)
                .addSite(cu, 0.5, 0, 0.5).addSite(cu, 0, 0.5, 0.5).build().supercell(3, 3, 3);
        Calculation md = Calculation.md(s).steps(50_000_000).sampleEvery(1000).build()
                .with(Potential.eam(Path.of("Cu_u3.eam"), cu));
        ProgramRun run = LammpsEngine.builder().build().prepare(md, dir);
        String id = local.launch(run, Resources.defaults(), "lmp-md");
        Path log = dir.resolve("log.lammps");
        // the log is flushed at each thermo row, so the first row proves the run (and its orted) is up
        waitFor(() -> {
            try {
                return Files.exists(log) && Files.readString(log).contains("Step PotEng");
            } catch (java.io.IOException e) {
                return false;
            }
        }, Duration.ofSeconds(60), "LAMMPS to start its run");
        ProcessHandle root = ProcessHandle.of(local.pid(id).orElseThrow()).orElseThrow();
        List<ProcessHandle> tree = root.descendants().collect(Collectors.toList());
        tree.add(root);
        local.cancel(id);
        RunOutcome o = local.await(id, Duration.ofSeconds(30)).orElseThrow();
        assertThat(o.state()).isEqualTo(RunState.CANCELLED);
        waitFor(() -> tree.stream().noneMatch(ProcessHandle::isAlive), Duration.ofSeconds(10), "lmp's tree to die");
        assertThat(ProcessHandle.allProcesses().filter(p -> p.parent().map(pp -> tree.contains(pp)).orElse(false)))
                .isEmpty();
    }

    @Test
    void aLeftoverWhoseRunWasNeverRecordedIsFoundByItsFolderAndStopped() throws Exception {
        // a JVM that died between starting a process and writing its run file leaves no record of it
        Path run = Files.createDirectories(dir.resolve("unrecorded"));
        Process orphan = new ProcessBuilder("sleep", "120").directory(run.toFile()).start();
        try {
            assertThat(Files.exists(run.resolve(".orion-run"))).isFalse();
            assertThat(LocalExecutor.killLeftover(run)).isTrue();
            assertThat(orphan.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).as("the orphan is gone").isTrue();
            assertThat(LocalExecutor.killLeftover(run)).as("nothing is left to stop").isFalse();
        } finally {
            orphan.destroyForcibly();
        }
    }
}
