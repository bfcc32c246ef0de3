package dev.orion.core.campaign.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.campaign.Goal;
import dev.orion.campaign.Measurement;
import dev.orion.campaign.Observation;
import dev.orion.campaign.ParameterSpace;
import dev.orion.campaign.Strategy;
import dev.orion.core.campaign.TestProblems;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Bayesian optimisation against random search on standard test functions, a few seeds each. */
class BayesianOptimizationTest {

    private static double medianGap(Strategy s, ParameterSpace space, ToDoubleFunction<dev.orion.campaign.Candidate> f,
                                    double minimum, int evaluations, int q) {
        double[] gaps = new double[3];
        for (int seed = 0; seed < gaps.length; seed++) {
            List<Observation> obs = TestProblems.run(s, space, Goal.minimize("y"),
                    c -> Map.of("y", Measurement.of(f.applyAsDouble(c), "")), evaluations, q, seed);
            assertThat(obs).hasSize(evaluations);
            assertThat(obs.stream().map(o -> o.candidate().id()).distinct()).hasSize(evaluations);
            gaps[seed] = TestProblems.best(obs, "y") - minimum;
        }
        java.util.Arrays.sort(gaps);
        return gaps[1];
    }

    @Test
    void beatsRandomSearchOnBraninWithBatchesOfThree() {
        double bo = medianGap(Strategies.bayesian(), TestProblems.braninSpace(), TestProblems::branin,
                TestProblems.BRANIN_MINIMUM, 28, 3);
        double random = medianGap(Strategies.random(), TestProblems.braninSpace(), TestProblems::branin,
                TestProblems.BRANIN_MINIMUM, 28, 3);
        assertThat(bo).as("BO gap %s, random gap %s", bo, random).isLessThan(0.05).isLessThan(random / 5);
    }

    @Test
    void beatsRandomSearchOnHartmann6() {
        Strategy bo = BayesianOptimization.builder().acquisition(Acquisitions.expectedImprovement()).build();
        double gap = medianGap(bo, TestProblems.hartmannSpace(), TestProblems::hartmann6,
                TestProblems.HARTMANN6_MINIMUM, 40, 4);
        double random = medianGap(Strategies.random(), TestProblems.hartmannSpace(), TestProblems::hartmann6,
                TestProblems.HARTMANN6_MINIMUM, 40, 4);
        assertThat(gap).as("BO gap %s, random gap %s", gap, random).isLessThan(random * 0.6);
    }
}
