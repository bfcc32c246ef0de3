package dev.orion.engines.slurm;

import dev.orion.ExecutorException;
import dev.orion.engine.Executor;
import dev.orion.engine.ProgramRun;
import dev.orion.engine.Resources;
import dev.orion.engine.RunOutcome;
import dev.orion.engine.RunState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs programs as SLURM batch jobs. {@link #launch} checks the request against the partition
 * ({@code scontrol show partition -o}), writes {@code orion-job.sh} into the (shared) work folder and
 * submits it with {@code sbatch --parsable} and every resource option; transient submission errors
 * (controller busy or unreachable) are retried. States come from {@code scontrol show job -o},
 * polled with a growing interval, and map to {@link RunState} with SLURM's exit code and signal;
 * {@link #cancel} is {@code scancel}. Runs survive the JVM: a new one re-attaches by SLURM job id, or
 * {@link #find}s a job by name when its id was never recorded.
 *
 * <p>Every command can go through a prefix (for example {@code ssh login-node}), so the same
 * executor drives a remote cluster; arguments are then shell-quoted. The work folder must be
 * visible at the same path on the cluster.
 */
public final class SlurmExecutor implements Executor {

    /** The batch script written into each work folder. */
    public static final String SCRIPT = "orion-job.sh";
    private static final Logger LOG = LoggerFactory.getLogger(SlurmExecutor.class);
    private static final Pattern TRANSIENT = Pattern.compile(
            "(?i)(socket timed out|unable to contact slurm controller|connection refused|resource temporarily unavailable"
                    + "|try again|slurm_persist_conn|temporarily|communications connection failure)");

    private final List<String> prefix;
    private final int submitAttempts;
    private final Duration submitBackoff;
    private final Duration pollMin;
    private final Duration pollMax;
    private final Optional<String> defaultPartition;
    private final boolean checkPartition;

    private SlurmExecutor(Builder b) {
        this.prefix = List.copyOf(b.prefix);
        this.submitAttempts = b.submitAttempts;
        this.submitBackoff = b.submitBackoff;
        this.pollMin = b.pollMin;
        this.pollMax = b.pollMax;
        this.defaultPartition = b.defaultPartition;
        this.checkPartition = b.checkPartition;
    }

    /** @return a builder (local SLURM commands, 3 submission attempts, polling from 200 ms up to 5 s) */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "slurm";
    }

    @Override
    public boolean runsSurviveRestart() {
        return true;
    }

    @Override
    public String launch(ProgramRun run, Resources resources, String jobName) {
        Objects.requireNonNull(run, "run");
        Optional<String> partition = resources.partition().or(() -> defaultPartition);
        if (checkPartition) {
            checkAgainstPartition(resources, partition);
        }
        Path script = run.workDir().resolve(SCRIPT);
        try {
            Files.writeString(script, script(run, resources), StandardCharsets.UTF_8);
            script.toFile().setExecutable(true);
        } catch (IOException e) {
            throw new ExecutorException("cannot write the batch script " + script + ": " + e.getMessage(), false, e);
        }
        List<String> sbatch = new ArrayList<>(List.of("sbatch", "--parsable", "--job-name=" + jobName,
                "--chdir=" + run.workDir().toAbsolutePath(), "--output=" + run.workDir().toAbsolutePath().resolve("slurm-%j.out"),
                "--nodes=" + resources.nodes(), "--ntasks=" + resources.tasks(), "--cpus-per-task=" + resources.cpusPerTask(),
                "--time=" + time(resources.timeLimit())));
        resources.memoryMb().ifPresent(m -> sbatch.add("--mem=" + m + "M"));
        partition.ifPresent(p -> sbatch.add("--partition=" + p));
        resources.account().ifPresent(a -> sbatch.add("--account=" + a));
        resources.qos().ifPresent(q -> sbatch.add("--qos=" + q));
        sbatch.add(script.toAbsolutePath().toString());
        ExecutorException last = null;
        for (int attempt = 1; attempt <= submitAttempts; attempt++) {
            Result r = exec(sbatch, Duration.ofSeconds(60));
            if (r.code == 0 && r.out.trim().matches("\\d+(;\\S+)?")) {
                String id = r.out.trim().split(";")[0];
                LOG.debug("submitted {} as SLURM job {}", jobName, id);
                return id;
            }
            String message = "sbatch refused job " + jobName + " (exit " + r.code + "): " + (r.err + " " + r.out).trim();
            boolean transientError = TRANSIENT.matcher(r.err + r.out).find();
            last = new ExecutorException(message, transientError);
            if (!transientError) {
                throw last;
            }
            LOG.warn("{}; retrying ({}/{})", message, attempt, submitAttempts);
            sleep(submitBackoff.multipliedBy(1L << (attempt - 1)));
        }
        throw last;
    }

    private String script(ProgramRun run, Resources resources) {
        StringBuilder s = new StringBuilder("#!/bin/bash\n# written by ORION\ncd ").append(quote(run.workDir().toAbsolutePath().toString()))
                .append(" || exit 1\nexport OMP_NUM_THREADS=").append(resources.cpusPerTask()).append('\n')
                .append("export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1\n");
        run.environment().forEach((k, v) -> s.append("export ").append(k).append('=').append(quote(v)).append('\n'));
        List<String> command = new ArrayList<>();
        if (resources.tasks() > 1) {
            // this OpenMPI has no SLURM PMI support, so "srun prog" fails; mpirun reads the allocation
            command.addAll(List.of("mpirun", "-np", Integer.toString(resources.tasks())));
        }
        command.addAll(run.command());
        command.forEach(c -> s.append(quote(c)).append(' '));
        s.append("> stdout.txt 2> stderr.txt\n");
        return s.toString();
    }

    /** Refuses requests the partition cannot satisfy, before anything is submitted. */
    private void checkAgainstPartition(Resources r, Optional<String> partition) {
        List<String> cmd = new ArrayList<>(List.of("scontrol", "show", "partition", "-o"));
        partition.ifPresent(cmd::add);
        Result res = exec(cmd, Duration.ofSeconds(30));
        if (res.code != 0) {
            throw new ExecutorException("cannot read SLURM partition " + partition.orElse("(default)") + ": "
                    + res.err.trim(), TRANSIENT.matcher(res.err).find());
        }
        ScontrolRecord found = null;
        for (String line : res.out.split("\n")) {
            ScontrolRecord rec = ScontrolRecord.parse(line);
            if (partition.isPresent() || rec.get("Default").filter("YES"::equals).isPresent()) {
                found = rec;
                break;
            }
        }
        if (found == null) {
            throw new ExecutorException("SLURM has no default partition; name one in Resources", false);
        }
        ScontrolRecord p = found;
        String name = p.get("PartitionName").orElse("?");
        List<String> problems = new ArrayList<>();
        if (!p.get("State").orElse("UP").equals("UP")) {
            problems.add("it is " + p.get("State").orElse("?"));
        }
        ScontrolRecord.seconds(p.get("MaxTime").orElse("UNLIMITED")).ifPresent(max -> {
            if (r.timeLimit().toSeconds() > max) {
                problems.add("time limit " + time(r.timeLimit()) + " exceeds MaxTime " + p.get("MaxTime").orElse(""));
            }
        });
        p.get("TotalNodes").filter(v -> v.matches("\\d+")).map(Integer::parseInt).ifPresent(n -> {
            if (r.nodes() > n) {
                problems.add(r.nodes() + " nodes requested, the partition has " + n);
            }
        });
        p.get("TotalCPUs").filter(v -> v.matches("\\d+")).map(Integer::parseInt).ifPresent(n -> {
            if ((long) r.tasks() * r.cpusPerTask() > n) {
                problems.add(r.tasks() + " tasks x " + r.cpusPerTask() + " CPUs requested, the partition has " + n + " CPUs");
            }
        });
        p.get("MaxMemPerNode").filter(v -> v.matches("\\d+")).map(Long::parseLong).ifPresent(max -> {
            if (r.memoryMb().orElse(0L) > max) {
                problems.add(r.memoryMb().get() + " MB per node requested, MaxMemPerNode is " + max);
            }
        });
        java.util.regex.Matcher mem = Pattern.compile("mem=(\\d+)M").matcher(p.get("TRES").orElse(""));
        if (mem.find() && r.memoryMb().orElse(0L) > Long.parseLong(mem.group(1))) {
            problems.add(r.memoryMb().get() + " MB requested, the partition has " + mem.group(1) + " MB");
        }
        if (!problems.isEmpty()) {
            throw new ExecutorException("SLURM partition " + name + " cannot run this request: " + String.join("; ", problems),
                    false);
        }
    }

    @Override
    public RunState status(String executionId) {
        return query(executionId).map(ScontrolRecord::state).orElse(RunState.UNKNOWN);
    }

    private Optional<ScontrolRecord> query(String id) {
        if (!id.matches("\\d+")) {
            return Optional.empty();
        }
        Result r = exec(List.of("scontrol", "show", "job", "-o", id), Duration.ofSeconds(30));
        if (r.code != 0) {
            if (r.err.contains("Invalid job id")) {
                return Optional.empty();
            }
            throw new ExecutorException("scontrol show job " + id + " failed (exit " + r.code + "): " + r.err.trim(),
                    TRANSIENT.matcher(r.err).find());
        }
        return Optional.of(ScontrolRecord.parse(r.out.split("\n")[0]));
    }

    @Override
    public Optional<RunOutcome> await(String executionId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration wait = pollMin;
        while (true) {
            Optional<ScontrolRecord> rec;
            try {
                rec = query(executionId);
            } catch (ExecutorException e) {
                if (!e.isTransient()) {
                    throw e;
                }
                LOG.warn("polling SLURM job {}: {}", executionId, e.getMessage());
                rec = Optional.of(ScontrolRecord.parse("JobState=PENDING"));
            }
            if (rec.isEmpty()) {
                throw new ExecutorException("SLURM no longer knows job " + executionId
                        + " (finished more than MinJobAge ago, or never existed)", false);
            }
            RunState state = rec.get().state();
            if (state.isTerminal()) {
                return Optional.of(outcome(rec.get(), state));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, wait.toNanos()));
            wait = wait.multipliedBy(2).compareTo(pollMax) > 0 ? pollMax : wait.multipliedBy(2);
        }
    }

    private static RunOutcome outcome(ScontrolRecord rec, RunState state) {
        Path dir = Path.of(rec.get("WorkDir").orElse("."));
        long seconds = ScontrolRecord.seconds(rec.get("RunTime").orElse("0:0:0")).orElse(0L);
        String reason = "SLURM " + rec.get("JobState").orElse("?") + " ExitCode=" + rec.get("ExitCode").orElse("?")
                + rec.get("Reason").filter(r -> !r.equals("None")).map(r -> " Reason=" + r).orElse("");
        return new RunOutcome(state, rec.exitCode(), dir.resolve("stdout.txt"), dir.resolve("stderr.txt"),
                Duration.ofSeconds(seconds), reason);
    }

    @Override
    public void cancel(String executionId) {
        if (!executionId.matches("\\d+")) {
            return;
        }
        Result r = exec(List.of("scancel", executionId), Duration.ofSeconds(30));
        if (r.code != 0 && !r.err.contains("Invalid job id") && !r.err.contains("already completing or completed")) {
            throw new ExecutorException("scancel " + executionId + " failed (exit " + r.code + "): " + r.err.trim(),
                    TRANSIENT.matcher(r.err).find());
        }
    }

    @Override
    public Optional<String> find(String jobName) {
        Result r = exec(List.of("scontrol", "show", "job", "-o"), Duration.ofSeconds(30));
        if (r.code != 0) {
            return Optional.empty();
        }
        String found = null;
        for (String line : r.out.split("\n")) {
            ScontrolRecord rec = ScontrolRecord.parse(line);
            if (rec.get("JobName").filter(jobName::equals).isPresent()) {
                found = rec.get("JobId").orElse(null); // the newest wins: lines are in id order
            }
        }
        return Optional.ofNullable(found);
    }

    static String time(Duration d) {
        long minutes = Math.max(1, (d.toSeconds() + 59) / 60);
        return String.format(Locale.ROOT, "%d-%02d:%02d:00", minutes / 1440, (minutes / 60) % 24, minutes % 60);
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./=:,+@%-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    private record Result(int code, String out, String err) {
    }

    private Result exec(List<String> command, Duration timeout) {
        List<String> full = new ArrayList<>(prefix);
        if (prefix.isEmpty()) {
            full.addAll(command);
        } else {
            full.add(String.join(" ", command.stream().map(SlurmExecutor::quote).toList()));
        }
        try {
            Process p = new ProcessBuilder(full).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            var out = new java.util.concurrent.CompletableFuture<String>();
            Thread reader = new Thread(() -> {
                try {
                    out.complete(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    out.complete("");
                }
            }, "orion-slurm-stdout");
            reader.setDaemon(true);
            reader.start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new ExecutorException(String.join(" ", full) + " did not answer within " + timeout, true);
            }
            return new Result(p.exitValue(), out.get(timeout.toMillis(), TimeUnit.MILLISECONDS), err);
        } catch (IOException e) {
            throw new ExecutorException("cannot run " + full.get(0) + " (is SLURM installed?): " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutorException("interrupted while running " + String.join(" ", full), true, e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new ExecutorException("cannot read the output of " + String.join(" ", full), true, e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutorException("interrupted while waiting to retry a submission", true, e);
        }
    }

    /** Configures a {@link SlurmExecutor}. */
    public static final class Builder {
        private final List<String> prefix = new ArrayList<>();
        private int submitAttempts = 3;
        private Duration submitBackoff = Duration.ofSeconds(2);
        private Duration pollMin = Duration.ofMillis(200);
        private Duration pollMax = Duration.ofSeconds(5);
        private Optional<String> defaultPartition = Optional.empty();
        private boolean checkPartition = true;

        private Builder() {
        }

        /** @param command a prefix for every SLURM command, e.g. {@code ssh}, {@code login.hpc}  @return this */
        public Builder commandPrefix(String... command) {
            prefix.clear();
            prefix.addAll(List.of(command));
            return this;
        }

        /** @param n submission attempts on transient errors (1-20)  @param backoff first wait, doubled  @return this */
        public Builder submitRetries(int n, Duration backoff) {
            if (n < 1 || n > 20) {
                throw new IllegalArgumentException("submit attempts must be 1..20, got " + n);
            }
            this.submitAttempts = n;
            this.submitBackoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /** @param min first poll interval  @param max longest poll interval  @return this */
        public Builder polling(Duration min, Duration max) {
            if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("need 0 < min <= max, got " + min + ", " + max);
            }
            this.pollMin = min;
            this.pollMax = max;
            return this;
        }

        /** @param p partition used when Resources names none  @return this */
        public Builder defaultPartition(String p) {
            this.defaultPartition = Optional.of(p);
            return this;
        }

        /** @param check whether requests are checked against the partition before submitting (default true)  @return this */
        public Builder checkPartition(boolean check) {
            this.checkPartition = check;
            return this;
        }

        /** @return the executor */
        public SlurmExecutor build() {
            return new SlurmExecutor(this);
        }
    }
}
