package dev.orion.core.workflow;

import dev.orion.core.OrionTenant;
import dev.orion.core.jobs.JobService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs validated workflows for one tenant. Each step starts as soon as the steps it needs have ended, up to
 * {@link Builder#parallelism} at once (fan-out items too); every calculation is a job of the tenant's
 * {@link dev.orion.core.jobs.JobService}, submitted under a key made of the run id, the step and the item.
 * Running the same run id again (after a crash, or to finish a failed run) therefore finds the jobs already
 * done instead of computing them again, and an identical calculation done by any earlier run is reused by
 * content hash.
 *
 * <p>The run is stored in the tenant's {@link dev.orion.store.WorkflowRunStore} as it goes (the run, each step and
 * fan-out item with its outputs, jobs, attempts, error and cost); a run id given again continues that stored run,
 * with what its steps spent before carried over, so its cost counts every LLM call made under its id.
 *
 * <pre>{@code
 * WorkflowRunner runner = WorkflowRunner.builder(orion.tenant(TenantId.of("acme"))).parallelism(4)
 *         .listener(e -> log.info("{}", e)).build();
 * Workflow eos = WorkflowLoader.standard().load(Path.of("eos.yaml")).orThrow();
 * WorkflowRun run = runner.run(eos, Map.of("potential", "Cu_u3.eam"));
 * double b0 = (Double) run.outputs().get("b0_gpa");
 * WorkflowRunRecord stored = tenant.workflowRuns().find(run.runId()).orElseThrow();
 * }</pre>
 */
