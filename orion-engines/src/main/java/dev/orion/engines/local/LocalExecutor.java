package dev.orion.engines.local;

import dev.orion.ExecutorException;
import dev.orion.engine.Executor;
import dev.orion.engine.ProgramRun;
import dev.orion.engine.Resources;
import dev.orion.engine.RunOutcome;
import dev.orion.engine.RunState;
import dev.orion.engines.ProgramVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs programs as processes on this machine. Each run works in its {@link ProgramRun#workDir()},
 * writes standard output and error to {@code stdout.txt} and {@code stderr.txt} there, and records
 * its process id and start time in {@code .orion-run} (so that a later JVM can stop a run a dead
 * one left behind: {@link #killLeftover(Path)}). At most {@code maxConcurrent} runs execute at
 * once; the others wait in {@link RunState#PENDING}. A run that exceeds its
 * {@link Resources#timeLimit()} is killed and ends {@link RunState#TIMEOUT}; {@link #cancel} kills
 * the whole process tree (SIGTERM, then SIGKILL after a grace period) and the run ends
 * {@link RunState#CANCELLED}. Runs with more than one task start under {@code mpirun -np N}.
 */
public final class LocalExecutor implements Executor, AutoCloseable {

    /** The file in a work folder that names the process of a run. */
    public static final String RUN_FILE = ".orion-run";
    /** Standard output of a run, in its work folder. */
    public static final String STDOUT = "stdout.txt";
    /** Standard error of a run, in its work folder. */
    public static final String STDERR = "stderr.txt";

    private static final Logger LOG = LoggerFactory.getLogger(LocalExecutor.class);

    private final int maxConcurrent;
    private final Map<String, String> environment;
    private final Duration killGrace;
    private final Semaphore slots;
    private final ExecutorService threads;
    private final ScheduledExecutorService timers;
    private final Map<String, LocalRun> runs = new ConcurrentHashMap<>();

    private LocalExecutor(Builder b) {
        this.maxConcurrent = b.maxConcurrent;
        this.environment = Map.copyOf(b.environment);
        this.killGrace = b.killGrace;
        this.slots = new Semaphore(maxConcurrent, true);
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "orion-local-run");
            t.setDaemon(true);
            return t;
        });
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "orion-local-time-limits");
            t.setDaemon(true);
            return t;
        });
    }

    /** @return a builder (concurrency: the number of processors) */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public boolean runsSurviveRestart() {
        return false;
    }

    @Override
    public String launch(ProgramRun run, Resources resources, String jobName) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(resources, "resources");
        if (!Files.isDirectory(run.workDir())) {
            throw new ExecutorException("work folder " + run.workDir() + " does not exist", false);
        }
        if (ProgramVersion.find(run.program()).isEmpty()) {
            throw new ExecutorException("program '" + run.program() + "' is not installed (not found on the PATH)", false);
        }
        String id = "local-" + UUID.randomUUID();
        LocalRun r = new LocalRun(id, run, resources);
        runs.put(id, r);
        if (slots.tryAcquire()) {
            start(r);
        } else {
            threads.execute(() -> execute(r));
        }
        LOG.debug("queued {} ({}) in {}", id, jobName, run.workDir());
        return id;
    }

    /** Waits for a slot on an executor thread (only when none was free at launch), then starts the run. */
    private void execute(LocalRun r) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            r.finish(RunState.CANCELLED, Optional.empty(), "interrupted while waiting for a slot");
            return;
        }
        start(r);
    }

    /**
     * Starts a run that holds a slot, on the calling thread; its end is handled when the process
     * exits (no thread waits for it), which releases the slot.
     */
    private void start(LocalRun r) {
        boolean started = false;
        try {
            List<String> command = new ArrayList<>();
            if (r.resources.tasks() > 1) {
                command.addAll(List.of("mpirun", "-np", Integer.toString(r.resources.tasks())));
            }
            command.addAll(r.run.command());
            ProcessBuilder pb = new ProcessBuilder(command).directory(r.run.workDir().toFile())
                    .redirectOutput(r.stdout.toFile()).redirectError(r.stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Map<String, String> env = pb.environment();
            env.put("OMPI_ALLOW_RUN_AS_ROOT", "1");
            env.put("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
            env.put("OMP_NUM_THREADS", Integer.toString(r.resources.cpusPerTask()));
            env.putAll(environment);
            env.putAll(r.run.environment());
            Process p;
            synchronized (r) {
                if (r.cancelRequested) {
                    r.finish(RunState.CANCELLED, Optional.empty(), "cancelled before it started");
                    return;
                }
                r.started = Instant.now();
                try {
                    p = pb.start();
                } catch (IOException e) {
                    r.finish(RunState.FAILED, Optional.empty(), "cannot start " + command + ": " + e.getMessage());
                    return;
                }
                r.process = p;
            }
            started = true;
            writeRunFile(r.run.workDir(), p.toHandle());
            ScheduledFuture<?> limit = timers.schedule(() -> {
                r.timedOut = true;
                ProcessTrees.kill(p.toHandle(), killGrace);
            }, r.resources.timeLimit().toNanos(), TimeUnit.NANOSECONDS);
            p.onExit().whenComplete((done, error) -> {
                limit.cancel(false);
                try {
                    int code = p.exitValue();
                    if (r.cancelRequested) {
                        r.finish(RunState.CANCELLED, Optional.of(code), "cancelled");
                    } else if (r.timedOut) {
                        r.finish(RunState.TIMEOUT, Optional.of(code), "time limit of " + r.resources.timeLimit() + " exceeded");
                    } else {
                        r.finish(code == 0 ? RunState.COMPLETED : RunState.FAILED, Optional.of(code),
                                code == 0 ? "" : code > 128 ? "killed by signal " + (code - 128) : "exit code " + code);
                    }
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException e) {
            r.finish(RunState.FAILED, Optional.empty(), "cannot start the run: " + e);
        } finally {
            if (!started) {
                slots.release();
            }
        }
    }

    private static void writeRunFile(Path dir, ProcessHandle h) {
        String start = h.info().startInstant().map(Instant::toString).orElse("");
        try {
            Files.writeString(dir.resolve(RUN_FILE), h.pid() + " " + start + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("cannot record the process of a run in {}: {}", dir, e.getMessage());
        }
    }

    /**
     * Stops the process tree a run in {@code workDir} left running (for example when the JVM that
     * started it died). The process is only killed if its start time matches the recorded one, so a
     * recycled process id is never hit.
     *
     * @param workDir a run's work folder
     * @return whether a live process was found and killed
     */
    public static boolean killLeftover(Path workDir) {
        Path file = workDir.resolve(RUN_FILE);
        if (!Files.isRegularFile(file)) {
            // the JVM died between starting the process and recording it: find it by its folder
            return killProcessesIn(workDir);
        }
        try {
            String[] parts = Files.readString(file).trim().split("\\s+");
            long pid = Long.parseLong(parts[0]);
            Optional<ProcessHandle> h = ProcessHandle.of(pid);
            if (h.isEmpty() || !h.get().isAlive()) {
                return false;
            }
            String start = h.get().info().startInstant().map(Instant::toString).orElse("");
            if (parts.length > 1 && !parts[1].equals(start)) {
                return false;
            }
            return ProcessTrees.kill(h.get(), Duration.ofSeconds(5));
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read {}: {}", file, e.getMessage());
            return false;
        }
    }

    /**
     * Kills every process whose working directory is {@code workDir} (each run's process starts
     * there), read from {@code /proc}; where there is no {@code /proc}, finds nothing.
     */
    private static boolean killProcessesIn(Path workDir) {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc) || !Files.isDirectory(workDir)) {
            return false;
        }
        Path dir;
        try {
            dir = workDir.toRealPath();
        } catch (IOException e) {
            return false;
        }
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> found = ProcessHandle.allProcesses()
                .filter(h -> h.pid() != self && h.isAlive())
                .filter(h -> {
                    try {
                        return Files.readSymbolicLink(proc.resolve(Long.toString(h.pid())).resolve("cwd")).equals(dir);
                    } catch (IOException | UnsupportedOperationException | SecurityException e) {
                        return false;
                    }
                })
                .toList();
        boolean killed = false;
        for (ProcessHandle h : found) {
            LOG.info("stopping process {} left running in {} by a dead JVM", h.pid(), dir);
            killed |= ProcessTrees.kill(h, Duration.ofSeconds(5));
        }
        return killed;
    }

    /** Cancels a run of this executor, or kills what a dead JVM's run left in {@code workDir}. */
    @Override
    public boolean abandon(String executionId, Path workDir) {
        if (runs.containsKey(executionId)) {
            boolean running = !runs.get(executionId).outcome.isDone();
            cancel(executionId);
            return running;
        }
        return killLeftover(workDir);
    }

    @Override
    public RunState status(String executionId) {
        LocalRun r = runs.get(executionId);
        if (r == null) {
            return RunState.UNKNOWN;
        }
        if (r.outcome.isDone()) {
            return r.outcome.join().state();
        }
        return r.process == null ? RunState.PENDING : RunState.RUNNING;
    }

    @Override
    public Optional<RunOutcome> await(String executionId, Duration timeout) throws InterruptedException {
        LocalRun r = runs.get(executionId);
        if (r == null) {
            throw new ExecutorException("local run " + executionId + " is not known to this executor", false);
        }
        try {
            return Optional.of(r.outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new ExecutorException("local run " + executionId + " failed: " + e.getCause(), false, e.getCause());
        }
    }

    @Override
    public void cancel(String executionId) {
        LocalRun r = runs.get(executionId);
        if (r == null || r.outcome.isDone()) {
            return;
        }
        Process p;
        synchronized (r) {
            r.cancelRequested = true;
            p = r.process;
        }
        if (p != null) {
            ProcessTrees.kill(p.toHandle(), killGrace);
        }
    }

    /** @param executionId a run  @return the process id of a started local run */
    public Optional<Long> pid(String executionId) {
        return Optional.ofNullable(runs.get(executionId)).map(r -> r.process).map(Process::pid);
    }

    /** @return the most runs executing at once */
    public int maxConcurrent() {
        return maxConcurrent;
    }

    /** Cancels every run still going and stops the executor's threads. */
    @Override
    public void close() {
        runs.keySet().forEach(this::cancel);
        threads.shutdownNow();
        timers.shutdownNow();
    }

    /** The state of one run. */
    private static final class LocalRun {
        final String id;
        final ProgramRun run;
        final Resources resources;
        final Path stdout;
        final Path stderr;
        final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
        volatile Process process;
        volatile Instant started;
        volatile boolean cancelRequested;
        volatile boolean timedOut;

        LocalRun(String id, ProgramRun run, Resources resources) {
            this.id = id;
            this.run = run;
            this.resources = resources;
            this.stdout = run.workDir().resolve(STDOUT);
            this.stderr = run.workDir().resolve(STDERR);
        }

        void finish(RunState state, Optional<Integer> exit, String reason) {
            Duration wall = started == null ? Duration.ZERO : Duration.between(started, Instant.now());
            try {
                if (!Files.exists(stdout)) {
                    Files.createFile(stdout);
                }
                if (!Files.exists(stderr)) {
                    Files.createFile(stderr);
                }
            } catch (IOException e) {
                LOG.debug("cannot create output files of {}: {}", id, e.getMessage());
            }
            outcome.complete(new RunOutcome(state, exit, stdout, stderr, wall, reason));
        }
    }

    /** Configures a {@link LocalExecutor}. */
    public static final class Builder {
        private int maxConcurrent = Runtime.getRuntime().availableProcessors();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Duration killGrace = Duration.ofSeconds(5);

        private Builder() {
        }

        /** @param n the most runs executing at once (1-1024)  @return this */
        public Builder maxConcurrent(int n) {
            if (n < 1 || n > 1024) {
                throw new IllegalArgumentException("maxConcurrent must be 1..1024, got " + n);
            }
            this.maxConcurrent = n;
            return this;
        }

        /** @param name variable  @param value value (set for every run)  @return this */
        public Builder environment(String name, String value) {
            environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** @param d how long a cancelled process gets after SIGTERM before SIGKILL (default 5 s)  @return this */
        public Builder killGrace(Duration d) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("killGrace must be >= 0, got " + d);
            }
            this.killGrace = d;
            return this;
        }

        /** @return the executor */
        public LocalExecutor build() {
            return new LocalExecutor(this);
        }
    }
}
