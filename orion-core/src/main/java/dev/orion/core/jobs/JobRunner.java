package dev.orion.core.jobs;

import dev.orion.EngineFailureException;
import dev.orion.ExecutorException;
import dev.orion.OrionException;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.Engine;
import dev.orion.engine.Executor;
import dev.orion.engine.JavaEngine;
import dev.orion.engine.JobEvent;
import dev.orion.engine.ProgramEngine;
import dev.orion.engine.ProgramRun;
import dev.orion.engine.RunOutcome;
import dev.orion.engine.RunState;
import dev.orion.store.JobRecord;
import dev.orion.store.JobStatus;
import dev.orion.store.WorkItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work-queue handler of the job service: runs one job to its end (or re-attaches to it), with
 * retries, and records each attempt's execution id in {@code attempt-N/.orion-execution} so that a
 * later JVM can find the run again.
 */
final class JobRunner {

    static final String EXECUTION_FILE = ".orion-execution";
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final JobService s;
    /**
     * The thread of each in-JVM job while it is inside {@link JavaEngine#compute} and only then: a cancel interrupts
     * it there, never while it reads or writes the store (an interrupt during file I/O makes H2 close the database).
     */
    private final Map<String, Thread> computing = new ConcurrentHashMap<>();

    JobRunner(JobService service) {
        this.s = service;
    }

    void handle(WorkItem item) throws InterruptedException {
        String jobId = item.payload();
        Optional<JobRecord> found = s.job(jobId);
        if (found.isEmpty() || found.get().status().isTerminal()) {
            return;
        }
        JobRecord job = found.get();
        Engine engine;
        JobInput input;
        try {
            engine = s.engine(job.engine());
            input = JobInput.fromJson(job.inputJson());
        } catch (RuntimeException e) {
            fail(jobId, "cannot run: " + e.getMessage());
            return;
        }
        // attempt folders of a job still SUBMITTED mean a JVM died between launching and recording it
        boolean recovered = job.status() != JobStatus.SUBMITTED || nextAttempt(jobId) > 1;
        if (engine instanceof JavaEngine java) {
            runInJvm(job, java, input, recovered);
        } else {
            runProgram(job, (ProgramEngine) engine, input, recovered);
        }
    }

    private void runInJvm(JobRecord job, JavaEngine engine, JobInput input, boolean recovered) throws InterruptedException {
        String jobId = job.id();
        if (recovered && s.recovery == RecoveryPolicy.FAIL) {
            s.emit(jobId, JobEvent.Type.RECOVERED, "failed: the computing JVM died");
            fail(jobId, "its JVM died while " + engine.name() + " computed it in process (recovery policy FAIL)");
            return;
        }
        if (recovered) {
            s.emit(jobId, JobEvent.Type.RECOVERED, "requeued: the computing JVM died");
        }
        s.move(jobId, JobStatus.RUNNING, Optional.empty(), Optional.empty(), Optional.empty());
        s.emit(jobId, JobEvent.Type.STARTED, "in process");
        for (int attempt = nextAttempt(jobId); ; attempt++) {
            Path dir = attemptDir(jobId, attempt);
            if (isCancelled(jobId)) {
                return;
            }
            CalculationResult result = null;
            OrionException failure = null;
            boolean interrupted;
            computing.put(jobId, Thread.currentThread());
            try {
                result = engine.compute(input.calculation(), dir);
            } catch (OrionException e) {
                failure = e;
            } finally {
                // after this, stop() no longer interrupts; an interrupt it delivered is cleared before the store is used
                computing.remove(jobId);
                interrupted = Thread.interrupted();
            }
            if (isCancelled(jobId)) {
                LOG.debug("job {} was cancelled while it computed", jobId);
                return;
            }
            if (interrupted) {
                throw new InterruptedException("job " + jobId + " was interrupted while it computed");
            }
            if (failure == null) {
                succeed(jobId, result);
                return;
            }
            if (!(failure instanceof EngineFailureException e)) {
                fail(jobId, failure.getMessage());
                return;
            }
            if (!retryOrFail(jobId, e, attempt)) {
                return;
            }
        }
    }

