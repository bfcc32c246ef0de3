package dev.orion.core.campaign.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.campaign.Acquisition;
import dev.orion.campaign.Candidate;
import dev.orion.campaign.Goal;
import dev.orion.campaign.Measurement;
import dev.orion.campaign.Observation;
import dev.orion.campaign.Proposal;
import dev.orion.campaign.ProposalRequest;
import dev.orion.campaign.SurrogateModel;
import dev.orion.campaign.TrainingSet;
import dev.orion.core.campaign.TestProblems;
import dev.orion.core.campaign.gp.BootstrapCommittee;
import dev.orion.core.campaign.gp.GaussianProcess;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Monte Carlo qEI and qNEI: agreement with analytic EI at q = 1, the joint batch value, diverse batches. */
class MonteCarloAcquisitionTest {

    private static TrainingSet data(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextDouble();
            x[i][1] = r.nextDouble();
            y[i] = TestProblems.branin(-5 + 15 * x[i][0], 15 * x[i][1]);
        }
        return TrainingSet.of(x, y);
    }

    private static double[][] grid(int side) {
        double[][] p = new double[side * side][];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                p[i * side + j] = new double[] {(i + 0.5) / side, (j + 0.5) / side};
            }
        }
        return p;
    }

    @Test
    void qEiOfOnePointIsAnalyticEiWithinMonteCarloError() {
        TrainingSet t = data(15, 3);
        SurrogateModel model = GaussianProcess.builder().seed(1).build().fit(t);
        double incumbent = java.util.Arrays.stream(t.targets()).min().orElseThrow();
        double[][] points = grid(12);
        double[] exact = Acquisitions.expectedImprovement().score(model, points, incumbent);
        double[] mc = Acquisitions.qExpectedImprovement(1024).score(model, points, incumbent);
        int improving = 0;
        for (int i = 0; i < points.length; i++) {
            double sd = model.predict(points[i]).standardDeviation();
            // a Sobol estimate of a 1-D expectation is far better than the 3 sd / sqrt(N) bound of plain Monte Carlo
            assertThat(mc[i]).as("point %d", i).isCloseTo(exact[i], within(3 * (sd + 1e-9) / Math.sqrt(1024)));
            if (exact[i] > 1e-3) {
                improving++;
            }
        }
        assertThat(improving).as("the comparison covers points that improve").isGreaterThan(5);
    }

    @Test
    void aPointAlreadyInTheBatchAddsNothingAndABatchOfTwoIsBounded() {
        TrainingSet t = data(15, 4);
        SurrogateModel model = GaussianProcess.builder().seed(1).build().fit(t);
        double incumbent = java.util.Arrays.stream(t.targets()).min().orElseThrow();
        MonteCarloAcquisition qei = (MonteCarloAcquisition) Acquisitions.qExpectedImprovement(512);
        double[][] points = grid(10);
        MonteCarloAcquisition.Batch batch = qei.batch(model, new double[0][], 2, incumbent, 7);
        double[] first = batch.score(points);
        int best = 0;
        for (int i = 1; i < first.length; i++) {
            best = first[i] > first[best] ? i : best;
        }
        batch.add(points[best]);
        double[] second = batch.score(points);
        assertThat(second[best]).as("the batch's value does not grow by repeating its point").isCloseTo(first[best], within(1e-9));
        for (int i = 0; i < points.length; i++) {
            // a batch of two is worth at least its better half and at most the sum of both (up to Monte Carlo
            // error: point i alone was sampled on the first base column, in the batch on the second)
            double tolerance = 0.02 * (first[best] + first[i]) + 1e-9;
            assertThat(second[i]).isGreaterThanOrEqualTo(first[best] - 1e-9)
                    .isGreaterThanOrEqualTo(first[i] - tolerance)
                    .isLessThanOrEqualTo(first[best] + first[i] + tolerance);
        }
    }

    @Test
    void batchesOfQEiAndQNeiAreDiverseAndAvoidPendingPoints() {
        List<Observation> seen = TestProblems.run(Strategies.sobol(), TestProblems.braninSpace(), Goal.minimize("y"),
                c -> Map.of("y", Measurement.of(TestProblems.branin(c), "")), 10, 5, 2);
        for (Acquisition a : List.of(Acquisitions.qExpectedImprovement(256), Acquisitions.qNoisyExpectedImprovement(256))) {
            BayesianOptimization bo = BayesianOptimization.builder().acquisition(a).build();
            List<Proposal> p = bo.propose(ProposalRequest.of(TestProblems.braninSpace(), Goal.minimize("y"), seen, 4, 3));
            assertThat(p).as(a.name()).hasSize(4).allSatisfy(x -> assertThat(x.model()).isPresent());
            assertThat(bo.name()).isEqualTo("bo-" + a.name());
            for (int i = 0; i < p.size(); i++) {
                for (int j = 0; j < i; j++) {
                    assertThat(distance(p.get(i).candidate(), p.get(j).candidate())).as("%s: %d vs %d", a.name(), i, j)
                            .isGreaterThan(0.03);
                }
            }
            Candidate first = p.get(0).candidate();
            List<Proposal> withPending = bo.propose(new ProposalRequest(TestProblems.braninSpace(), Goal.minimize("y"),
                    seen, List.of(first), 1, 3));
            assertThat(distance(withPending.get(0).candidate(), first)).as(a.name() + " with the first pending").isGreaterThan(0.03);
        }
    }

    @Test
    void qNeiFindsTheBraninMinimumInBatches() {
        BayesianOptimization bo = BayesianOptimization.builder().acquisition(Acquisitions.qNoisyExpectedImprovement(256)).build();
        List<Observation> obs = TestProblems.run(bo, TestProblems.braninSpace(), Goal.minimize("y"),
                c -> Map.of("y", Measurement.of(TestProblems.branin(c), "")), 28, 3, 0);
        assertThat(TestProblems.best(obs, "y") - TestProblems.BRANIN_MINIMUM).isLessThan(0.1);
    }

    @Test
    void needsAJointPosteriorAndEnoughSamples() {
        TrainingSet t = data(12, 5);
        SurrogateModel committee = BootstrapCommittee.builder().members(2).build().fit(t);
        assertThatThrownBy(() -> Acquisitions.qExpectedImprovement(64).score(committee, grid(2), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("joint posterior");
        assertThatThrownBy(() -> Acquisitions.qNoisyExpectedImprovement(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("samples");
    }

    /** Distance in the unit square of Branin's box. */
    private static double distance(Candidate a, Candidate b) {
        double dx = (a.number("x1") - b.number("x1")) / 15;
        double dy = (a.number("x2") - b.number("x2")) / 15;
        return Math.sqrt(dx * dx + dy * dy);
    }
}