public final class WorkflowRunner {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowRunner.class);

    private final OrionTenant tenant;
    private final int parallelism;
    private final int maxFanOut;
    private final Duration jobTimeout;
    private final List<WorkflowListener> listeners;
    private final Optional<JobService> jobs;

    private WorkflowRunner(Builder b) {
        this.tenant = b.tenant;
        this.jobs = b.jobs;
        this.parallelism = b.parallelism;
        this.maxFanOut = b.maxFanOut;
        this.jobTimeout = b.jobTimeout;
        this.listeners = new CopyOnWriteArrayList<>(b.listeners);
    }

    /** @param tenant the tenant whose jobs, models and stores the runs use  @return a builder */
    public static Builder builder(OrionTenant tenant) {
        return new Builder(tenant);
    }

    /**
     * Runs a workflow under a new run id and waits for it.
     *
     * @param workflow the workflow
     * @param inputs   values of its inputs; text is converted to the input's type (numbers, booleans, lists
     *                 separated by commas, structure file paths)
     * @return the outcome
     * @throws InvalidWorkflowException if an input is missing, unknown or of the wrong type (nothing runs)
     * @throws InterruptedException     if interrupted while waiting (the run is cancelled)
     */
    public WorkflowRun run(Workflow workflow, Map<String, ?> inputs) throws InterruptedException {
        return run(workflow, inputs, UUID.randomUUID().toString());
    }

    /**
     * Runs a workflow under the given run id and waits for it. A run id used before resumes that run: jobs it
     * submitted are found again, finished ones are not recomputed.
     *
     * @param workflow the workflow
     * @param inputs   values of its inputs
     * @param runId    the run id (1 to 64 letters, digits, '-', '_', '.')
     * @return the outcome
     * @throws InvalidWorkflowException if an input is missing, unknown or of the wrong type
     * @throws InterruptedException     if interrupted while waiting (the run is cancelled)
     */
    public WorkflowRun run(Workflow workflow, Map<String, ?> inputs, String runId) throws InterruptedException {
        WorkflowExecution e = start(workflow, inputs, runId);
        try {
            return e.await(Duration.ofDays(3650)).orElseThrow();
        } catch (InterruptedException x) {
            e.cancel();
            throw x;
        }
    }

    /**
     * Starts a run in the background.
     *
     * @param workflow the workflow
     * @param inputs   values of its inputs
     * @param runId    the run id; see {@link #run(Workflow, Map, String)}
     * @return the run in progress
     * @throws InvalidWorkflowException if an input is missing, unknown or of the wrong type
     * @throws dev.orion.store.ConflictException if the run id belongs to a stored run of another workflow
     */
    public WorkflowExecution start(Workflow workflow, Map<String, ?> inputs, String runId) {
        Objects.requireNonNull(workflow, "workflow");
        if (runId == null || !runId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("runId must be 1-64 letters, digits, '.', '_' or '-', got '" + runId + "'");
        }
        Map<String, Object> bound = InputValues.bind(workflow, inputs);
        Execution execution = new Execution(this, tenant, workflow, runId, bound);
        execution.begin();
        CompletableFuture<WorkflowRun> future = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                future.complete(execution.run());
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "workflow-run-" + runId);
        t.setDaemon(true);
        t.start();
        return new WorkflowExecution(runId, execution, future);
    }

    /**
     * Runs one workflow over many inputs (a hundred structures, say), each as its own run with id
     * {@code batchId-<index>}, up to {@link Builder#parallelism} runs at once. An item whose inputs are invalid or
     * whose run fails is reported in its place; the others go on. Running the same batch id again resumes it.
     *
     * @param workflow the workflow
     * @param items    the inputs of each run
     * @param batchId  the batch id (1 to 48 letters, digits, '-', '_', '.')
     * @return every item's outcome, in order
     * @throws InterruptedException if interrupted while waiting (running items are cancelled)
     */
    public BatchRun batch(Workflow workflow, List<? extends Map<String, ?>> items, String batchId) throws InterruptedException {
        if (batchId == null || !batchId.matches("[A-Za-z0-9._-]{1,48}")) {
            throw new IllegalArgumentException("batchId must be 1-48 letters, digits, '.', '_' or '-', got '" + batchId + "'");
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<BatchRun.Item>> futures = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                int index = i;
                Map<String, ?> in = items.get(i);
                futures.add(pool.submit(() -> {
                    try {
                        return BatchRun.Item.of(index, run(workflow, in, batchId + "-" + index));
                    } catch (InvalidWorkflowException e) {
                        return BatchRun.Item.invalid(index, e.getMessage());
                    }
                }));
            }
            List<BatchRun.Item> out = new ArrayList<>();
            for (Future<BatchRun.Item> f : futures) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("batch " + batchId + " broke down", e.getCause());
                }
            }
            return new BatchRun(batchId, out);
        } finally {
            pool.shutdownNow();
        }
    }

    int parallelism() {
        return parallelism;
    }

    int maxFanOut() {
        return maxFanOut;
    }

    Duration jobTimeout() {
        return jobTimeout;
    }

    JobService jobs() {
        return jobs.orElseGet(tenant::jobs);
    }

    void emit(WorkflowEvent event) {
        for (WorkflowListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("workflow listener {} failed on {}", l, event, e);
            }
        }
    }

    /** Configures a {@link WorkflowRunner}. */
    public static final class Builder {
        private final OrionTenant tenant;
        private int parallelism = Math.max(1, Runtime.getRuntime().availableProcessors());
        private int maxFanOut = WorkflowLoader.DEFAULT_MAX_FAN_OUT;
        private Duration jobTimeout = Duration.ofDays(7);
        private final List<WorkflowListener> listeners = new ArrayList<>();
        private Optional<JobService> jobs = Optional.empty();

        private Builder(OrionTenant tenant) {
            this.tenant = Objects.requireNonNull(tenant, "tenant");
        }

        /**
         * @param n how many steps (and how many items of a fan-out, and runs of a batch) run at once; the job service's
         *          own concurrency and executors limit the calculations further
         * @return this builder
         */
        public Builder parallelism(int n) {
            if (n < 1 || n > 1024) {
                throw new IllegalArgumentException("parallelism must be 1-1024, got " + n);
            }
            this.parallelism = n;
            return this;
        }

        /** @param max the largest fan-out allowed at run time  @return this builder */
        public Builder maxFanOut(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxFanOut must be >= 1, got " + max);
            }
            this.maxFanOut = max;
            return this;
        }

        /** @param timeout how long a step waits for one job before failing it  @return this builder */
        public Builder jobTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("jobTimeout must be positive, got " + timeout);
            }
            this.jobTimeout = timeout;
            return this;
        }

        /**
         * @param service the job service that runs the calculations, instead of the tenant's ({@code tenant.jobs()});
         *                for policies the {@code Orion} builder does not set (leases, recovery, concurrency). It must
         *                belong to the same tenant.
         * @return this builder
         * @throws IllegalArgumentException if the service belongs to another tenant
         */
        public Builder jobService(JobService service) {
            if (!service.tenant().equals(tenant.tenant())) {
                throw new IllegalArgumentException("the job service belongs to tenant " + service.tenant().value()
                        + ", the runner to " + tenant.tenant().value());
            }
            this.jobs = Optional.of(service);
            return this;
        }

        /** @param listener receives the events of every run  @return this builder */
        public Builder listener(WorkflowListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** @return the runner */
        public WorkflowRunner build() {
            return new WorkflowRunner(this);
        }
    }
}