    private void runProgram(JobRecord job, ProgramEngine engine, JobInput input, boolean recovered)
            throws InterruptedException {
        String jobId = job.id();
        Executor ex = s.executors.get(job.executor());
        if (ex == null) {
            fail(jobId, "executor '" + job.executor() + "' is not configured in this JVM");
            return;
        }
        int attempt = nextAttempt(jobId);
        if (recovered && attempt > 1) {
            int last = attempt - 1;
            Path dir = attemptPath(jobId, last);
            Optional<String> id = readExecution(dir);
            if (id.isEmpty() && ex.runsSurviveRestart()) {
                id = ex.find(jobName(jobId, last));
            }
            if (id.isPresent() && (ex.runsSurviveRestart() || ex.status(id.get()) != RunState.UNKNOWN)) {
                s.emit(jobId, JobEvent.Type.RECOVERED, "re-attached to " + ex.name() + " run " + id.get());
                if (finish(jobId, engine, ex, input, new ProgramRun(dir, List.of(engine.name()), Map.of(), List.of(),
                        engine.name()), id.get(), last)) {
                    return;
                }
                attempt = last + 1;
            } else if (id.isPresent() || !ex.runsSurviveRestart()) {
                // a local run dies with its JVM (or was just starting): stop what is left of it
                String run = id.orElse("(not recorded)");
                boolean killed = ex.abandon(run, dir);
                if (s.recovery == RecoveryPolicy.FAIL) {
                    s.emit(jobId, JobEvent.Type.RECOVERED, "failed: run " + run + " lost");
                    fail(jobId, "the " + ex.name() + " run " + run + " was lost when its JVM died"
                            + (killed ? " (its leftover processes were stopped)" : "") + "; recovery policy FAIL");
                    return;
                }
                s.emit(jobId, JobEvent.Type.RECOVERED, "requeued: run " + run + " lost");
            }
        }
        for (; ; attempt++) {
            if (isCancelled(jobId)) {
                return;
            }
            Path dir = attemptDir(jobId, attempt);
            String id;
            ProgramRun run;
            try {
                run = engine.prepare(input.calculation(), dir);
                id = ex.launch(run, input.resources(), jobName(jobId, attempt));
            } catch (ExecutorException e) {
                EngineFailureException f = new EngineFailureException(engine.name(), EngineFailureException.Kind.EXECUTION_ERROR,
                        e.getMessage(), Optional.empty(), e);
                if (e.isTransient() && retryOrFail(jobId, f, attempt)) {
                    continue;
                }
                if (!e.isTransient()) {
                    fail(jobId, e.getMessage());
                }
                return;
            } catch (OrionException e) {
                fail(jobId, e.getMessage());
                return;
            }
            writeExecution(dir, id);
            s.move(jobId, JobStatus.QUEUED, Optional.of(id), Optional.empty(), Optional.empty());
            s.emit(jobId, JobEvent.Type.QUEUED, ex.name() + " run " + id);
            if (finish(jobId, engine, ex, input, run, id, attempt)) {
                return;
            }
        }
    }

    /** Follows a launched run to its end. @return true when the job is settled, false to retry */
    private boolean finish(String jobId, ProgramEngine engine, Executor ex, JobInput input, ProgramRun run, String id,
            int attempt) throws InterruptedException {
        Optional<RunOutcome> outcome = Optional.empty();
        boolean started = false;
        try {
            while (outcome.isEmpty()) {
                outcome = ex.await(id, s.pollInterval);
                if (outcome.isEmpty()) {
                    if (isCancelled(jobId)) {
                        ex.cancel(id);
                    } else if (!started && ex.status(id) == RunState.RUNNING) {
                        started = true;
                        s.move(jobId, JobStatus.RUNNING, Optional.empty(), Optional.empty(), Optional.empty());
                        s.emit(jobId, JobEvent.Type.STARTED, ex.name() + " run " + id);
                    }
                }
            }
        } catch (ExecutorException e) {
            return !retryOrFail(jobId, new EngineFailureException(engine.name(), EngineFailureException.Kind.EXECUTION_ERROR,
                    e.getMessage(), Optional.empty(), e), attempt);
        }
        if (isCancelled(jobId)) {
            return true;
        }
        try {
            succeed(jobId, engine.parse(input.calculation(), run, outcome.get()));
            return true;
        } catch (EngineFailureException e) {
            return !retryOrFail(jobId, e, attempt);
        } catch (OrionException e) {
            fail(jobId, e.getMessage());
            return true;
        }
    }

