package dev.orion.core.campaign.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.campaign.Goal;
import dev.orion.campaign.Measurement;
import dev.orion.campaign.Observation;
import dev.orion.campaign.Strategy;
import dev.orion.core.campaign.Pareto;
import dev.orion.core.campaign.TestProblems;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BraninCurrin (reference point [18, 6], maximum hypervolume 59.36): EHVI and ParEGO against random. */
class MultiObjectiveOptimizationTest {

    private static final Goal GOAL = Goal.builder().minimize("branin").minimize("currin").build();
    private static final double[] REFERENCE = {18, 6};

    private static double hypervolume(Strategy s, long seed, int evaluations) {
        List<Observation> obs = TestProblems.run(s, TestProblems.braninSpace(), GOAL,
                c -> Map.of("branin", Measurement.of(TestProblems.branin(c), ""),
                        "currin", Measurement.of(TestProblems.currin(c), "")), evaluations, 3, seed);
        assertThat(obs).hasSize(evaluations);
        return Pareto.hypervolume(obs, GOAL, REFERENCE);
    }

    @Test
    void ehviAndParEgoReachMoreHypervolumeThanRandom() {
        Strategy ehvi = MultiObjectiveOptimization.builder().reference(REFERENCE).build();
        double random = 0;
        double e = 0;
        double p = 0;
        for (long seed = 0; seed < 2; seed++) {
            random += hypervolume(Strategies.random(), seed, 31) / 2;
            e += hypervolume(ehvi, seed, 31) / 2;
            p += hypervolume(Strategies.parEgo(), seed, 31) / 2;
        }
        assertThat(e).as("EHVI %s vs random %s", e, random).isGreaterThan(random + 1).isLessThanOrEqualTo(59.37);
        assertThat(p).as("ParEGO %s vs random %s", p, random).isGreaterThan(random);
    }

    @Test
    void exactEhviReachesMoreHypervolumeThanRandomAndNeedsTwoObjectives() {
        Strategy exact = MultiObjectiveOptimization.builder().method(MultiObjectiveOptimization.Method.EXACT_EHVI)
                .reference(REFERENCE).build();
        assertThat(exact.name()).isEqualTo("ehvi-exact");
        double e = (hypervolume(exact, 0, 31) + hypervolume(exact, 1, 31)) / 2;
        double random = (hypervolume(Strategies.random(), 0, 31) + hypervolume(Strategies.random(), 1, 31)) / 2;
        assertThat(e).as("exact EHVI %s vs random %s", e, random).isGreaterThan(random + 1).isLessThanOrEqualTo(59.37);
        Goal three = Goal.builder().minimize("a").minimize("b").minimize("c").build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> exact.propose(dev.orion.campaign.ProposalRequest.of(
                TestProblems.braninSpace(), three, List.of(), 1, 0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two objectives");
    }
}
