package dev.orion.core.campaign.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.CandidatePool;
import dev.orion.campaign.CategoricalParameter;
import dev.orion.campaign.CompositionParameter;
import dev.orion.campaign.ContinuousParameter;
import dev.orion.campaign.Goal;
import dev.orion.campaign.IntegerParameter;
import dev.orion.campaign.LinearConstraint;
import dev.orion.campaign.Observation;
import dev.orion.campaign.ParameterSpace;
import dev.orion.campaign.Proposal;
import dev.orion.campaign.ProposalRequest;
import dev.orion.campaign.Strategy;
import dev.orion.structure.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SpaceFillingAndGridTest {

    private static final Goal GOAL = Goal.minimize("y");

    private static final ParameterSpace MIXED = ParameterSpace.builder()
            .add(ContinuousParameter.logScale("pressure", 1e-3, 10))
            .add(ContinuousParameter.of("t", 0, 1))
            .add(IntegerParameter.of("layers", 1, 4))
            .add(CategoricalParameter.of("solvent", "water", "ethanol", "toluene"))
            .add(CompositionParameter.of("alloy", Element.Cu, Element.Ni, Element.Al))
            .constraint(LinearConstraint.atMost(Map.of("t", 1.0, "layers", 0.25), 1.5))
            .feasibleIf("no toluene with 4 layers", c -> !(c.category("solvent").equals("toluene")
                    && c.number("layers") == 4))
            .build();

    @Test
    void everyDesignProposesFeasibleDistinctCandidatesReproducibly() {
        for (Strategy s : List.of(Strategies.random(), Strategies.sobol(), Strategies.latinHypercube(),
                Strategies.nsga2(), Strategies.bayesian())) {
            List<Proposal> a = s.propose(ProposalRequest.of(MIXED, GOAL, List.of(), 8, 42));
            List<Proposal> b = s.propose(ProposalRequest.of(MIXED, GOAL, List.of(), 8, 42));
            assertThat(a).as(s.name()).hasSize(8).isEqualTo(b);
            assertThat(a).allSatisfy(p -> assertThat(MIXED.violations(p.candidate())).isEmpty());
            assertThat(a.stream().map(p -> p.candidate().id()).distinct()).hasSize(8);
            assertThat(s.propose(ProposalRequest.of(MIXED, GOAL, List.of(), 8, 43))).as(s.name()).isNotEqualTo(a);
        }
    }

    @Test
    void randomSearchWithOneSeedKeepsProposingPastAThousandCalls() {
        ParameterSpace line = ParameterSpace.builder().add(ContinuousParameter.of("x", 0, 1)).build();
        List<Observation> seen = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            List<Proposal> next = Strategies.random().propose(ProposalRequest.of(line, Goal.minimize("f"), seen, 1, 5));
            assertThat(next).as("call %d", i).hasSize(1);
            seen.add(Observation.of(next.get(0).candidate(), "f", i));
        }
        assertThat(seen.stream().map(o -> o.candidate().id()).distinct().count()).isEqualTo(1_200);
    }

    @Test
    void sobolContinuesItsSequenceAndCoversTheRangeEvenly() {
        ParameterSpace line = ParameterSpace.builder().add(ContinuousParameter.of("x", 0, 1)).build();
        List<Observation> seen = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            for (Proposal p : Strategies.sobol().propose(ProposalRequest.of(line, GOAL, seen, 4, 7))) {
                seen.add(Observation.of(p.candidate(), "y", 0));
            }
        }
        int[] bins = new int[16];
        seen.forEach(o -> bins[(int) (o.candidate().number("x") * 16)]++);
        assertThat(bins).containsOnly(1);
    }

    @Test
    void latinHypercubeStratifiesEachParameter() {
        ParameterSpace square = ParameterSpace.builder().add(ContinuousParameter.of("a", 0, 10))
                .add(ContinuousParameter.of("b", -1, 1)).build();
        List<Proposal> p = Strategies.latinHypercube().propose(ProposalRequest.of(square, GOAL, List.of(), 10, 3));
        assertThat(p.stream().map(x -> (int) x.candidate().number("a")).collect(Collectors.toSet()))
                .hasSize(10);
        assertThat(p.stream().map(x -> (int) ((x.candidate().number("b") + 1) * 5)).collect(Collectors.toSet()))
                .hasSize(10);
    }

    @Test
    void gridEnumeratesSmallSpacesAndSkipsWhatWasSeen() {
        ParameterSpace space = ParameterSpace.builder().add(ContinuousParameter.of("x", 0, 1))
                .add(CategoricalParameter.of("c", "a", "b")).build();
        List<Proposal> all = Strategies.grid(3).propose(ProposalRequest.of(space, GOAL, List.of(), 100, 0));
        assertThat(all).hasSize(6);
        List<Observation> seen = List.of(Observation.of(all.get(0).candidate(), "y", 1));
        List<Proposal> next = Strategies.grid(3).propose(ProposalRequest.of(space, GOAL, seen, 2, 0));
        assertThat(next).extracting(Proposal::candidate).containsExactly(all.get(1).candidate(), all.get(2).candidate());
        ParameterSpace alloy = ParameterSpace.builder()
                .add(CompositionParameter.of("a", Element.Cu, Element.Ni, Element.Al)).build();
        assertThat(Strategies.grid(5).propose(ProposalRequest.of(alloy, GOAL, List.of(), 100, 0))).hasSize(15);
        ParameterSpace big = ParameterSpace.builder().add(ContinuousParameter.of("a", 0, 1))
                .add(ContinuousParameter.of("b", 0, 1)).add(ContinuousParameter.of("c", 0, 1)).build();
        assertThatThrownBy(() -> Strategies.grid(101).propose(ProposalRequest.of(big, GOAL, List.of(), 1, 0)))
                .hasMessageContaining("1000000");
    }

    @Test
    void poolsAreProposedWithoutRepeatsUntilExhausted() {
        List<Candidate> entries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            entries.add(Candidate.pooled("m" + i, i, i % 3));
        }
        CandidatePool pool = CandidatePool.of(entries);
        for (Strategy s : List.of(Strategies.random(), Strategies.sobol(), Strategies.latinHypercube(),
                Strategies.grid(2), Strategies.bayesian(), Strategies.nsga2())) {
            List<Observation> seen = new ArrayList<>();
            seen.add(Observation.failed(entries.get(0), "did not converge"));
            List<Candidate> pending = List.of(entries.get(1));
            for (int k = 0; k < 10; k++) {
                List<Proposal> p = s.propose(new ProposalRequest(pool, GOAL, seen, pending, 4, k));
                p.forEach(x -> seen.add(Observation.of(x.candidate(), "y", x.candidate().descriptors().get(0))));
            }
            Set<String> ids = seen.stream().map(o -> o.candidate().id()).collect(Collectors.toSet());
            assertThat(seen).as(s.name()).hasSize(11);
            assertThat(ids).as(s.name()).hasSize(11).doesNotContain("m1");
        }
    }
}