    /** @return true if the job will be tried again (after the backoff), false if it was failed */
    private boolean retryOrFail(String jobId, EngineFailureException e, int attempt) throws InterruptedException {
        if (isCancelled(jobId) || e.kind() == EngineFailureException.Kind.CANCELLED) {
            return false;
        }
        if (s.retry.retries(e.kind(), attempt)) {
            s.emit(jobId, JobEvent.Type.RETRIED, "attempt " + attempt + " failed: " + e.getMessage());
            Thread.sleep(s.retry.delayAfter(attempt).toMillis());
            return true;
        }
        fail(jobId, e.getMessage());
        return false;
    }

    private void succeed(String jobId, CalculationResult r) {
        if (s.move(jobId, JobStatus.SUCCEEDED, Optional.empty(), Optional.of(CalculationJson.write(r)), Optional.empty())
                .isPresent()) {
            s.emit(jobId, JobEvent.Type.SUCCEEDED, String.format(java.util.Locale.ROOT, "E = %.6f eV (%.6f eV/atom)",
                    r.energy(), r.energyPerAtom()));
        }
    }

    private void fail(String jobId, String message) {
        if (s.move(jobId, JobStatus.FAILED, Optional.empty(), Optional.empty(), Optional.of(message)).isPresent()) {
            s.emit(jobId, JobEvent.Type.FAILED, message);
        }
    }

    private boolean isCancelled(String jobId) {
        return s.job(jobId).map(j -> j.status() == JobStatus.CANCELLED).orElse(true);
    }

    /** Stops what runs a job: interrupts an in-JVM computation, cancels or abandons the latest program run. */
    void stop(JobRecord job) {
        // atomic with the computing thread's removal of itself: no interrupt reaches it once it has left compute()
        computing.computeIfPresent(job.id(), (id, t) -> {
            t.interrupt();
            return t;
        });
        Executor ex = s.executors.get(job.executor());
        int last = nextAttempt(job.id()) - 1;
        if (ex == null || last < 1) {
            return;
        }
        Path dir = attemptPath(job.id(), last);
        readExecution(dir).ifPresent(id -> {
            if (ex.runsSurviveRestart() || ex.status(id) != RunState.UNKNOWN) {
                ex.cancel(id);
            } else {
                ex.abandon(id, dir);
            }
        });
    }

    String jobName(String jobId, int attempt) {
        return "orion-" + s.stores.tenant().value() + "-" + jobId + "-" + attempt;
    }

    /** @return 1 + the highest attempt folder number of the job */
    int nextAttempt(String jobId) {
        Path root = s.workDir(jobId);
        if (!Files.isDirectory(root)) {
            return 1;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return 1 + dirs.map(p -> p.getFileName().toString()).filter(n -> n.matches("attempt-\\d+"))
                    .mapToInt(n -> Integer.parseInt(n.substring(8))).max().orElse(0);
        } catch (IOException e) {
            throw new OrionException("cannot list the work folder " + root + ": " + e.getMessage(), e);
        }
    }

    private Path attemptPath(String jobId, int attempt) {
        return s.workDir(jobId).resolve("attempt-" + attempt);
    }

    /** A fresh, empty work folder for an attempt. */
    private Path attemptDir(String jobId, int attempt) {
        Path dir = attemptPath(jobId, attempt);
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new OrionException("cannot create the work folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void writeExecution(Path dir, String id) {
        try {
            Files.writeString(dir.resolve(EXECUTION_FILE), id + "\n");
        } catch (IOException e) {
            throw new OrionException("cannot record execution " + id + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> readExecution(Path dir) {
        try {
            Path f = dir.resolve(EXECUTION_FILE);
            return Files.isRegularFile(f) ? Optional.of(Files.readString(f).trim()).filter(x -> !x.isEmpty()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
