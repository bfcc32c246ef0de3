package dev.orion.core.campaign.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.CompositionParameter;
import dev.orion.campaign.Goal;
import dev.orion.campaign.Measurement;
import dev.orion.campaign.Observation;
import dev.orion.campaign.ParameterSpace;
import dev.orion.campaign.Proposal;
import dev.orion.campaign.ProposalRequest;
import dev.orion.campaign.Strategy;
import dev.orion.structure.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneticAlgorithmTest {

    private static final ParameterSpace ALLOY = ParameterSpace.builder()
            .add(new CompositionParameter("x", List.of(Element.Fe, Element.Co, Element.Ni, Element.Cr, Element.Mn), 0.0))
            .build();
    private static final double[] TARGET = {0.35, 0.05, 0.3, 0.2, 0.1};

    private static double distance(Candidate c) {
        Map<Element, Double> f = c.fractions("x");
        double d = 0;
        List<Element> elements = List.of(Element.Fe, Element.Co, Element.Ni, Element.Cr, Element.Mn);
        for (int i = 0; i < TARGET.length; i++) {
            double t = f.get(elements.get(i)) - TARGET[i];
            d += t * t;
        }
        return d;
    }

    private static double best(Strategy s, long seed) {
        List<Observation> seen = new ArrayList<>();
        for (int gen = 0; gen < 15; gen++) {
            for (Proposal p : s.propose(ProposalRequest.of(ALLOY, Goal.minimize("d"), seen, 10, seed * 100 + gen))) {
                assertThat(ALLOY.isFeasible(p.candidate())).isTrue();
                seen.add(Observation.of(p.candidate(), Map.of("d", Measurement.of(distance(p.candidate()), ""))));
            }
        }
        return seen.stream().mapToDouble(o -> o.value("d").getAsDouble()).min().orElseThrow();
    }

    @Test
    void evolvesCompositionsTowardsTheTargetFasterThanRandom() {
        double ga = 0;
        double random = 0;
        for (long seed = 0; seed < 3; seed++) {
            ga += best(Strategies.nsga2(), seed);
            random += best(Strategies.random(), seed);
        }
        assertThat(ga).as("GA %s random %s", ga, random).isLessThan(random / 2);
    }

    @Test
    void ranksFeasibleFrontsFirstAndCrowdsTheirEnds() {
        double[][] y = {{1, 4}, {2, 2}, {4, 1}, {3, 3}, {0, 0}};
        boolean[] feasible = {true, true, true, true, false};
        int[] rank = GeneticAlgorithm.ranks(y, feasible);
        assertThat(rank).containsExactly(0, 0, 0, 1, 2);
        double[] crowding = GeneticAlgorithm.crowding(y, rank);
        assertThat(crowding[0]).isInfinite();
        assertThat(crowding[2]).isInfinite();
        assertThat(crowding[1]).isEqualTo(3 / 3.0 + 3 / 3.0);
    }
}
