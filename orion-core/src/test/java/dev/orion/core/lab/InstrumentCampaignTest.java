package dev.orion.core.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.ContinuousParameter;
import dev.orion.campaign.EvaluationTicket;
import dev.orion.campaign.Evaluator;
import dev.orion.campaign.Goal;
import dev.orion.campaign.Observation;
import dev.orion.campaign.ParameterSpace;
import dev.orion.campaign.ParameterValue;
import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.campaign.runner.CampaignOutcome;
import dev.orion.core.campaign.runner.CampaignRunner;
import dev.orion.core.campaign.runner.StopCriteria;
import dev.orion.core.campaign.strategy.Strategies;
import dev.orion.lab.InstrumentUnavailableException;
import dev.orion.store.CampaignStatus;
import dev.orion.store.ObservationRecord;
import dev.orion.store.PageRequest;
import dev.orion.store.ResourceRef;
import dev.orion.store.contract.MutableClock;
import dev.orion.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Campaigns measured on a (simulated) instrument: outages lose no experiment; the bridge adds simulations. */
class InstrumentCampaignTest {

    static final ParameterSpace SPACE = ParameterSpace.builder().add(ContinuousParameter.of("x", 0, 2)).build();
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-14T10:00:00Z"));
    Orion orion;
    OrionTenant acme;

    @BeforeEach
    void open() {
        orion = Orion.builder().store(Stores.inMemory(clock)).build();
        acme = orion.tenant(TenantId.of("acme"));
    }

    @AfterEach
    void close() {
        orion.close();
    }

    SimulatedInstrument instrument(double failureRate) {
        return SimulatedInstrument.builder("xrd", "gap", "eV", c -> Math.pow(c.number("x") - 1.2, 2)).noise(0.01)
                .failureRate(failureRate).seed(9).build();
    }

    CampaignRunner runner(Evaluator evaluator, int evaluations) {
        return CampaignRunner.builder(acme).name("band gap").space(SPACE).goal(Goal.minimize("gap")).strategy(Strategies.sobol())
                .evaluator(evaluator).stop(StopCriteria.afterEvaluations(evaluations)).batchSize(2).seed(1)
                .pollInterval(Duration.ofMillis(5)).build();
    }

    @Test
    void aCampaignMeasuresOnTheInstrumentWithProvenance() {
        SimulatedInstrument xrd = instrument(0.3);
        CampaignOutcome outcome = runner(InstrumentEvaluator.builder(xrd).build(), 8).run();
        assertThat(outcome.evaluations()).isEqualTo(8);
        assertThat(xrd.experimentCount()).isEqualTo(8);
        assertThat(outcome.observations()).anyMatch(Observation::isFailure).anyMatch(o -> !o.isFailure());
        assertThat(outcome.observations()).filteredOn(o -> !o.isFailure()).allSatisfy(o ->
                assertThat(o.value("gap").getAsDouble()).isCloseTo(Math.pow(o.candidate().number("x") - 1.2, 2),
                        org.assertj.core.data.Offset.offset(0.06)));
        ObservationRecord first = acme.campaigns().observations(outcome.campaignId(), PageRequest.first(1)).items().get(0);
        assertThat(acme.provenance().linksFrom(ResourceRef.of("observation", first.id())))
                .anySatisfy(l -> assertThat(l.object().type()).isEqualTo("experiment"));
    }

