package dev.orion.core.campaign.runner;

import dev.orion.campaign.EvaluationTicket;
import dev.orion.campaign.ModelState;
import dev.orion.campaign.Objective;
import dev.orion.campaign.Observation;
import dev.orion.campaign.Proposal;
import dev.orion.campaign.ProposalRequest;
import dev.orion.core.OrionTenant;
import dev.orion.store.CampaignRecord;
import dev.orion.store.CampaignStatus;
import dev.orion.store.CampaignStore;
import dev.orion.store.IterationRecord;
import dev.orion.store.LlmCallAggregate;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.LlmCallGrouping;
import dev.orion.store.ModelRecord;
import dev.orion.store.NewObservation;
import dev.orion.store.ObservationRecord;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.ResourceRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One execution of a campaign by a {@link CampaignRunner}: loads what is stored, then loops to a stop. */
final class CampaignRun {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignRun.class);

    /** An observation with the proposal it answers, so the strategy sees them in proposal order. */
    private record Seen(int iteration, int proposal, Observation observation, Optional<String> jobId) {
    }

    /** A recorded proposal whose observation is not stored yet. */
    private record Open(int iteration, int proposal, Proposal what) {
    }

    private final OrionTenant tenant;
    private final CampaignStore store;
    private final CampaignSettings s;
    private final CampaignRecord campaign;
    private final boolean resumed;
    private final List<Seen> seen = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private int iterations;
    /** LLM spend of iterations {@code 0 .. costedIterations - 1}, which no longer change. */
    private BigDecimal settledCost = BigDecimal.ZERO;
    private int costedIterations;
    private double coreHours;

    CampaignRun(OrionTenant tenant, CampaignSettings settings, CampaignRecord campaign, boolean resumed) {
        this.tenant = tenant;
        this.store = tenant.campaigns();
        this.s = settings;
        this.campaign = campaign;
        this.resumed = resumed;
    }

    CampaignOutcome execute() {
        CampaignRecord running = store.updateStatus(campaign.id(), CampaignStatus.RUNNING);
        notify(l -> l.started(running, resumed));
        try {
            List<Open> open = load();
            if (!open.isEmpty()) {
                LOG.info("campaign {} resumes {} proposals recorded but not observed", campaign.id(), open.size());
                evaluate(open);
            }
            StopReason reason;
            while ((reason = stopReason().orElse(null)) == null) {
                int budget = s.stop().maxEvaluations() - seen.size();
                ProposalRequest request = new ProposalRequest(s.space(), s.goal(), observations(), List.of(),
                        Math.min(s.batchSize(), budget), s.seed());
                List<Proposal> proposals = checked(s.proposalStep().propose(
                        new ProposalContext(campaign.id(), iterations, request, s.strategy())), request.batchSize());
                if (proposals.isEmpty()) {
                    reason = StopReason.EXHAUSTED;
                    break;
                }
                int iteration = iterations;
                store.recordIteration(campaign.id(), iteration, CampaignJson.proposals(proposals, register(proposals)));
                iterations++;
                notify(l -> l.proposed(iteration, proposals));
                List<Open> batch = new ArrayList<>();
                for (int k = 0; k < proposals.size(); k++) {
                    batch.add(new Open(iteration, k, proposals.get(k)));
                }
                evaluate(batch);
            }
            store.updateStatus(campaign.id(), CampaignStatus.COMPLETED);
            CampaignOutcome outcome = new CampaignOutcome(campaign.id(), reason, iterations, observations(), best());
            LOG.info("campaign {} stopped ({}) after {} evaluations in {} iterations", campaign.id(), reason,
                    outcome.evaluations(), iterations);
            notify(l -> l.stopped(outcome));
            return outcome;
        } catch (CancellationException e) {
            store.updateStatus(campaign.id(), CampaignStatus.PAUSED);
            throw e;
        } catch (RuntimeException e) {
            store.updateStatus(campaign.id(), CampaignStatus.FAILED);
            throw e;
        }
    }

    /** A proposal step must stay within the batch (and so the budget) and the space, or nothing is recorded. */
    private List<Proposal> checked(List<Proposal> proposals, int batchSize) {
        if (proposals.size() > batchSize) {
            throw new IllegalStateException("proposal step " + s.proposalStep() + " returned " + proposals.size()
                    + " proposals for a batch of " + batchSize);
        }
        for (Proposal p : proposals) {
            if (!s.space().isFeasible(p.candidate())) {
                throw new IllegalStateException("proposal step " + s.proposalStep() + " proposed " + p.candidate().id()
                        + ", which is outside the space: " + s.space().violations(p.candidate()));
            }
        }
        return List.copyOf(proposals);
    }

    /**
     * Records each model the proposals were scored with in the tenant's model registry (a refit on the same
     * data, as after a resume, is the version already there).
     */
    private Map<ModelState, Integer> register(List<Proposal> proposals) {
        Map<ModelState, Integer> versions = new HashMap<>();
        for (Proposal p : proposals) {
            p.model().filter(m -> !versions.containsKey(m)).ifPresent(m -> {
                ModelRecord r = tenant.models().register(CampaignRunner.modelName(campaign.id()), m);
                versions.put(m, r.version());
                LOG.debug("campaign {}: model version {} ({} on {} points)", campaign.id(), r.version(), m.kind(),
                        m.trainingSize());
            });
        }
        return versions;
    }

    /** Reads the stored iterations and observations; returns the proposals still to observe. */
    private List<Open> load() {
        List<IterationRecord> stored = store.iterations(campaign.id());
        iterations = stored.size();
        Map<String, Seen> byProposal = new HashMap<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<ObservationRecord> p = store.observations(campaign.id(), page);
            for (ObservationRecord r : p.items()) {
                Seen x = new Seen(r.iteration(), CampaignJson.proposalIndex(r.candidateJson()),
                        CampaignJson.readObservation(r.candidateJson(), s.space()), r.jobId());
                if (x.proposal() == CampaignJson.EXTERNAL) {
                    seen.add(x);
                } else {
                    byProposal.putIfAbsent(x.iteration() + "/" + x.proposal(), x);
                }
                r.jobId().ifPresent(j -> coreHours += coreHoursOf(j));
            }
            if (!p.hasNext()) {
                break;
            }
            page = p.next(page);
        }
        seen.addAll(byProposal.values());
        seen.sort(Comparator.comparingInt(Seen::iteration).thenComparingInt(Seen::proposal));
        List<Open> open = new ArrayList<>();
        for (IterationRecord it : stored) {
            List<Proposal> proposals = CampaignJson.readProposals(it.stateJson(), s.space());
            for (int k = 0; k < proposals.size(); k++) {
                if (!byProposal.containsKey(it.index() + "/" + k)) {
                    open.add(new Open(it.index(), k, proposals.get(k)));
                }
            }
        }
        return open;
    }

    /** Submits every proposal, then polls until each has its observation stored. */
    private void evaluate(List<Open> batch) {
        Map<Open, EvaluationTicket> tickets = new java.util.LinkedHashMap<>();
        for (Open o : batch) {
            try {
                tickets.put(o, s.evaluator().submit(o.what().candidate()));
            } catch (RuntimeException e) {
                LOG.warn("campaign {}: submitting {} failed: {}", campaign.id(), o.what().candidate().id(), e.toString());
                record(o, Observation.failed(o.what().candidate(), reason(e)), Optional.empty());
            }
        }
        while (!tickets.isEmpty()) {
            boolean progressed = false;
            for (var it = tickets.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                Optional<Observation> done = s.evaluator().poll(e.getValue());
                if (done.isPresent()) {
                    Optional<String> jobId = s.evaluator() instanceof JobEvaluator
                            ? Optional.of(e.getValue().reference()) : Optional.empty();
                    ResourceRef recorded = record(e.getKey(), done.get(), jobId);
                    if (s.evaluator() instanceof TracedEvaluator traced) {
                        tenant.provenance().link(recorded, "derived-from", traced.source(e.getValue()));
                    }
                    it.remove();
                    progressed = true;
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("campaign " + campaign.id() + " interrupted with " + tickets.size()
                        + " evaluations running; resume it with CampaignRunner.resume");
            }
            if (!progressed && !tickets.isEmpty()) {
                LockSupport.parkNanos(s.pollInterval().toNanos());
            }
        }
    }

    private ResourceRef record(Open o, Observation observation, Optional<String> jobId) {
        Map<String, Double> values = new HashMap<>();
        observation.outcomes().forEach((k, m) -> values.put(k, m.value()));
        ObservationRecord r = store.addObservation(campaign.id(), new NewObservation(o.iteration(),
                CampaignJson.observation(o.proposal(), observation), values, Optional.empty(), jobId));
        ResourceRef ref = ResourceRef.of("observation", r.id());
        tenant.provenance().link(ref, "observed-in", ResourceRef.of("campaign", campaign.id()));
        jobId.ifPresent(j -> {
            tenant.provenance().link(ref, "derived-from", ResourceRef.of("job", j));
            coreHours += coreHoursOf(j);
        });
        seen.add(new Seen(o.iteration(), o.proposal(), observation, jobId));
        seen.sort(Comparator.comparingInt(Seen::iteration).thenComparingInt(Seen::proposal));
        Optional<Observation> best = best();
        notify(l -> l.observed(o.iteration(), observation, jobId, best));
        return ref;
    }

    private Optional<StopReason> stopReason() {
        StopCriteria stop = s.stop();
        if (seen.size() >= stop.maxEvaluations()) {
            return Optional.of(StopReason.EVALUATIONS);
        }
        if (stop.maxWallTime().isPresent()
                && System.nanoTime() - startNanos >= stop.maxWallTime().get().toNanos()) {
            return Optional.of(StopReason.WALL_TIME);
        }
        if (stop.maxCoreHours().isPresent() && coreHours >= stop.maxCoreHours().getAsDouble()) {
            return Optional.of(StopReason.CORE_HOURS);
        }
        if (stop.maxLlmCost().isPresent() && llmCost().compareTo(stop.maxLlmCost().get()) >= 0) {
            return Optional.of(StopReason.LLM_COST);
        }
        Optional<Objective> single = s.goal().isMultiObjective() ? Optional.empty()
                : Optional.of(s.goal().objectives().get(0));
        if (single.isEmpty()) {
            return Optional.empty();
        }
        Objective o = single.get();
        if (stop.target().isPresent() && bestUpTo(iterations) <= o.toMinimized(stop.target().getAsDouble())) {
            return Optional.of(StopReason.TARGET_REACHED);
        }
        if (stop.patience().isPresent()) {
            int k = stop.patience().getAsInt();
            if (iterations > k && !(bestUpTo(iterations) < bestUpTo(iterations - k))) {
                return Optional.of(StopReason.NO_IMPROVEMENT);
            }
        }
        return Optional.empty();
    }

    /** @return the best minimised objective value among observations of iterations before {@code end} */
    private double bestUpTo(int end) {
        Objective o = s.goal().objectives().get(0);
        double best = Double.POSITIVE_INFINITY;
        for (Seen x : seen) {
            if (x.iteration() < end && s.goal().isSatisfiedBy(x.observation())) {
                best = Math.min(best, o.toMinimized(x.observation().value(o.outcome()).getAsDouble()));
            }
        }
        return best;
    }

    private Optional<Observation> best() {
        if (s.goal().isMultiObjective()) {
            return Optional.empty();
        }
        Objective o = s.goal().objectives().get(0);
        return seen.stream().map(Seen::observation).filter(s.goal()::isSatisfiedBy)
                .min(Comparator.comparingDouble(x -> o.toMinimized(x.value(o.outcome()).getAsDouble())));
    }

    private List<Observation> observations() {
        return seen.stream().map(Seen::observation).toList();
    }

    /** @return the cost of the tenant's LLM calls recorded with the campaign as their run id */
    /**
     * @return the LLM spend of the campaign: calls under its id, and under {@code <id>/<iteration>} as a
     *         proposal step (the campaign agent) logs them; iterations before the last two are summed once
     */
    private BigDecimal llmCost() {
        int settled = Math.max(0, iterations - 1);
        while (costedIterations < settled) {
            settledCost = settledCost.add(llmCost(campaign.id() + "/" + costedIterations++));
        }
        BigDecimal total = settledCost.add(llmCost(campaign.id()));
        for (int i = settled; i <= iterations; i++) {
            total = total.add(llmCost(campaign.id() + "/" + i));
        }
        return total;
    }

    private BigDecimal llmCost(String runId) {
        return tenant.llmCalls().aggregate(LlmCallFilter.all().withRunId(runId), LlmCallGrouping.MODEL).stream()
                .map(LlmCallAggregate::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private double coreHoursOf(String jobId) {
        return s.evaluator() instanceof JobEvaluator j ? j.coreHours(jobId) : 0;
    }

    private void notify(Consumer<CampaignListener> event) {
        for (CampaignListener l : s.listeners()) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("campaign {}: listener {} failed", campaign.id(), l, e);
            }
        }
    }

    private static String reason(RuntimeException e) {
        String r = e.getClass().getSimpleName() + ": " + e.getMessage();
        return r.length() > Observation.MAX_FAILURE_LENGTH ? r.substring(0, Observation.MAX_FAILURE_LENGTH) : r;
    }

}
