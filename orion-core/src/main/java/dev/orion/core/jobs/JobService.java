package dev.orion.core.jobs;

import dev.orion.InvalidCalculationException;
import dev.orion.core.work.QueueWorker;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.Engine;
import dev.orion.engine.Executor;
import dev.orion.engine.JobEvent;
import dev.orion.engine.JobListener;
import dev.orion.engine.JobRequest;
import dev.orion.progress.Progress;
import dev.orion.progress.ProgressListener;
import dev.orion.store.ConflictException;
import dev.orion.store.JobFilter;
import dev.orion.store.JobRecord;
import dev.orion.store.JobStatus;
import dev.orion.store.JobTransition;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.TenantStores;
import dev.orion.store.UsageRecord;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs calculations as persisted, recoverable jobs of one tenant.
 *
 * <ul>
 *   <li>{@link #submit} validates the calculation, stores the job and its provenance, and enqueues it
 *       on the durable work queue before anything runs; an idempotency key makes a repeated submit
 *       return the first job, and an identical calculation that already succeeded returns that job
 *       (unless the request opts out).</li>
 *   <li>Workers ({@link #start}) claim jobs under leases, run them on their engine and executor, and
 *       store the result or a typed failure; transient failures are retried by the {@link JobRetryPolicy}.</li>
 *   <li>{@link #cancel} marks the job cancelled and stops the program (kills the local process tree,
 *       {@code scancel}s a SLURM job, interrupts an in-JVM engine), also when another JVM runs it.</li>
 *   <li>When a JVM dies, its jobs' leases lapse and another worker claims them: SLURM jobs are
 *       re-attached by their SLURM id (or, if the id was never recorded, found by job name); local
 *       runs are stopped and failed or re-run by the {@link RecoveryPolicy}. Nothing is lost and
 *       nothing runs twice.</li>
 * </ul>
 *
 * <p>{@link dev.orion.core.Orion} builds one per tenant ({@code orion.tenant(t).jobs()}); build one
 * yourself, on the store SPI, for policies the {@code Orion} builder does not set:
 *
 * <pre>{@code
 * JobService jobs = JobService.builder(orion.stores().tenant(TenantId.of("acme"), Principal.system("jobs")))
 *         .engine(LammpsEngine.builder().build()).executor(LocalExecutor.builder().build())
 *         .workRoot(Path.of("orion-work")).build();
 * jobs.start();
 * JobRecord job = jobs.submit(JobRequest.of(relax, "lammps"));
 * CalculationResult r = jobs.awaitResult(job.id(), Duration.ofMinutes(5));
 * }</pre>
 */
public final class JobService implements AutoCloseable {

    static final String QUEUE = "orion.jobs";
    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);

    final TenantStores stores;
    final Map<String, Engine> engines;
    final Map<String, Executor> executors;
    final String defaultExecutor;
    final Path workRoot;
    final JobRetryPolicy retry;
    final RecoveryPolicy recovery;
    final Duration pollInterval;
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
    private final QueueWorker worker;
    final JobRunner runner;
    private final JobSubmitter submitter;
    private final Object changed = new Object();
    /** Counts this JVM's job transitions, guarded by {@link #changed}. */
    private long changes;

    private JobService(Builder b) {
        this.stores = b.stores;
        this.engines = Map.copyOf(b.engines);
        this.executors = Map.copyOf(b.executors);
        this.defaultExecutor = b.defaultExecutor.orElse(b.executors.isEmpty() ? "in-process" : b.executors.keySet().iterator().next());
        this.workRoot = b.workRoot;
        this.retry = b.retry;
        this.recovery = b.recovery;
        this.pollInterval = b.pollInterval;
        this.listeners.addAll(b.listeners);
        this.runner = new JobRunner(this);
        this.worker = QueueWorker.builder(stores.workQueue(), QUEUE, runner::handle).workerId(b.workerId)
                .concurrency(b.concurrency).lease(b.lease).pollInterval(b.pollInterval).build();
        this.submitter = new JobSubmitter(this, worker::poke);
    }

    /** @return the tenant whose jobs this service runs */
    public dev.orion.tenant.TenantId tenant() {
        return stores.tenant();
    }

    /** @param stores the tenant's stores  @return a builder */
    public static Builder builder(TenantStores stores) {
        return new Builder(stores);
    }

    /**
     * Reconciles and starts claiming jobs: every unfinished job gets its work item (a JVM may have
     * died between storing a job and enqueueing it; enqueueing is idempotent), and work whose lease
     * lapsed is reclaimed. Jobs that a live worker of another JVM holds are left to it.
     */
    public void start() {
        submitter.enqueueUnfinished();
        int reclaimed = stores.workQueue().reclaimExpired();
        if (reclaimed > 0) {
            LOG.info("job service of tenant {} reclaimed {} jobs of dead workers", stores.tenant().value(), reclaimed);
        }
        worker.start();
    }

    /**
     * @param request what to run
     * @return the stored job (or the earlier job with the same idempotency key, or the succeeded job
     *         of an identical calculation)
     * @throws InvalidCalculationException if the engine refuses the calculation (nothing is stored)
     * @throws IllegalArgumentException    if the engine or executor is not configured
     */
    public JobRecord submit(JobRequest request) {
        Objects.requireNonNull(request, "request");
        return submitter.submit(request);
    }

    Engine engine(String name) {
        Engine e = engines.get(name);
        if (e == null) {
            throw new IllegalArgumentException("engine '" + name + "' is not configured; have " + engines.keySet());
        }
        return e;
    }

    /** @param jobId a job  @return it, if this tenant has it */
    public Optional<JobRecord> job(String jobId) {
        return stores.jobs().find(jobId);
    }

    /** @param jobId a job  @return its status */
    public JobStatus status(String jobId) {
        return job(jobId).orElseThrow(() -> new IllegalArgumentException("no job " + jobId)).status();
    }

    /** @param jobId a job  @return its result, once it succeeded */
    public Optional<CalculationResult> result(String jobId) {
        return job(jobId).flatMap(JobRecord::resultJson).map(CalculationJson::readResult);
    }

    /**
     * @param filter which jobs
     * @param page   which page
     * @return the jobs
     */
    public List<JobRecord> list(JobFilter filter, PageRequest page) {
        return stores.jobs().query(filter, page).items();
    }

    /**
     * One page of the tenant's jobs, with the cursor of the next (for an API that pages through them).
     *
     * @param filter which jobs
     * @param page   which page
     * @return the page
     */
    public Page<JobRecord> query(JobFilter filter, PageRequest page) {
        return stores.jobs().query(filter, page);
    }

    /**
     * Waits until a job ends.
     *
     * @param jobId   the job
     * @param timeout how long to wait
     * @return the job in its terminal state, or empty if it is still going after {@code timeout}
     * @throws InterruptedException if interrupted
     */
    public Optional<JobRecord> await(String jobId, Duration timeout) throws InterruptedException {
        return awaitAll(List.of(jobId), timeout, ProgressListener.none()).map(ended -> ended.get(0));
    }

    /**
     * Waits until every job of a batch ends, reporting how many have ended as they do.
     *
     * <pre>{@code
     * List<JobRecord> done = tenant.jobs().awaitAll(ids, Duration.ofMinutes(10), progress);
     * }</pre>
     *
     * @param jobIds   the jobs (each at most once)
     * @param timeout  how long to wait for all of them
     * @param progress hears {@code (ended, jobIds.size(), "jobs: n failed")} at the start and whenever more have ended
     * @return the jobs in their terminal states, in the order of {@code jobIds}; empty if some are still going
     *         after {@code timeout}
     * @throws IllegalArgumentException if a job does not exist or is listed twice
     * @throws InterruptedException     if interrupted
     */
    public Optional<List<JobRecord>> awaitAll(List<String> jobIds, Duration timeout, ProgressListener progress)
            throws InterruptedException {
        Objects.requireNonNull(progress, "progress");
        Map<String, JobRecord> ended = new HashMap<>();
        if (new HashSet<>(jobIds).size() != jobIds.size()) {
            throw new IllegalArgumentException("jobIds lists a job twice: " + jobIds);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int reported = -1;
        while (true) {
            long seen;
            synchronized (changed) {
                seen = changes;
            }
            for (String id : jobIds) {
                if (!ended.containsKey(id)) {
                    JobRecord j = job(id).orElseThrow(() -> new IllegalArgumentException("no job " + id));
                    if (j.status().isTerminal()) {
                        ended.put(id, j);
                    }
                }
            }
            if (ended.size() != reported) {
                reported = ended.size();
                long failed = ended.values().stream().filter(j -> j.status() != JobStatus.SUCCEEDED).count();
                progress.progressed(new Progress(reported, jobIds.size(), "jobs: " + failed + " failed"));
            }
            if (ended.size() == jobIds.size()) {
                return Optional.of(jobIds.stream().map(ended::get).toList());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            synchronized (changed) {
                // woken by this JVM's transitions (none missed: the counter moved if one came since
                // the read); the bound covers other JVMs'
                if (changes == seen) {
                    changed.wait(Math.max(1, Math.min(left / 1_000_000, 100)));
                }
            }
        }
    }

    /**
     * @param jobId   the job
     * @param timeout how long to wait
     * @return the result
     * @throws JobFailedException   if the job failed or was cancelled
     * @throws InterruptedException if interrupted
     */
    public CalculationResult awaitResult(String jobId, Duration timeout) throws InterruptedException {
        JobRecord j = await(jobId, timeout).orElseThrow(() -> new JobFailedException(jobId, "still running after " + timeout));
        if (j.status() != JobStatus.SUCCEEDED) {
            throw new JobFailedException(jobId, j.status() + ": " + j.error().orElse("no message"));
        }
        return CalculationJson.readResult(j.resultJson().orElseThrow());
    }

    /**
     * Cancels a job: it is marked CANCELLED at once, and its program is stopped wherever it runs.
     *
     * @param jobId the job
     * @return the job after the change (unchanged if it had already ended)
     */
    public JobRecord cancel(String jobId) {
        JobRecord j = job(jobId).orElseThrow(() -> new IllegalArgumentException("no job " + jobId));
        if (j.status().isTerminal()) {
            return j;
        }
        Optional<JobRecord> moved = move(jobId, JobStatus.CANCELLED, Optional.empty(), Optional.empty(),
                Optional.of("cancelled on request"));
        runner.stop(j);
        emit(jobId, JobEvent.Type.CANCELLED, "on request");
        return moved.orElseGet(() -> job(jobId).orElseThrow());
    }

    /** @param listener receives every event of this service  @return this */
    public JobService addListener(JobListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Moves a job to {@code to} from whatever non-terminal state it is in, through RUNNING when the
     * target needs it.
     *
     * @return the job after the move, empty if it had already ended
     */
    Optional<JobRecord> move(String jobId, JobStatus to, Optional<String> externalId, Optional<String> result,
            Optional<String> error) {
        for (int tries = 0; tries < 10; tries++) {
            JobRecord j = job(jobId).orElseThrow();
            JobStatus from = j.status();
            if (from.isTerminal() || from == to) {
                return from == to ? Optional.of(j) : Optional.empty();
            }
            if (!from.canMoveTo(to)) {
                // SUCCEEDED needs RUNNING first
                move(jobId, JobStatus.RUNNING, Optional.empty(), Optional.empty(), Optional.empty());
                continue;
            }
            try {
                JobRecord out = stores.jobs().transition(jobId, new JobTransition(from, to, externalId, result, error));
                if (to.isTerminal()) {
                    meter(out);
                }
                synchronized (changed) {
                    changes++;
                    changed.notifyAll();
                }
                return Optional.of(out);
            } catch (ConflictException e) {
                LOG.debug("job {} changed under us ({}); retrying the move to {}", jobId, e.getMessage(), to);
            }
        }
        throw new IllegalStateException("job " + jobId + " keeps changing; could not move it to " + to);
    }

    /**
     * Records an ended job's compute in the tenant's usage: the cores it asked for times the time it ran.
     * Called once per job, by the move that ended it; a job that never started used nothing.
     */
    private void meter(JobRecord ended) {
        if (ended.startedAt().isEmpty() || ended.finishedAt().isEmpty()) {
            return;
        }
        double seconds = Duration.between(ended.startedAt().get(), ended.finishedAt().get()).toNanos() / 1e9;
        try {
            stores.usage().record(UsageRecord.compute(ended.project(), "job:" + ended.engine(),
                    Math.max(0, seconds) * JobInput.storedCores(ended.inputJson()), BigDecimal.ZERO,
                    ended.finishedAt().get()));
        } catch (RuntimeException e) {
            // metering must never undo or block the job's own transition
            LOG.warn("could not record the compute usage of job {}: {}", ended.id(), e.toString());
        }
    }

    void emit(String jobId, JobEvent.Type type, String message) {
        JobEvent event = new JobEvent(stores.tenant().value(), jobId, type, message, Instant.now());
        for (JobListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("job listener {} failed on {}: {}", l, event, e.toString());
            }
        }
    }

    Path workDir(String jobId) {
        return workRoot.resolve(stores.tenant().value()).resolve(jobId);
    }

    /**
     * Stops claiming jobs and waits up to {@code timeout} for runs in progress; jobs still running
     * are released and picked up again by the next start (local runs are then recovered by policy).
     *
     * @param timeout how long to wait
     * @return whether every job thread finished within the timeout
     */
    public boolean shutdown(Duration timeout) {
        return worker.shutdown(timeout);
    }

    /** Shuts down, waiting up to 10 s. */
    @Override
    public void close() {
        shutdown(Duration.ofSeconds(10));
    }

    /** Configures a {@link JobService}. */
    public static final class Builder {
        private final TenantStores stores;
        private final Map<String, Engine> engines = new LinkedHashMap<>();
        private final Map<String, Executor> executors = new LinkedHashMap<>();
        private Optional<String> defaultExecutor = Optional.empty();
        private Path workRoot = Path.of("orion-work");
        private JobRetryPolicy retry = JobRetryPolicy.transientFailures(3, Duration.ofSeconds(5));
        private RecoveryPolicy recovery = RecoveryPolicy.FAIL;
        private Duration pollInterval = Duration.ofMillis(200);
        private Duration lease = Duration.ofSeconds(30);
        private int concurrency = Math.max(1, Runtime.getRuntime().availableProcessors());
        private String workerId = "jobs-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        private final List<JobListener> listeners = new ArrayList<>();

        private Builder(TenantStores stores) {
            this.stores = Objects.requireNonNull(stores, "stores");
        }

        /** @param e an engine (by its name)  @return this */
        public Builder engine(Engine e) {
            engines.put(e.name(), e);
            return this;
        }

        /** @param e an executor (by its name; the first added is the default)  @return this */
        public Builder executor(Executor e) {
            executors.put(e.name(), e);
            return this;
        }

        /** @param name the executor used when a request names none  @return this */
        public Builder defaultExecutor(String name) {
            this.defaultExecutor = Optional.of(name);
            return this;
        }

        /** @param dir where work folders go ({@code dir/tenant/job/attempt-N})  @return this */
        public Builder workRoot(Path dir) {
            this.workRoot = Objects.requireNonNull(dir, "workRoot");
            return this;
        }

        /** @param p retry policy (default: crashes, time-outs, executor errors, 3 attempts)  @return this */
        public Builder retryPolicy(JobRetryPolicy p) {
            this.retry = Objects.requireNonNull(p, "retryPolicy");
            return this;
        }

        /** @param p what to do with local runs of dead JVMs (default FAIL)  @return this */
        public Builder recoveryPolicy(RecoveryPolicy p) {
            this.recovery = Objects.requireNonNull(p, "recoveryPolicy");
            return this;
        }

        /** @param d how often running jobs are checked (cancellation from other JVMs), default 200 ms  @return this */
        public Builder pollInterval(Duration d) {
            this.pollInterval = Objects.requireNonNull(d, "pollInterval");
            return this;
        }

        /** @param d work lease; a dead JVM's jobs are recovered this long after it died (default 30 s)  @return this */
        public Builder lease(Duration d) {
            this.lease = Objects.requireNonNull(d, "lease");
            return this;
        }

        /** @param n jobs followed at once by this JVM  @return this */
        public Builder concurrency(int n) {
            this.concurrency = n;
            return this;
        }

        /** @param id the worker name recorded on leases  @return this */
        public Builder workerId(String id) {
            this.workerId = Objects.requireNonNull(id, "workerId");
            return this;
        }

        /** @param l an event listener  @return this */
        public Builder listener(JobListener l) {
            listeners.add(Objects.requireNonNull(l, "listener"));
            return this;
        }

        /** @return the service (call {@link JobService#start()}) */
        public JobService build() {
            if (engines.isEmpty()) {
                throw new IllegalStateException("a job service needs at least one engine");
            }
            return new JobService(this);
        }
    }
}
