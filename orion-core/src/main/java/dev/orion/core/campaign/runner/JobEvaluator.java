package dev.orion.core.campaign.runner;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.EvaluationTicket;
import dev.orion.campaign.Evaluator;
import dev.orion.campaign.Measurement;
import dev.orion.campaign.Observation;
import dev.orion.core.OrionTenant;
import dev.orion.core.jobs.JobService;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.JobRequest;
import dev.orion.engine.Resources;
import dev.orion.store.JobRecord;
import dev.orion.store.JobStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * Evaluates a candidate by an engine calculation run as a job of the tenant's {@link JobService} (local or
 * SLURM, as the service is configured): a function builds the {@link Calculation} from the candidate, and
 * named functions read the outcomes from the {@link CalculationResult}. Each candidate is submitted under
 * an idempotency key derived from the evaluator's name and the candidate's id, so submitting it again
 * (after a crash of the runner) re-attaches to the same job. A job that fails, or a result an outcome
 * cannot be read from, is a failed observation. The ticket's reference is the job id, which the runner
 * stores with the observation and links by provenance.
 *
 * <pre>{@code
 * Evaluator eam = JobEvaluator.builder(tenant)
 *         .engine("eam")
 *         .calculation(c -> Calculation.singlePoint(fcc(c.number("a")), potential))
 *         .outcome("energy_per_atom", "eV/atom", CalculationResult::energyPerAtom)
 *         .build();
 * }</pre>
 */
public final class JobEvaluator implements Evaluator {

    private final JobService jobs;
    private final String name;
    private final String engine;
    private final Optional<String> executor;
    private final Resources resources;
    private final Function<Candidate, Calculation> calculation;
    private final Map<String, Outcome> outcomes;
    private final Duration pollWait;

    private record Outcome(String unit, ToDoubleBiFunction<Candidate, CalculationResult> read) {
    }

    private JobEvaluator(Builder b) {
        this.jobs = b.jobs;
        this.name = b.name;
        this.engine = b.engine;
        this.executor = b.executor;
        this.resources = b.resources;
        this.calculation = b.calculation;
        this.outcomes = Map.copyOf(b.outcomes);
        this.pollWait = b.pollWait;
    }

    /**
     * @param tenant the tenant whose job service runs the calculations
     * @return a builder
     * @throws IllegalStateException if ORION was built without an engine, or is closed
     */
    public static Builder builder(OrionTenant tenant) {
        return builder(Objects.requireNonNull(tenant, "tenant").jobs());
    }

