package dev.orion.core.campaign.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.CandidatePool;
import dev.orion.campaign.ContinuousParameter;
import dev.orion.campaign.Evaluator;
import dev.orion.campaign.Goal;
import dev.orion.campaign.Observation;
import dev.orion.campaign.ParameterSpace;
import dev.orion.campaign.Proposal;
import dev.orion.campaign.Strategy;
import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.campaign.strategy.Strategies;
import dev.orion.store.CampaignFilter;
import dev.orion.store.CampaignRecord;
import dev.orion.store.CampaignStatus;
import dev.orion.store.IterationRecord;
import dev.orion.store.LlmCall;
import dev.orion.store.LlmCallOutcome;
import dev.orion.store.OrionStores;
import dev.orion.store.ModelRecord;
import dev.orion.store.NotFoundException;
import dev.orion.store.ObservationRecord;
import dev.orion.store.PageRequest;
import dev.orion.store.ResourceRef;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignRunnerTest {

    /** Stands for the JVM dying: an Error the runner does not catch, so the campaign stays RUNNING. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash");
        }
    }

    static final ParameterSpace SPACE = ParameterSpace.builder().add(ContinuousParameter.of("x", -2, 3)).build();
    static final Goal GOAL = Goal.minimize("f");

    @TempDir
    Path dir;
    Orion orion;
    OrionTenant acme;

    OrionStores stores;

    @BeforeEach
    void open() {
        stores = Stores.embedded(dir.resolve("data"));
        orion = Orion.builder().store(stores).build();
        acme = orion.tenant(TenantId.of("acme"), Principal.user("alice"));
    }

    @AfterEach
    void close() {
        orion.close();
    }

    static double quadratic(Candidate c) {
        double x = c.number("x");
        return (x - 1) * (x - 1);
    }

    CampaignRunner.Builder runner(Strategy strategy, Evaluator evaluator, int evaluations) {
        return CampaignRunner.builder(acme).name("quadratic").space(SPACE).goal(GOAL).strategy(strategy)
                .evaluator(evaluator).stop(StopCriteria.afterEvaluations(evaluations)).batchSize(3).seed(11);
    }

    static List<String> ids(CampaignOutcome o) {
        return o.observations().stream().map(x -> x.candidate().id()).toList();
    }

    @Test
    void bayesianCampaignStoresEveryStepAndFindsTheMinimum() {
        List<String> events = new ArrayList<>();
        CampaignListener listener = new CampaignListener() {
            @Override
            public void started(CampaignRecord campaign, boolean resumed) {
                events.add("started " + resumed);
            }

            @Override
            public void proposed(int iteration, List<Proposal> proposals) {
                events.add("proposed " + iteration + " " + proposals.size());
            }

            @Override
            public void observed(int iteration, Observation o, Optional<String> jobId, Optional<Observation> best) {
                events.add("observed " + iteration);
            }

            @Override
            public void stopped(CampaignOutcome outcome) {
                events.add("stopped " + outcome.reason());
            }
        };
        CampaignOutcome outcome = runner(Strategies.bayesian(), Evaluator.of("square", "f", "", CampaignRunnerTest::quadratic), 16)
                .listener(listener).build().run();

        assertThat(outcome.reason()).isEqualTo(StopReason.EVALUATIONS);
        assertThat(outcome.evaluations()).isEqualTo(16);
        assertThat(outcome.iterations()).isEqualTo(6);
        assertThat(outcome.best().orElseThrow().value("f").getAsDouble()).isLessThan(0.05);
        assertThat(ids(outcome)).doesNotHaveDuplicates();

        CampaignRecord stored = acme.campaigns().find(outcome.campaignId()).orElseThrow();
        assertThat(stored.status()).isEqualTo(CampaignStatus.COMPLETED);
        assertThat(stored.iterations()).isEqualTo(6);
        List<IterationRecord> its = acme.campaigns().iterations(outcome.campaignId());
        assertThat(its.get(0).stateJson()).doesNotContain("acquisition");
        assertThat(its.get(5).stateJson()).contains("\"acquisition\"", "\"model\"", "\"dataHash\"", "\"lengthScale");
        // the last batch is cut to the budget: 5 x 3 + 1
        assertThat(CampaignJson.readProposals(its.get(5).stateJson(), SPACE)).hasSize(1);
        List<ObservationRecord> obs = acme.campaigns().observations(outcome.campaignId(), PageRequest.first(100)).items();
        assertThat(obs).hasSize(16).allSatisfy(r -> assertThat(r.values()).containsKey("f"));
        assertThat(acme.provenance().linksFrom(ResourceRef.of("observation", obs.get(0).id())))
                .extracting(l -> l.relation() + " " + l.object()).containsExactly("observed-in campaign:" + outcome.campaignId());

        // the registry holds one version per refit, and each stored proposal names the version that scored it
        List<ModelRecord> versions = acme.models().versions(CampaignRunner.modelName(outcome.campaignId()));
        assertThat(versions).extracting(ModelRecord::version).containsExactly(1, 2);
        assertThat(versions).extracting(v -> v.state().trainingSize()).containsExactly(12, 15);
        assertThat(versions.get(1).state().crossValidatedRmse()).isPresent();
        assertThat(versions.get(1).state()).isEqualTo(CampaignJson.readProposals(its.get(5).stateJson(), SPACE).get(0)
                .model().orElseThrow());
        OptionalInt none = OptionalInt.empty();
        assertThat(runner(Strategies.bayesian(), Evaluator.of("square", "f", "", CampaignRunnerTest::quadratic), 16).build()
                .modelVersions(outcome.campaignId())).containsExactly(List.of(none, none, none), List.of(none, none, none),
                List.of(none, none, none), List.of(none, none, none),
                List.of(OptionalInt.of(1), OptionalInt.of(1), OptionalInt.of(1)), List.of(OptionalInt.of(2)));

        assertThat(events).first().isEqualTo("started false");
        assertThat(events).filteredOn(e -> e.startsWith("proposed")).hasSize(6).last().isEqualTo("proposed 5 1");
        assertThat(events).filteredOn(e -> e.startsWith("observed")).hasSize(16);
        assertThat(events).last().isEqualTo("stopped EVALUATIONS");
    }

    @Test
    void aSeededCampaignIsReproducible() {
        Evaluator f = Evaluator.of("square", "f", "", CampaignRunnerTest::quadratic);
        CampaignOutcome a = runner(Strategies.sobol(), f, 9).build().run();
        CampaignOutcome b = runner(Strategies.sobol(), f, 9).build().run();
        assertThat(a.campaignId()).isNotEqualTo(b.campaignId());
        assertThat(ids(a)).hasSize(9).isEqualTo(ids(b));
        CampaignOutcome other = runner(Strategies.sobol(), f, 9).seed(12).build().run();
        assertThat(ids(other)).isNotEqualTo(ids(a));
    }

    @Test
    void aCampaignStoppedMidIterationResumesWithNothingLostOrRunTwice() {
        Map<String, Integer> calls = new HashMap<>();
        AtomicInteger budgetBeforeCrash = new AtomicInteger(7);
        Evaluator crashing = Evaluator.of("square", "f", "", c -> {
            if (budgetBeforeCrash.getAndDecrement() == 0) {
                throw new SimulatedCrash();
            }
            calls.merge(c.id(), 1, Integer::sum);
            return quadratic(c);
        });
        List<CampaignRecord> started = new ArrayList<>();
        CampaignListener remember = new CampaignListener() {
            @Override
            public void started(CampaignRecord campaign, boolean resumed) {
                started.add(campaign);
            }
        };
        assertThatThrownBy(() -> runner(Strategies.random(), crashing, 12).listener(remember).build().run())
                .isInstanceOf(SimulatedCrash.class);
        String id = started.get(0).id();
        assertThat(acme.campaigns().find(id).orElseThrow().status()).isEqualTo(CampaignStatus.RUNNING);
        // the third iteration's proposals are stored, one of them observed
        assertThat(acme.campaigns().iterations(id)).hasSize(3);
        assertThat(acme.campaigns().observations(id, PageRequest.first(100)).items()).hasSize(7);

        Evaluator counting = Evaluator.of("square", "f", "", c -> {
            calls.merge(c.id(), 1, Integer::sum);
            return quadratic(c);
        });
        CampaignOutcome resumed = runner(Strategies.random(), counting, 12).build().resume(id);
        CampaignOutcome uninterrupted = runner(Strategies.random(), Evaluator.of("square", "f", "", CampaignRunnerTest::quadratic), 12)
                .build().run();

        assertThat(resumed.evaluations()).isEqualTo(12);
        assertThat(calls).hasSize(12).allSatisfy((candidate, n) -> assertThat(n).as(candidate).isEqualTo(1));
        assertThat(ids(resumed)).isEqualTo(ids(uninterrupted));
        assertThat(acme.campaigns().observations(id, PageRequest.first(100)).items()).hasSize(12);
        assertThat(acme.campaigns().find(id).orElseThrow().status()).isEqualTo(CampaignStatus.COMPLETED);
    }

    @Test
    void resumingWithOtherSettingsOrAnotherTenantsIdIsRefused() {
        Evaluator f = Evaluator.of("square", "f", "", CampaignRunnerTest::quadratic);
        CampaignOutcome done = runner(Strategies.sobol(), f, 3).build().run();
        assertThatThrownBy(() -> runner(Strategies.random(), f, 3).build().resume(done.campaignId()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"strategy\":\"sobol\"");
        OrionTenant globex = orion.tenant(TenantId.of("globex"), Principal.user("bob"));
        CampaignRunner theirs = CampaignRunner.builder(globex).space(SPACE).goal(GOAL).strategy(Strategies.sobol())
                .evaluator(f).stop(StopCriteria.afterEvaluations(3)).batchSize(3).seed(11).build();
        assertThatThrownBy(() -> theirs.resume(done.campaignId())).isInstanceOf(NotFoundException.class);
        assertThat(globex.campaigns().query(CampaignFilter.all(), PageRequest.first(10)).items()).isEmpty();
        assertThat(acme.campaigns().find(done.campaignId()).orElseThrow().iterations()).isEqualTo(1);
    }

    @Test
    void anObservationMadeOutsideTheLoopIsSeenOnResumeAndNeverProposed() {
        Map<String, Double> values = Map.of("m0", 0.0, "m1", 1.0, "m2", 2.0, "m3", 3.0, "m4", 4.0, "m5", 5.0);
        CampaignRunner runner = poolRunner(Evaluators.lookup("g", "", values), StopCriteria.afterEvaluations(2)).build();
        CampaignOutcome first = runner.run();
        Candidate lab = pool().find("m5").orElseThrow();
        List<String> notYet = new ArrayList<>(values.keySet());
        first.observations().forEach(o -> notYet.remove(o.candidate().id()));
        Candidate labOne = pool().find(notYet.get(0)).orElseThrow();
        runner.addObservation(first.campaignId(), Observation.of(labOne, "g", 9.5));
        runner.addObservation(first.campaignId(), Observation.of(labOne, "g", 9.0));
        assertThatThrownBy(() -> runner.addObservation(first.campaignId(), Observation.of(Candidate.pooled("zz", 1, 1), "g", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zz");
        assertThatThrownBy(() -> runner.addObservation("no-such-campaign", Observation.of(lab, "g", 1)))
                .isInstanceOf(NotFoundException.class);

        CampaignOutcome resumed = poolRunner(Evaluators.lookup("g", "", values), StopCriteria.afterEvaluations(6)).build()
                .resume(first.campaignId());
        assertThat(resumed.evaluations()).isEqualTo(6);
        assertThat(resumed.best().orElseThrow().value("g").getAsDouble()).isEqualTo(9.5);
        assertThat(ids(resumed).subList(0, 4)).containsExactly(ids(first).get(0), ids(first).get(1), labOne.id(), labOne.id());
        assertThat(ids(resumed).subList(4, 6)).doesNotContain(labOne.id()).doesNotContainAnyElementsOf(ids(first));
    }

    @Test
    void aThrowingListenerOrSubmitDoesNotStopTheCampaignAndAShrunkPoolIsRefusedOnResume() {
        Evaluator refusing = new Evaluator() {
            @Override
            public String name() {
                return "refusing";
            }

            @Override
            public dev.orion.campaign.EvaluationTicket submit(Candidate candidate) {
                if (candidate.id().equals("m2")) {
                    throw new IllegalArgumentException("engine refuses " + candidate.id());
                }
                return new dev.orion.campaign.EvaluationTicket(candidate, candidate.id());
            }

            @Override
            public Optional<Observation> poll(dev.orion.campaign.EvaluationTicket ticket) {
                return Optional.of(Observation.of(ticket.candidate(), "g", ticket.candidate().descriptors().get(0)));
            }
        };
        CampaignListener throwing = new CampaignListener() {
            @Override
            public void observed(int iteration, Observation o, Optional<String> jobId, Optional<Observation> best) {
                throw new IllegalStateException("listener bug");
            }
        };
        CampaignOutcome o = poolRunner(refusing, StopCriteria.afterEvaluations(6)).listener(throwing).build().run();
        assertThat(o.evaluations()).isEqualTo(6);
        assertThat(o.observations()).filteredOn(Observation::isFailure).singleElement()
                .satisfies(f -> assertThat(f.failure().orElseThrow()).contains("engine refuses m2"));
        assertThat(o.best().orElseThrow().candidate().id()).isEqualTo("m5");

        CandidatePool shrunk = CandidatePool.of(pool().candidates().subList(0, 3));
        CampaignRunner other = CampaignRunner.builder(acme).name("pool").space(shrunk).goal(Goal.maximize("g"))
                .strategy(Strategies.random()).evaluator(refusing).stop(StopCriteria.afterEvaluations(6)).seed(3).build();
        assertThatThrownBy(() -> other.resume(o.campaignId())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pool of 6");
    }

    static CandidatePool pool() {
        List<Candidate> entries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            entries.add(Candidate.pooled("m" + i, i, i * i));
        }
        return CandidatePool.of(entries);
    }

    CampaignRunner.Builder poolRunner(Evaluator evaluator, StopCriteria stop) {
        return CampaignRunner.builder(acme).name("pool").space(pool()).goal(Goal.maximize("g")).strategy(Strategies.random())
                .evaluator(evaluator).stop(stop).seed(3);
    }

    @Test
    void aLookupTableAnswersAPoolUntilItIsExhaustedAndAMissingValueIsAStoredFailure() {
        Evaluator table = Evaluators.lookup("g", "eV", Map.of("m0", 0.0, "m1", 1.0, "m2", 2.0, "m3", 3.0, "m4", 4.0));
        CampaignOutcome o = poolRunner(table, StopCriteria.afterEvaluations(50)).build().run();
        assertThat(o.reason()).isEqualTo(StopReason.EXHAUSTED);
        assertThat(o.evaluations()).isEqualTo(6);
        assertThat(o.best().orElseThrow().candidate().id()).isEqualTo("m4");
        Observation missing = o.observations().stream().filter(x -> x.candidate().id().equals("m5")).findFirst().orElseThrow();
        assertThat(missing.failure()).hasValueSatisfying(f -> assertThat(f).contains("no known value for candidate m5"));
        assertThat(acme.campaigns().observations(o.campaignId(), PageRequest.first(10)).items())
                .filteredOn(r -> r.values().isEmpty()).singleElement()
                .satisfies(r -> assertThat(r.candidateJson()).contains("\"failure\"", "m5"));
        assertThatThrownBy(() -> Evaluators.lookup("g", "eV", Map.of("m0", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m0");
    }

    @Test
    void theCampaignStopsWhenItsRecordedLlmSpendReachesTheDollarBudget() {
        List<String> campaignId = new ArrayList<>();
        CampaignListener remember = new CampaignListener() {
            @Override
            public void started(CampaignRecord campaign, boolean resumed) {
                campaignId.add(campaign.id());
            }
        };
        // each evaluation stands for an agent's model call, recorded with the campaign, then with its
        // iteration (<campaign>/<iteration>, as the campaign agent logs them), as its run id;
        // a call of another run and one of another tenant with the same run id must not count
        int[] evaluations = {0};
        Evaluator advised = Evaluator.of("square", "f", "", c -> {
            int k = evaluations[0]++;
            String run = k == 0 ? campaignId.get(0) : campaignId.get(0) + "/" + k;
            stores.tenant(TenantId.of("acme"), Principal.user("router")).llmCalls().record(call(run, "0.40"));
            stores.tenant(TenantId.of("acme"), Principal.user("router")).llmCalls().record(call("other-run", "5.00"));
            stores.tenant(TenantId.of("globex"), Principal.user("router")).llmCalls().record(call(campaignId.get(0), "5.00"));
            return quadratic(c);
        });
        CampaignOutcome o = runner(Strategies.random(), advised, 20).batchSize(1).listener(remember)
                .stop(StopCriteria.builder().maxEvaluations(20).maxLlmCost(new BigDecimal("1.00")).build()).build().run();
        assertThat(o.reason()).isEqualTo(StopReason.LLM_COST);
        assertThat(o.evaluations()).as("0.40 + 0.40 < 1.00 <= 0.40 x 3").isEqualTo(3);
        assertThatThrownBy(() -> StopCriteria.builder().maxEvaluations(3).maxLlmCost(BigDecimal.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxLlmCost");
    }

    private static LlmCall call(String runId, String dollars) {
        return LlmCall.builder().profile("advisor").provider("openai").model("gpt-a").runId(runId).tokensIn(100)
                .tokensOut(20).cost(new BigDecimal(dollars)).latency(Duration.ofMillis(30))
                .outcome(LlmCallOutcome.SUCCESS).fallbackPath(List.of("gpt-a")).time(Instant.now()).build();
    }

    @Test
    void aTargetOrALackOfImprovementStopsTheCampaign() {
        Map<String, Double> values = Map.of("m0", 0.0, "m1", 1.0, "m2", 2.0, "m3", 3.0, "m4", 4.0, "m5", 5.0);
        CampaignOutcome target = poolRunner(Evaluators.lookup("g", "", values),
                StopCriteria.builder().maxEvaluations(50).target(4.0).build()).build().run();
        assertThat(target.reason()).isEqualTo(StopReason.TARGET_REACHED);
        assertThat(target.best().orElseThrow().value("g").getAsDouble()).isGreaterThanOrEqualTo(4.0);
        assertThat(target.evaluations()).isLessThan(6);

        Map<String, Double> flat = new HashMap<>();
        values.keySet().forEach(k -> flat.put(k, 1.0));
        CampaignOutcome patience = poolRunner(Evaluators.lookup("g", "", flat),
                StopCriteria.builder().maxEvaluations(50).patience(2).build()).build().run();
        assertThat(patience.reason()).isEqualTo(StopReason.NO_IMPROVEMENT);
        assertThat(patience.evaluations()).isEqualTo(3);

        assertThatThrownBy(() -> StopCriteria.builder().maxEvaluations(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEvaluations");
        assertThatThrownBy(() -> StopCriteria.builder().maxEvaluations(3).target(Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target");
        assertThatThrownBy(() -> CampaignRunner.builder(acme).space(SPACE).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("goal");
    }
}
