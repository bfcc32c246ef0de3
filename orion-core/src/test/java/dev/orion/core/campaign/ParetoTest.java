package dev.orion.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.Goal;
import dev.orion.campaign.Measurement;
import dev.orion.campaign.Observation;
import dev.orion.campaign.OutcomeConstraint;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParetoTest {

    @Test
    void findsTheNonDominatedPoints() {
        double[][] p = {{1, 5}, {2, 2}, {3, 3}, {5, 1}, {2, 2}};
        assertThat(Pareto.nonDominated(p)).containsExactly(0, 1, 3, 4);
    }

    @Test
    void hypervolumeIsExactIn2dAnd3d() {
        assertThat(Pareto.hypervolume(new double[][] {{1, 5}, {2, 2}, {5, 1}}, new double[] {6, 6}))
                .isCloseTo(5 + 12 + 1, within(1e-12));
        assertThat(Pareto.hypervolume(new double[][] {{0, 0, 0}}, new double[] {1, 2, 3})).isCloseTo(6, within(1e-12));
        assertThat(Pareto.hypervolume(new double[][] {{0, 0, 1}, {1, 1, 0}}, new double[] {2, 2, 2}))
                .isCloseTo(4 + 1 * 1 * 2 - 1, within(1e-12));
        assertThat(Pareto.hypervolume(new double[][] {{7, 0}}, new double[] {6, 6})).isZero();
    }

    @Test
    void hypervolumeAgreesWithMonteCarloOnRandom3dFronts() {
        SplittableRandom r = new SplittableRandom(1);
        double[][] pts = new double[12][3];
        for (double[] p : pts) {
            for (int j = 0; j < 3; j++) {
                p[j] = r.nextDouble();
            }
        }
        double exact = Pareto.hypervolume(pts, new double[] {1, 1, 1});
        int inside = 0;
        int samples = 200_000;
        for (int s = 0; s < samples; s++) {
            double[] u = {r.nextDouble(), r.nextDouble(), r.nextDouble()};
            for (double[] p : pts) {
                if (p[0] <= u[0] && p[1] <= u[1] && p[2] <= u[2]) {
                    inside++;
                    break;
                }
            }
        }
        assertThat(exact).isCloseTo(inside / (double) samples, within(0.005));
    }

    @Test
    void frontAndHypervolumeOfObservationsRespectDirectionsAndConstraints() {
        Goal goal = Goal.builder().minimize("cost").maximize("strength")
                .constraint(OutcomeConstraint.atMost("density", 5, "g/cm3")).build();
        Observation a = obs("a", 1, 1, 4);
        Observation b = obs("b", 2, 3, 4);
        Observation c = obs("c", 3, 2, 4);
        Observation heavy = obs("d", 0, 10, 9);
        Observation failed = Observation.failed(Candidate.pooled("e", 0), "diverged");
        List<Observation> all = List.of(a, b, c, heavy, failed);
        assertThat(Pareto.front(all, goal)).containsExactly(a, b);
        assertThat(Pareto.hypervolume(all, goal, new double[] {4, 0})).isCloseTo(3 * 1 + 2 * 2, within(1e-12));
        assertThatThrownBy(() -> Pareto.hypervolume(all, goal, new double[] {1})).hasMessageContaining("2 entries");
    }

    private static Observation obs(String id, double cost, double strength, double density) {
        return Observation.of(Candidate.pooled(id, 0), Map.of("cost", Measurement.of(cost, "$"),
                "strength", Measurement.of(strength, "GPa"), "density", Measurement.of(density, "g/cm3")));
    }
}
