package dev.orion.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.structure.Element;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CampaignVocabularyTest {

    private final ParameterSpace space = ParameterSpace.builder()
            .add(ContinuousParameter.of("t", 300, 1200))
            .add(IntegerParameter.of("n", 1, 8))
            .add(CategoricalParameter.of("solvent", "water", "ethanol"))
            .add(CompositionParameter.of("alloy", Element.Cu, Element.Ni))
            .constraint(LinearConstraint.atMost(Map.of("t", 1.0, "n", 100.0), 1500))
            .feasibleIf("no ethanol above 900", c -> !(c.category("solvent").equals("ethanol") && c.number("t") > 900))
            .build();

    private static Candidate point(double t, long n, String solvent, double cu) {
        return Candidate.of(Map.of("t", ParameterValue.real(t), "n", ParameterValue.integer(n),
                "solvent", ParameterValue.category(solvent),
                "alloy", ParameterValue.fractions(Map.of(Element.Cu, cu, Element.Ni, 1 - cu))));
    }

    @Test
    void spacesCheckRangesLinearConstraintsAndPredicates() {
        assertThat(space.violations(point(500, 2, "water", 0.3))).isEmpty();
        assertThat(space.violations(point(1000, 6, "water", 0.3))).containsExactly(
                "linear constraint 0 " + space.constraints().get(0));
        assertThat(space.violations(point(1000, 2, "ethanol", 0.3))).containsExactly("no ethanol above 900");
        assertThat(space.violations(point(200, 2, "water", 0.3))).hasSize(1).first().asString().startsWith("t out of range");
        assertThat(space.isFeasible(Candidate.pooled("x", 1))).isFalse();
    }

    @Test
    void candidateIdsFollowFromValuesAndAccessorsNameWhatIsMissing() {
        Candidate a = point(500, 2, "water", 0.25);
        assertThat(a.id()).isEqualTo(point(500, 2, "water", 0.25).id()).contains("t=500.0").contains("solvent=water");
        assertThat(a.fractions("alloy")).containsEntry(Element.Cu, 0.25);
        assertThatThrownBy(() -> a.number("solvent")).hasMessageContaining("solvent").hasMessageContaining("not numeric");
        assertThatThrownBy(() -> a.number("pressure")).hasMessageContaining("no parameter pressure");
        Map<String, ParameterValue> many = new java.util.HashMap<>();
        for (int i = 0; i < 100; i++) {
            many.put("parameter" + i, ParameterValue.real(Math.PI * i));
        }
        Candidate wide = Candidate.of(many);
        assertThat(wide.id()).startsWith("sha256:").hasSize(71).isEqualTo(Candidate.of(many).id());
        many.put("parameter0", ParameterValue.real(1));
        assertThat(Candidate.of(many).id()).isNotEqualTo(wide.id());
    }

    @Test
    void recordsRejectBadValuesNamingThem() {
        assertThatThrownBy(() -> ContinuousParameter.of("x", 2, 1)).hasMessageContaining("upper of x").hasMessageContaining("1.0");
        assertThatThrownBy(() -> ContinuousParameter.logScale("p", 0, 1)).hasMessageContaining("lower of log-scale p");
        assertThatThrownBy(() -> ContinuousParameter.of("x", Double.NaN, 1)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> CategoricalParameter.of("c", "a", "a")).hasMessageContaining("distinct");
        assertThatThrownBy(() -> new CompositionParameter("c", List.of(Element.Cu, Element.Ni), 0.6))
                .hasMessageContaining("minFraction of c").hasMessageContaining("0.6");
        assertThatThrownBy(() -> ParameterValue.fractions(Map.of(Element.Cu, 0.5, Element.Ni, 0.4)))
                .hasMessageContaining("sum to 1, got 0.9");
        assertThatThrownBy(() -> ParameterSpace.builder().add(ContinuousParameter.of("x", 0, 1))
                .add(ContinuousParameter.of("x", 0, 2)).build()).hasMessageContaining("x twice");
        assertThatThrownBy(() -> ParameterSpace.builder().add(CategoricalParameter.of("c", "a"))
                .constraint(LinearConstraint.atMost(Map.of("c", 1.0), 1)).build()).hasMessageContaining("continuous or integer");
        assertThatThrownBy(() -> OutcomeConstraint.between("gap", 3, 1.5, "eV")).hasMessageContaining("[3.0, 1.5]");
        assertThatThrownBy(() -> Measurement.of(Double.POSITIVE_INFINITY, "eV")).hasMessageContaining("Infinity");
        assertThatThrownBy(() -> Measurement.of(1, "eV", -0.1)).hasMessageContaining("-0.1");
        assertThatThrownBy(() -> new Observation(Candidate.pooled("a", 1), Map.of(), Optional.empty()))
                .hasMessageContaining("outcomes or a failure");
        assertThatThrownBy(() -> CandidatePool.of(List.of(Candidate.pooled("a", 1), Candidate.pooled("b", 1, 2))))
                .hasMessageContaining("candidate b has 2 descriptors, expected 1");
        assertThatThrownBy(() -> ProposalRequest.of(space, Goal.minimize("y"), List.of(), 0, 1))
                .hasMessageContaining("batchSize must be >= 1, got 0");
        assertThatThrownBy(() -> TrainingSet.of(new double[][] {{1}, {1, 2}}, new double[] {1, 2}))
                .hasMessageContaining("x[1]");
        assertThatThrownBy(() -> Goal.builder().minimize("y").maximize("y").build()).hasMessageContaining("y twice");
    }

    @Test
    void goalsJudgeObservationsAndOrientObjectives() {
        Goal goal = Goal.builder().maximize("strength")
                .constraint(OutcomeConstraint.between("gap", 1.5, 3, "eV")).build();
        Candidate c = Candidate.pooled("a", 0);
        assertThat(goal.isSatisfiedBy(Observation.of(c, Map.of("strength", Measurement.of(2, "GPa"),
                "gap", Measurement.of(2, "eV"))))).isTrue();
        assertThat(goal.isSatisfiedBy(Observation.of(c, Map.of("strength", Measurement.of(2, "GPa"),
                "gap", Measurement.of(3.5, "eV"))))).isFalse();
        assertThat(goal.isSatisfiedBy(Observation.of(c, "strength", 2))).isFalse();
        assertThat(goal.isSatisfiedBy(Observation.failed(c, "crashed"))).isFalse();
        assertThat(goal.objectives().get(0).toMinimized(2)).isEqualTo(-2);
    }

    @Test
    void functionEvaluatorsTurnExceptionsIntoFailedObservations() {
        Evaluator e = Evaluator.of("f", "y", "eV", c -> {
            if (c.id().equals("bad")) {
                throw new IllegalStateException("x".repeat(5000));
            }
            return c.descriptors().get(0) * 2;
        });
        Observation ok = e.poll(e.submit(Candidate.pooled("good", 2))).orElseThrow();
        assertThat(ok.outcomes().get("y")).isEqualTo(Measurement.of(4, "eV"));
        Observation failed = e.poll(e.submit(Candidate.pooled("bad", 2))).orElseThrow();
        assertThat(failed.isFailure()).isTrue();
        assertThat(failed.failure().orElseThrow()).startsWith("IllegalStateException: xxx").hasSize(Observation.MAX_FAILURE_LENGTH);
    }

    @Test
    void trainingSetsHashTheirContent() {
        TrainingSet a = TrainingSet.of(new double[][] {{1, 2}}, new double[] {3});
        assertThat(a.hash()).isEqualTo(TrainingSet.of(new double[][] {{1, 2}}, new double[] {3}).hash());
        assertThat(a.hash()).isNotEqualTo(TrainingSet.of(new double[][] {{1, 2}}, new double[] {3.0000001}).hash());
        assertThat(a.plus(new double[] {0, 0}, 1, 0.5).noiseVariance(1)).isEqualTo(0.5);
        double[] x = a.x(0);
        x[0] = 99;
        assertThat(a.x(0)[0]).isEqualTo(1);
    }
}