    @Test
    void anOutageIsRiddenOutAndAGiveUpLosesNoExperimentOnResume() {
        SimulatedInstrument xrd = instrument(0);
        InstrumentEvaluator lab = InstrumentEvaluator.builder(xrd).giveUpAfter(Duration.ofMinutes(5)).clock(clock).build();
        Candidate c = Candidate.of(Map.of("x", ParameterValue.real(0.5)));
        xrd.setConnected(false);
        EvaluationTicket ticket = lab.submit(c);
        assertThat(ticket.reference()).startsWith("pending:");
        assertThat(lab.poll(ticket)).as("still unreachable").isEmpty();
        xrd.setConnected(true);
        assertThat(lab.poll(ticket)).as("submitted on reconnect and measured").isPresent();
        assertThat(lab.source(ticket)).isEqualTo(ResourceRef.of("experiment", lab.requestId(c)));

        CampaignRunner.Builder flaky = CampaignRunner.builder(acme).name("band gap").space(SPACE).goal(Goal.minimize("gap"))
                .strategy(Strategies.sobol()).stop(StopCriteria.afterEvaluations(4)).batchSize(2).seed(1).pollInterval(Duration.ZERO);
        SimulatedInstrument slow = SimulatedInstrument.builder("xrd", "gap", "eV", x -> x.number("x")).clock(clock)
                .measureDelay(Duration.ofHours(1)).build();
        Evaluator outage = new Evaluator() {
            final InstrumentEvaluator inner = InstrumentEvaluator.builder(slow).giveUpAfter(Duration.ofMinutes(5)).clock(clock).build();
            boolean polled;

            @Override
            public String name() {
                return inner.name();
            }

            @Override
            public EvaluationTicket submit(Candidate candidate) {
                return inner.submit(candidate);
            }

            @Override
            public Optional<Observation> poll(EvaluationTicket t) {
                if (!polled) {
                    slow.setConnected(false); // the network drops right after the experiments were started
                    polled = true;
                }
                clock.advance(Duration.ofMinutes(1));
                return inner.poll(t);
            }
        };
        assertThatThrownBy(() -> flaky.evaluator(outage).build().run()).isInstanceOf(InstrumentUnavailableException.class);
        String campaign = acme.campaigns().query(dev.orion.store.CampaignFilter.all().withStatus(CampaignStatus.FAILED),
                PageRequest.first(1)).items().get(0).id();
        assertThat(slow.experimentCount()).isEqualTo(2);
        slow.setConnected(true);
        clock.advance(Duration.ofHours(1));
        CampaignOutcome resumed = flaky.evaluator(InstrumentEvaluator.builder(slow).clock(clock).build())
                .stop(StopCriteria.afterEvaluations(2)).build().resume(campaign);
        assertThat(resumed.evaluations()).isEqualTo(2);
        assertThat(slow.experimentCount()).as("the resumed campaign re-attached to the running experiments").isEqualTo(2);
        assertThat(resumed.observations()).noneMatch(Observation::isFailure);
    }

    @Test
    void theBridgeSimulatesEachMeasuredCandidateWithProvenance() {
        SimulatedInstrument xrd = instrument(0);
        Evaluator dft = Evaluator.of("dft", "gap", "eV", c -> Math.pow(c.number("x") - 1.1, 2));
        String[] campaign = new String[1];
        CampaignRunner creating = runner(InstrumentEvaluator.builder(xrd).build(), 2);
        campaign[0] = creating.run().campaignId();
        CampaignRunner feedback = runner(InstrumentEvaluator.builder(xrd).build(), 6);
        ExperimentBridge bridge = ExperimentBridge.of(acme, feedback, campaign[0], InstrumentEvaluator.builder(xrd).build(), dft);
        runner(bridge, 6).resume(campaign[0]);
        // a resume loads every stored observation, the simulations added beside the loop included
        CampaignOutcome outcome = runner(InstrumentEvaluator.builder(xrd).build(), 6).resume(campaign[0]);
        List<Observation> simulated = outcome.observations().stream()
                .filter(o -> o.outcomes().containsKey("gap" + ExperimentBridge.SIMULATED_SUFFIX)).toList();
        List<Observation> measured = outcome.observations().stream().filter(o -> o.outcomes().containsKey("gap")).toList();
        assertThat(measured).hasSize(6);
        assertThat(simulated).hasSize(4);
        assertThat(simulated).allSatisfy(o -> assertThat(o.value("gap_simulated").getAsDouble())
                .isEqualTo(Math.pow(o.candidate().number("x") - 1.1, 2)));
        assertThat(simulated.stream().map(o -> o.candidate().id()))
                .containsExactlyInAnyOrderElementsOf(measured.subList(2, 6).stream().map(o -> o.candidate().id()).toList());
        List<ObservationRecord> records = acme.campaigns().observations(campaign[0], PageRequest.first(100)).items();
        ObservationRecord sim = records.stream().filter(r -> r.values().containsKey("gap_simulated")).findFirst().orElseThrow();
        assertThat(acme.provenance().linksFrom(ResourceRef.of("observation", sim.id())))
                .extracting(l -> l.relation() + " " + l.object().type())
                .contains("derived-from simulation", "simulates experiment", "observed-in campaign");
    }
}
