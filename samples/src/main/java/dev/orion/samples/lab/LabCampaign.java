package dev.orion.samples.lab;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.ContinuousParameter;
import dev.orion.campaign.Goal;
import dev.orion.campaign.Observation;
import dev.orion.campaign.ParameterSpace;
import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.campaign.runner.CampaignOutcome;
import dev.orion.core.campaign.runner.CampaignRunner;
import dev.orion.core.campaign.runner.StopCriteria;
import dev.orion.core.campaign.strategy.Strategies;
import dev.orion.core.lab.InstrumentEvaluator;
import dev.orion.core.lab.SimulatedInstrument;
import dev.orion.core.orchestrator.CampaignStep;
import dev.orion.core.orchestrator.Orchestrator;
import dev.orion.core.review.ReviewBatch;
import dev.orion.core.review.ReviewQueue;
import dev.orion.store.OrchestratorRun;
import dev.orion.store.OrchestratorSettings;
import dev.orion.store.OrchestratorStats;
import dev.orion.store.ReviewClaim;
import dev.orion.store.ReviewLabel;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A small self-driving lab: Bayesian optimisation of a film's annealing temperature and dopant fraction for
 * the lowest sheet resistance, measured on a simulated four-point probe (queueing and measuring delays, noise,
 * one sample in four failing), advanced one iteration at a time by the orchestrator, with every failed
 * measurement sent to the review queue, where an expert (played here by the program: it re-measures the sample
 * by hand, i.e. the probe's noise-free value) labels it, and the label goes back into the campaign as an
 * observation. Everything is stored in the embedded store; the orchestrator's run history and statistics are
 * printed at the end.
 *
 * <p>Run: {@code ./mvnw -q -pl samples -am package -DskipTests} and then
 * {@code java -cp "samples/target/classes:$(cat samples/target/cp.txt)" dev.orion.samples.lab.LabCampaign}
 * from the project root (argument: data folder, default {@code orion-lab-data}).
 */
public final class LabCampaign {

    static final TenantId LAB = TenantId.of("thin-films");
    static final ParameterSpace SPACE = ParameterSpace.builder()
            .add(ContinuousParameter.of("anneal_k", 600, 1200))
            .add(ContinuousParameter.of("dopant", 0, 0.1))
            .build();
    static final int BATCH = 2;
    static final int ROUNDS = 4;

    private LabCampaign() {
    }

    /** The probe's noise-free sheet resistance (ohm/sq): a valley near 950 K and 4 % dopant. */
    static double sheetResistance(Candidate c) {
        double t = (c.number("anneal_k") - 950) / 150;
        double d = (c.number("dopant") - 0.04) / 0.03;
        return 20 + 8 * t * t + 5 * d * d + 3 * t * d;
    }

    static CampaignRunner runner(OrionTenant lab, InstrumentEvaluator probe, StopCriteria stop) {
        return CampaignRunner.builder(lab).name("sheet resistance").space(SPACE).goal(Goal.minimize("sheet_resistance"))
                .strategy(Strategies.bayesian()).evaluator(probe).stop(stop).batchSize(BATCH).seed(17)
                .pollInterval(Duration.ofMillis(10)).build();
    }

    public static void main(String[] args) {
        run(Path.of(args.length > 0 ? args[0] : "orion-lab-data"), System.out);
    }

    /**
     * @param data the store's folder
     * @param out  where the report goes
     * @return the orchestrator's statistics
     */
    static OrchestratorStats run(Path data, PrintStream out) {
        SimulatedInstrument probe = SimulatedInstrument.builder("four-point-probe", "sheet_resistance", "ohm/sq",
                        LabCampaign::sheetResistance)
                .queueDelay(Duration.ofMillis(20)).measureDelay(Duration.ofMillis(40)).noise(0.3).failureRate(0.25).seed(5).build();
        InstrumentEvaluator lab = InstrumentEvaluator.builder(probe).giveUpAfter(Duration.ofMinutes(10)).build();
        try (Orion orion = Orion.builder().store(Stores.embedded(data)).build()) {
            OrionTenant films = orion.tenant(LAB, Principal.user("lab-operator"));
            CampaignOutcome initial = runner(films, lab, StopCriteria.afterEvaluations(4)).run();
            String campaign = initial.campaignId();
            out.printf("campaign %s: %d initial measurements%n", campaign, initial.evaluations());

            films.orchestration().save(OrchestratorSettings.manual(campaign).triggerAfterExperiment());
            CampaignStep oneIteration = CampaignStep.oneIteration(BATCH, stop -> runner(films, lab, stop));
            ReviewQueue reviews = ReviewQueue.of(films, runner(films, lab, StopCriteria.afterEvaluations(1000)), campaign);
            try (Orchestrator orchestrator = Orchestrator.builder(orion).owner("lab-pc").build()
                    .register(LAB, campaign, oneIteration)) {
                for (int round = 1; round <= ROUNDS; round++) {
                    orchestrator.experimentFinished(LAB, campaign);
                    for (OrchestratorRun run : orchestrator.tick()) {
                        out.printf("round %d: run %s (%s) measured %d samples, best %s%n", round, run.status(), run.trigger(),
                                run.result().orElseThrow().evaluations(), run.result().orElseThrow().bestCandidate().orElse("-"));
                    }
                    flagFailures(films, lab, campaign, reviews);
                    review(reviews, out);
                }
                OrchestratorStats stats = films.orchestration().stats(campaign);
                CampaignOutcome end = runner(films, lab, StopCriteria.afterEvaluations(1)).resume(campaign);
                Observation best = end.best().orElseThrow();
                out.printf("orchestrator: %d runs, %d iterations, %d evaluations, %d improvements%n", stats.runs(),
                        stats.iterations(), stats.evaluations(), stats.improvements());
                out.printf("best: %s -> %.2f ohm/sq (true %.2f)%n", best.candidate().id(),
                        best.value("sheet_resistance").getAsDouble(), sheetResistance(best.candidate()));
                return stats;
            }
        }
    }

    /** Sends every failed measurement of the campaign to the review queue (again flagging one does nothing). */
    private static void flagFailures(OrionTenant films, InstrumentEvaluator lab, String campaign, ReviewQueue reviews) {
        // a resume whose budget is spent measures nothing: it loads the stored observations
        CampaignOutcome sofar = runner(films, lab, StopCriteria.afterEvaluations(1)).resume(campaign);
        for (Observation o : sofar.observations()) {
            if (o.isFailure()) {
                reviews.flag(o.candidate(), "the probe failed: " + o.failure().orElseThrow(), OptionalDouble.empty(), Map.of());
            }
        }
    }

    /** The expert claims what waits and measures each sample by hand. */
    private static void review(ReviewQueue reviews, PrintStream out) {
        Map<ReviewClaim, ReviewLabel> labels = new LinkedHashMap<>();
        for (ReviewClaim claim : reviews.claimBatch("dr-hall", 10, Duration.ofMinutes(30))) {
            Candidate sample = ReviewQueue.candidate(claim.item());
            labels.put(claim, ReviewLabel.correct(Map.of("sheet_resistance", sheetResistance(sample)), "measured by hand"));
        }
        if (!labels.isEmpty()) {
            ReviewBatch batch = reviews.labelAll(labels);
            out.printf("review: %d failed samples measured by hand and fed back%n", batch.decisions().size());
        }
    }
}
