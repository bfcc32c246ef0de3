package dev.orion.core.orchestrator;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.store.CampaignLease;
import dev.orion.store.ConflictException;
import dev.orion.store.JobFilter;
import dev.orion.store.JobStatus;
import dev.orion.store.OrchestratorRun;
import dev.orion.store.OrchestratorSettings;
import dev.orion.store.OrchestratorStore;
import dev.orion.store.TenantStores;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Advances registered campaigns on its own. Each {@link #tick()} looks at every registered campaign whose
 * stored {@link OrchestratorSettings} are active, and for each one that is due (its mode or a trigger) takes
 * the campaign's lease in the store, checks again under the lease, records a run, takes one
 * {@link CampaignStep}, and records the result. Any number of orchestrators, in any number of JVMs sharing one
 * store, may tick the same campaigns: the lease lets one run at a time, and because the check is repeated
 * under the lease against the stored run history, each trigger causes one run. A run whose orchestrator died
 * is marked abandoned by the next holder of the lease, which runs the step again ({@code "resume"}); the default
 * step finishes the iteration the dead one left open.
 *
 * <pre>{@code
 * acme.orchestration().save(OrchestratorSettings.scheduled(campaignId, Duration.ofMinutes(10)).triggerAfterObservations(3));
 * Orchestrator orchestrator = Orchestrator.builder(orion).owner("node-1").build()
 *         .register(TenantId.of("acme"), campaignId, CampaignStep.oneIteration(2, stop -> runnerWith(stop)));
 * orchestrator.start();          // ticks every tickInterval until close()
 * }</pre>
 *
 * <p>While a step runs, the lease is renewed every third of its time to live; if renewal fails (the store
 * is unreachable, or another took over after a stall) the step's thread is interrupted.
 */
public final class Orchestrator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);

    private record Registration(OrionTenant tenant, TenantStores stores, String campaignId, CampaignStep step) {
    }

    private final Orion orion;
    private final String owner;
    private final Duration leaseTtl;
    private final Duration tickInterval;
    private final Clock clock;
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> ticking;

    private Orchestrator(Builder b) {
        this.orion = b.orion;
        this.owner = b.owner;
        this.leaseTtl = b.leaseTtl;
        this.tickInterval = b.tickInterval;
        this.clock = b.clock;
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "orion-orchestrator-" + b.owner);
            t.setDaemon(true);
            return t;
        });
    }

    /** @param orion the ORION instance whose store holds campaigns, settings and leases  @return a builder */
    public static Builder builder(Orion orion) {
        return new Builder(Objects.requireNonNull(orion, "orion"));
    }

    /** @return this orchestrator's name, as recorded on leases and runs */
    public String owner() {
        return owner;
    }

    /**
     * Lets this orchestrator advance a campaign; what it does and when comes from the stored settings.
     *
     * @param tenant     the tenant
     * @param campaignId the campaign
     * @param step       what one run does
     * @return this orchestrator (for chaining)
     */
    public Orchestrator register(TenantId tenant, String campaignId, CampaignStep step) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(step, "step");
        OrionTenant view = orion.tenant(tenant);
        registrations.add(new Registration(view, orion.stores().tenant(tenant, view.actor()), campaignId, step));
        return this;
    }

    /**
     * One pass over the registered campaigns, in the calling thread.
     *
     * @return the runs this orchestrator finished in the pass (others' runs are not included)
     */
    public List<OrchestratorRun> tick() {
        List<OrchestratorRun> done = new ArrayList<>();
        for (Registration r : registrations) {
            try {
                Optional<OrchestratorSettings> settings = r.tenant().orchestration().find(r.campaignId());
                if (settings.isPresent() && due(r, settings.get()).isPresent()) {
                    runUnderLease(r, false).ifPresent(done::add);
                }
            } catch (RuntimeException e) {
                LOG.warn("orchestrator {}: campaign {} of tenant {} could not be advanced: {}", owner, r.campaignId(),
                        r.tenant().tenant(), e.toString());
            }
        }
        return done;
    }

    /**
     * Runs one step of a registered campaign now, whatever its mode and triggers, unless another orchestrator
     * holds its lease.
     *
     * @param tenant     the tenant
     * @param campaignId the campaign
     * @return the finished run, or empty if another orchestrator is running the campaign
     * @throws IllegalArgumentException if the campaign is not registered with this orchestrator
     */
    public Optional<OrchestratorRun> runNow(TenantId tenant, String campaignId) {
        Registration r = registrations.stream().filter(x -> x.tenant().tenant().equals(tenant) && x.campaignId().equals(campaignId))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("campaign " + campaignId + " of tenant " + tenant
                        + " is not registered with orchestrator " + owner));
        return runUnderLease(r, true);
    }

    /**
     * Records that an experiment of the campaign finished, for its {@code afterExperiment} trigger (seen by
     * every orchestrator on the store).
     *
     * @param tenant     the tenant
     * @param campaignId the campaign
     */
    public void experimentFinished(TenantId tenant, String campaignId) {
        orion.tenant(tenant).orchestration().signalExperiment(campaignId);
    }

    /** Ticks every tick interval in a background thread until {@link #close()}. */
    public synchronized void start() {
        if (ticking == null) {
            ticking = scheduler.scheduleWithFixedDelay(this::tick, 0, tickInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops ticking; a step still running finishes first. Leases are not held after it returns. */
    @Override
    public synchronized void close() {
        if (ticking != null) {
            ticking.cancel(false);
        }
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.warn("orchestrator {} did not stop within a minute", owner);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<String> due(Registration r, OrchestratorSettings s) {
        OrchestratorStore o = r.tenant().orchestration();
        return Triggers.due(s, o.lastRun(r.campaignId()), Triggers.observationCount(r.tenant(), r.campaignId()),
                o.experimentSignals(r.campaignId()), () -> queueIdle(r), clock.instant());
    }

    private static boolean queueIdle(Registration r) {
        return r.stores().jobs().count(JobFilter.all().withStatus(JobStatus.SUBMITTED, JobStatus.QUEUED, JobStatus.RUNNING)) == 0;
    }

    private Optional<OrchestratorRun> runUnderLease(Registration r, boolean manual) {
        OrchestratorStore o = r.tenant().orchestration();
        Optional<CampaignLease> acquired = o.acquire(r.campaignId(), owner, leaseTtl);
        if (acquired.isEmpty()) {
            return Optional.empty();
        }
        CampaignLease lease = acquired.get();
        try {
            // checked again under the lease: another orchestrator may have served this trigger meanwhile
            Optional<String> trigger = manual ? Optional.of(Triggers.MANUAL)
                    : o.find(r.campaignId()).flatMap(s -> due(r, s));
            if (trigger.isEmpty()) {
                return Optional.empty();
            }
            Optional<OrchestratorRun> previous = o.lastRun(r.campaignId());
            OrchestratorRun run = o.startRun(lease, trigger.get(), Triggers.observationCount(r.tenant(), r.campaignId()),
                    o.experimentSignals(r.campaignId()));
            LOG.info("orchestrator {} runs campaign {} of tenant {} ({}, fence {})", owner, r.campaignId(), r.tenant().tenant(),
                    trigger.get(), lease.fence());
            OrchestratorRun.StepRecord record = step(r, run, previous, lease);
            return Optional.of(o.finishRun(lease, run.id(), record));
        } catch (ConflictException e) {
            LOG.warn("orchestrator {} lost the lease of campaign {}: {}", owner, r.campaignId(), e.getMessage());
            return Optional.empty();
        } finally {
            o.release(lease);
        }
    }

    private OrchestratorRun.StepRecord step(Registration r, OrchestratorRun run, Optional<OrchestratorRun> previous,
                                            CampaignLease lease) {
        Thread stepThread = Thread.currentThread();
        OrchestratorStore o = r.tenant().orchestration();
        CampaignLease[] held = {lease};
        long every = Math.max(1, leaseTtl.toMillis() / 3);
        ScheduledFuture<?> renewal = scheduler.scheduleAtFixedRate(() -> {
            try {
                Optional<CampaignLease> renewed = o.renew(held[0], leaseTtl);
                if (renewed.isEmpty()) {
                    LOG.warn("orchestrator {} lost the lease of campaign {}; interrupting its step", owner, r.campaignId());
                    stepThread.interrupt();
                    throw new IllegalStateException("lease lost");
                }
            } catch (RuntimeException e) {
                stepThread.interrupt();
                throw e;
            }
        }, every, every, TimeUnit.MILLISECONDS);
        try {
            StepResult result = r.step().advance(new StepContext(r.tenant(), r.campaignId(), run.id(), run.trigger()));
            Optional<String> best = previous.flatMap(OrchestratorRun::result).flatMap(OrchestratorRun.StepRecord::bestCandidate);
            boolean improved = result.bestCandidate().isPresent() && !result.bestCandidate().equals(best);
            return new OrchestratorRun.StepRecord(result.iterations(), result.evaluations(), result.cost(), improved,
                    result.bestCandidate(), Optional.empty());
        } catch (RuntimeException e) {
            LOG.warn("orchestrator {}: step of campaign {} failed: {}", owner, r.campaignId(), e.toString());
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            return new OrchestratorRun.StepRecord(0, 0, BigDecimal.ZERO, false, Optional.empty(),
                    Optional.of(error.length() > 4000 ? error.substring(0, 4000) : error));
        } finally {
            renewal.cancel(false);
            Thread.interrupted();
        }
    }

    /** Collects an orchestrator's settings; all have defaults. */
    public static final class Builder {
        private final Orion orion;
        private String owner = "orchestrator-" + ProcessHandle.current().pid();
        private Duration leaseTtl = Duration.ofMinutes(1);
        private Duration tickInterval = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();

        private Builder(Orion orion) {
            this.orion = orion;
        }

        /** @param name this instance's name on leases and runs (1-200 characters; default from the process id)  @return this builder (for chaining) */
        public Builder owner(String name) {
            if (name == null || name.isBlank() || name.length() > 200) {
                throw new IllegalArgumentException("owner must be 1-200 characters, got '" + name + "'");
            }
            this.owner = name;
            return this;
        }

        /** @param ttl how long a lease lasts without renewal (1 s to 1 day; default 1 min)  @return this builder (for chaining) */
        public Builder leaseTtl(Duration ttl) {
            if (ttl == null || ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("leaseTtl must be between 1 s and 1 day, got " + ttl);
            }
            this.leaseTtl = ttl;
            return this;
        }

        /** @param interval time between ticks of {@link #start()} (&gt; 0; default 5 s)  @return this builder (for chaining) */
        public Builder tickInterval(Duration interval) {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("tickInterval must be positive, got " + interval);
            }
            this.tickInterval = interval;
            return this;
        }

        /** @param c the clock of schedules and time triggers (default UTC system clock; use the store's)  @return this builder (for chaining) */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** @return the orchestrator (not ticking until {@link Orchestrator#start()}) */
        public Orchestrator build() {
            return new Orchestrator(this);
        }
    }
}
