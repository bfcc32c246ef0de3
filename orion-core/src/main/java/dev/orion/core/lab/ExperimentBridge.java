package dev.orion.core.lab;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.EvaluationTicket;
import dev.orion.campaign.Evaluator;
import dev.orion.campaign.Measurement;
import dev.orion.campaign.Observation;
import dev.orion.core.OrionTenant;
import dev.orion.core.campaign.runner.CampaignRunner;
import dev.orion.core.campaign.runner.JobEvaluator;
import dev.orion.core.campaign.runner.TracedEvaluator;
import dev.orion.store.ResourceRef;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The experiment-simulation bridge: a campaign evaluator that measures each candidate on an instrument and,
 * at the same time, simulates the same candidate (a {@link JobEvaluator} running an engine, or any evaluator).
 * The experiment's result is the campaign's observation (linked to its experiment by the runner); the
 * simulation's result is added to the campaign too, its outcomes renamed with the suffix {@code _simulated}
 * (so strategies optimising the measured outcome are not misled by it, while reports and models can use
 * it), and linked by provenance to the job or simulation it derives from and to the experiment it
 * simulates ({@code "simulates"}). A candidate's observation is returned once both have finished.
 *
 * <pre>{@code
 * Evaluator lab = ExperimentBridge.of(acme, runner, campaignId,
 *         InstrumentEvaluator.builder(instrument).build(), JobEvaluator.builder(acme.jobs(), ...).build());
 * }</pre>
 * The runner given here records the simulation observations ({@link CampaignRunner#addObservation}); it is the
 * campaign's runner, built with its space and goal.
 */
public final class ExperimentBridge implements TracedEvaluator {

    /** The suffix of simulated outcomes' names. */
    public static final String SIMULATED_SUFFIX = "_simulated";
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentBridge.class);

    private final OrionTenant tenant;
    private final CampaignRunner runner;
    private final String campaignId;
    private final InstrumentEvaluator experiment;
    private final Evaluator simulation;
    /** The simulation ticket of each candidate id whose simulation result is not recorded yet. */
    private final Map<String, EvaluationTicket> simulations = new ConcurrentHashMap<>();

    private ExperimentBridge(OrionTenant tenant, CampaignRunner runner, String campaignId, InstrumentEvaluator experiment,
                             Evaluator simulation) {
        this.tenant = tenant;
        this.runner = runner;
        this.campaignId = campaignId;
        this.experiment = experiment;
        this.simulation = simulation;
    }

    /**
     * @param tenant     whose campaign
     * @param runner     the campaign's runner, which records the simulation observations
     * @param campaignId the stored campaign
     * @param experiment measures on the instrument
     * @param simulation simulates the same candidates
     * @return the bridge, an evaluator for the campaign's runner
     */
    public static ExperimentBridge of(OrionTenant tenant, CampaignRunner runner, String campaignId, InstrumentEvaluator experiment,
                                      Evaluator simulation) {
        return new ExperimentBridge(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(runner, "runner"),
                Objects.requireNonNull(campaignId, "campaignId"), Objects.requireNonNull(experiment, "experiment"),
                Objects.requireNonNull(simulation, "simulation"));
    }

    @Override
    public String name() {
        return experiment.name();
    }

    @Override
    public EvaluationTicket submit(Candidate candidate) {
        EvaluationTicket measured = experiment.submit(candidate);
        simulations.computeIfAbsent(candidate.id(), id -> simulation.submit(candidate));
        return measured;
    }

    @Override
    public Optional<Observation> poll(EvaluationTicket ticket) {
        EvaluationTicket simulated = simulations.get(ticket.candidate().id());
        if (simulated != null) {
            Optional<Observation> sim = simulation.poll(simulated);
            if (sim.isEmpty()) {
                return Optional.empty();
            }
            record(sim.get(), simulated, experiment.source(ticket));
            simulations.remove(ticket.candidate().id());
        }
        return experiment.poll(ticket);
    }

    @Override
    public ResourceRef source(EvaluationTicket ticket) {
        return experiment.source(ticket);
    }

    private void record(Observation sim, EvaluationTicket simulated, ResourceRef experimentRef) {
        if (tenant.provenance().linksTo(experimentRef).stream().anyMatch(l -> l.relation().equals("simulates"))) {
            return; // recorded before a restart: the runner submitted the candidate again on resume
        }
        Map<String, Measurement> renamed = new TreeMap<>();
        sim.outcomes().forEach((k, m) -> renamed.put(k + SIMULATED_SUFFIX, m));
        Observation o = new Observation(sim.candidate(), renamed, sim.failure());
        String id = runner.addObservation(campaignId, o);
        ResourceRef observation = ResourceRef.of("observation", id);
        ResourceRef source = simulation instanceof JobEvaluator ? ResourceRef.of("job", simulated.reference())
                : simulation instanceof TracedEvaluator t ? t.source(simulated)
                : ResourceRef.of("simulation", simulation.name() + ":" + simulated.reference());
        tenant.provenance().link(observation, "derived-from", source);
        tenant.provenance().link(observation, "simulates", experimentRef);
        LOG.debug("campaign {}: simulation of {} recorded as observation {}", campaignId, sim.candidate().id(), id);
    }
}