    /** @param jobs the job service that runs the calculations (e.g. one with its own lease or executors)  @return a builder */
    public static Builder builder(JobService jobs) {
        return new Builder(Objects.requireNonNull(jobs, "jobs"));
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * @throws dev.orion.engine.InvalidCalculationException if the engine refuses the calculation (the runner
     *                                                      records a failed observation)
     */
    @Override
    public EvaluationTicket submit(Candidate candidate) {
        JobRequest request = JobRequest.of(calculation.apply(candidate), engine).withResources(resources)
                .withIdempotencyKey(idempotencyKey(candidate));
        JobRecord job = jobs.submit(executor.map(request::onExecutor).orElse(request));
        return new EvaluationTicket(candidate, job.id());
    }

    /** Waits up to the poll wait for the job to end. */
    @Override
    public Optional<Observation> poll(EvaluationTicket ticket) {
        JobRecord job;
        try {
            Optional<JobRecord> ended = jobs.await(ticket.reference(), pollWait);
            if (ended.isEmpty()) {
                return Optional.empty();
            }
            job = ended.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        Candidate c = ticket.candidate();
        if (job.status() != JobStatus.SUCCEEDED) {
            return Optional.of(Observation.failed(c, cut("job " + job.id() + " " + job.status() + ": "
                    + job.error().orElse("no error message"))));
        }
        CalculationResult result = jobs.result(job.id()).orElseThrow(() ->
                new IllegalStateException("job " + job.id() + " succeeded without a stored result"));
        Map<String, Measurement> measured = new LinkedHashMap<>();
        for (Map.Entry<String, Outcome> e : outcomes.entrySet()) {
            double v;
            try {
                v = e.getValue().read().applyAsDouble(c, result);
            } catch (RuntimeException ex) {
                return Optional.of(Observation.failed(c, cut("reading " + e.getKey() + " from job " + job.id()
                        + " failed: " + ex)));
            }
            if (!Double.isFinite(v)) {
                return Optional.of(Observation.failed(c, "job " + job.id() + " gave " + e.getKey() + " = " + v));
            }
            measured.put(e.getKey(), Measurement.of(v, e.getValue().unit()));
        }
        return Optional.of(Observation.of(c, measured));
    }

    /** @return the core-hours a finished job of this evaluator took (cores asked for times its run time) */
    double coreHours(String jobId) {
        return jobs.job(jobId).filter(j -> j.startedAt().isPresent() && j.finishedAt().isPresent())
                .map(j -> Duration.between(j.startedAt().get(), j.finishedAt().get()).toMillis() / 3_600_000.0
                        * resources.nodes() * resources.tasks() * resources.cpusPerTask())
                .orElse(0.0);
    }

    private String idempotencyKey(Candidate candidate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((name + '\n' + candidate.id()).getBytes(StandardCharsets.UTF_8));
            return "campaign-eval:" + java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static String cut(String reason) {
        return reason.length() > Observation.MAX_FAILURE_LENGTH ? reason.substring(0, Observation.MAX_FAILURE_LENGTH)
                : reason;
    }

    /** Collects the evaluator's settings; engine, calculation and at least one outcome are required. */
    public static final class Builder {
        private final JobService jobs;
        private String name = "job";
        private String engine;
        private Optional<String> executor = Optional.empty();
        private Resources resources = Resources.defaults();
        private Function<Candidate, Calculation> calculation;
        private final Map<String, Outcome> outcomes = new LinkedHashMap<>();
        private Duration pollWait = Duration.ofSeconds(1);

        private Builder(JobService jobs) {
            this.jobs = jobs;
        }

        /**
         * @param name the evaluator's name (1-100 characters, default "job"); part of every idempotency key,
         *             so two evaluators of one name share the jobs of equal candidates
         * @return this builder (for chaining)
         */
        public Builder name(String name) {
            if (name == null || name.isBlank() || name.length() > 100) {
                throw new IllegalArgumentException("name must be 1-100 characters, got '" + name + "'");
            }
            this.name = name;
            return this;
        }

        /** @param engine the engine's name, as configured in ORION  @return this builder (for chaining) */
        public Builder engine(String engine) {
            if (engine == null || engine.isBlank()) {
                throw new IllegalArgumentException("engine must be named, got '" + engine + "'");
            }
            this.engine = engine;
            return this;
        }

        /** @param executor the executor's name (default: the service's)  @return this builder (for chaining) */
        public Builder executor(String executor) {
            this.executor = Optional.of(Objects.requireNonNull(executor, "executor"));
            return this;
        }

        /** @param resources what each job asks for  @return this builder (for chaining) */
        public Builder resources(Resources resources) {
            this.resources = Objects.requireNonNull(resources, "resources");
            return this;
        }

        /** @param calculation builds the calculation of a candidate  @return this builder (for chaining) */
        public Builder calculation(Function<Candidate, Calculation> calculation) {
            this.calculation = Objects.requireNonNull(calculation, "calculation");
            return this;
        }

        /**
         * @param outcome the outcome's name
         * @param unit    its unit
         * @param read    reads it from a result (e.g. {@code CalculationResult::energyPerAtom})
         * @return this builder (for chaining)
         */
        public Builder outcome(String outcome, String unit, ToDoubleFunction<CalculationResult> read) {
            Objects.requireNonNull(read, "read");
            return candidateOutcome(outcome, unit, (c, r) -> read.applyAsDouble(r));
        }

        /**
         * @param outcome the outcome's name
         * @param unit    its unit
         * @param read    reads it from a candidate and its result (e.g. a mixing energy, which needs the
         *                candidate's composition)
         * @return this builder (for chaining)
         */
        public Builder candidateOutcome(String outcome, String unit, ToDoubleBiFunction<Candidate, CalculationResult> read) {
            if (outcome == null || outcome.isBlank()) {
                throw new IllegalArgumentException("outcome must be named, got '" + outcome + "'");
            }
            outcomes.put(outcome, new Outcome(Objects.requireNonNull(unit, "unit"), Objects.requireNonNull(read, "read")));
            return this;
        }

        /** @param wait how long one poll waits for a job to end (default 1 s)  @return this builder (for chaining) */
        public Builder pollWait(Duration wait) {
            if (wait == null || wait.isNegative()) {
                throw new IllegalArgumentException("pollWait must be >= 0, got " + wait);
            }
            this.pollWait = wait;
            return this;
        }

        /**
         * @return the evaluator
         * @throws IllegalStateException naming what is missing
         */
        public JobEvaluator build() {
            if (engine == null || calculation == null || outcomes.isEmpty()) {
                throw new IllegalStateException("JobEvaluator needs engine(...), calculation(...) and at least one"
                        + " outcome(...); got engine " + engine + ", " + outcomes.size() + " outcomes");
            }
            return new JobEvaluator(this);
        }
    }
}
