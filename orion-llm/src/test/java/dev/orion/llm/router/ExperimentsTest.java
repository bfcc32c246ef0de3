package dev.orion.llm.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.llm.CallContext;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.router.experiment.Experiment;
import dev.orion.llm.router.experiment.ExperimentResults;
import dev.orion.llm.router.experiment.Experiments;
import dev.orion.llm.router.experiment.Variant;
import dev.orion.store.LlmCallFilter;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExperimentsTest {

    private static final CallContext ACME = CallContext.of(TenantId.of("acme"));

    private static Experiment experiment(int min, int max) {
        return new Experiment("prompt-v2", "advisor", List.of(new Variant("control", "advisor", 3),
                new Variant("sonnet", "advisor-sonnet", 1)), new Experiment.StopRule(min, max, 0.01));
    }

    @Test
    void assignmentIsDeterministicAndFollowsTheWeights() {
        Experiment e = experiment(10, 1000);
        int treated = 0;
        for (int i = 0; i < 8000; i++) {
            String subject = "user-" + i;
            Variant v = Experiments.choose(e, subject);
            assertThat(Experiments.choose(e, subject)).isEqualTo(v);
            treated += v.name().equals("sonnet") ? 1 : 0;
        }
        assertThat(treated / 8000.0).isBetween(0.23, 0.27);
    }

    @Test
    void aClearDifferenceIsSignificantAndStopsTheExperiment() {
        Experiments x = new Experiments();
        x.start(experiment(30, 5000));
        Random rnd = new Random(5);
        for (int i = 0; i < 200; i++) {
            x.recordOutcome("prompt-v2", "control", rnd.nextDouble() < 0.70, Duration.ofMillis(100), new BigDecimal("0.001"));
            x.recordOutcome("prompt-v2", "sonnet", rnd.nextDouble() < 0.98, Duration.ofMillis(300), new BigDecimal("0.004"));
        }
        ExperimentResults r = x.results("prompt-v2").orElseThrow();
        assertThat(r.stop()).isTrue();
        assertThat(r.winner()).contains("sonnet");
        assertThat(r.variants().get(1).pSuccess().orElseThrow()).isLessThan(0.01);
        assertThat(r.variants().get(0).successLow()).isLessThan(r.variants().get(0).successRate())
                .isGreaterThan(0.5);
        assertThat(r.variants().get(1).meanCostUsd()).isCloseTo(0.004, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(x.assign("advisor", "anyone")).isEmpty();
    }

    @Test
    void noDifferenceDoesNotStopBeforeTheMaximum() {
        Experiments x = new Experiments();
        x.start(experiment(30, 400));
        Random rnd = new Random(11);
        for (int i = 0; i < 100; i++) {
            x.recordOutcome("prompt-v2", "control", rnd.nextDouble() < 0.8, Duration.ofMillis(100), BigDecimal.ZERO);
            x.recordOutcome("prompt-v2", "sonnet", rnd.nextDouble() < 0.8, Duration.ofMillis(100), BigDecimal.ZERO);
        }
        ExperimentResults r = x.results("prompt-v2").orElseThrow();
        assertThat(r.stop()).isFalse();
        assertThat(r.winner()).isEmpty();
        assertThat(x.assign("advisor", "user-1")).isPresent();
    }

    @Test
    void scoresAreComparedWithAWelchTest() {
        Experiments x = new Experiments();
        Experiment e = experiment(20, 10_000);
        x.start(e);
        Random rnd = new Random(3);
        for (int i = 0; i < 400; i++) {
            String subject = "s" + i;
            boolean treated = Experiments.choose(e, subject).name().equals("sonnet");
            x.recordScore("prompt-v2", subject, (treated ? 4.2 : 3.5) + rnd.nextGaussian() * 0.5);
        }
        for (int i = 0; i < 25; i++) {
            x.recordOutcome("prompt-v2", "control", true, Duration.ofMillis(1), BigDecimal.ZERO);
            x.recordOutcome("prompt-v2", "sonnet", true, Duration.ofMillis(1), BigDecimal.ZERO);
        }
        ExperimentResults r = x.results("prompt-v2").orElseThrow();
        assertThat(r.variants().get(1).meanScore()).isCloseTo(4.2, org.assertj.core.data.Offset.offset(0.15));
        assertThat(r.variants().get(1).pScore().orElseThrow()).isLessThan(1e-6);
        assertThat(r.winner()).contains("sonnet");
    }

    @Test
    void theRouterRoutesSubjectsToTheirArmAndRecordsIt() {
        ScriptedModel fast = new ScriptedModel("fast");
        ScriptedModel careful = new ScriptedModel("careful");
        try (LlmRouter router = LlmRouter.builder()
                .model(new ModelRoute("fast", "x", "fast", fast, 10_000)).model(new ModelRoute("careful", "x", "careful", careful, 10_000))
                .profile(Profile.builder("advisor").models(List.of("fast")).build(),
                        Profile.builder("advisor-sonnet").models(List.of("careful")).build()).build()) {
            Experiment e = experiment(10_000, 20_000);
            router.experiments().start(e);
            for (int i = 0; i < 40; i++) {
                String subject = "user-" + i;
                String text = router.chat(ChatRequest.builder().profile("advisor").user("q").build(),
                        ACME.newBuilder().subject(subject).build()).text();
                assertThat(text).isEqualTo(Experiments.choose(e, subject).name().equals("sonnet") ? "from careful" : "from fast");
            }
            assertThat(router.chat(ChatRequest.builder().profile("advisor").user("no subject").build(), ACME).text()).isEqualTo("from fast");
            router.flushCallLog(Duration.ofSeconds(5));
            assertThat(router.callLog().query(ACME.tenant(), LlmCallFilter.all().withProfile("advisor-sonnet"), 0, 100))
                    .allSatisfy(rec -> assertThat(rec.call().experiment()).contains("prompt-v2:sonnet"));
            ExperimentResults r = router.experiments().results("prompt-v2").orElseThrow();
            assertThat(r.variants().get(0).calls() + r.variants().get(1).calls()).isEqualTo(40);
        }
    }
}
