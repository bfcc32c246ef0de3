package dev.orion.core.campaign.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.ContinuousParameter;
import dev.orion.campaign.Goal;
import dev.orion.campaign.Measurement;
import dev.orion.campaign.ModelState;
import dev.orion.campaign.Observation;
import dev.orion.campaign.OutcomeConstraint;
import dev.orion.campaign.ParameterSpace;
import dev.orion.campaign.Prediction;
import dev.orion.campaign.Proposal;
import dev.orion.campaign.ProposalRequest;
import dev.orion.campaign.SurrogateModel;
import dev.orion.campaign.TrainingSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AcquisitionsTest {

    /** A model that predicts N(mean, sd^2) everywhere. */
    private record Fixed(double mean, double sd) implements SurrogateModel {
        public int dimension() {
            return 1;
        }

        public TrainingSet data() {
            return TrainingSet.of(new double[][] {{0}}, new double[] {mean});
        }

        public Prediction predict(double[] x) {
            return new Prediction(mean, sd * sd);
        }

        public SurrogateModel withPoint(double[] x, double y, double noiseVariance) {
            return this;
        }

        public ModelState state() {
            throw new UnsupportedOperationException();
        }
    }

    private static double score(dev.orion.campaign.Acquisition a, double mean, double sd, double best) {
        return a.score(new Fixed(mean, sd), new double[][] {{0}}, best)[0];
    }

    @Test
    void analyticValuesMatchClosedForms() {
        // EI at mean = best: sd * phi(0)
        assertThat(score(Acquisitions.expectedImprovement(), 1, 2, 1)).isCloseTo(2 / Math.sqrt(2 * Math.PI), within(1e-6));
        assertThat(score(Acquisitions.probabilityOfImprovement(), 0, 1, 1.6448536)).isCloseTo(0.95, within(1e-5));
        assertThat(score(Acquisitions.upperConfidenceBound(4), 3, 0.5, 0)).isCloseTo(-2, within(1e-12));
        double ei = score(Acquisitions.expectedImprovement(), 0.3, 0.7, 0);
        assertThat(score(Acquisitions.logExpectedImprovement(), 0.3, 0.7, 0)).isCloseTo(Math.log(ei), within(1e-6));
        assertThat(score(Acquisitions.expectedImprovement(), 0, 0, 0.5)).isEqualTo(0.5);
    }

    @Test
    void logEiStillRanksPointsWhereEiUnderflows() {
        double far = score(Acquisitions.logExpectedImprovement(), 40, 1, 0);
        double farther = score(Acquisitions.logExpectedImprovement(), 45, 1, 0);
        assertThat(score(Acquisitions.expectedImprovement(), 40, 1, 0)).isZero();
        assertThat(far).isFinite().isGreaterThan(farther);
        double z = -7;
        double exact = Math.log(z * dev.orion.core.campaign.internal.Normal.cdf(z)
                + dev.orion.core.campaign.internal.Normal.pdf(z));
        assertThat(dev.orion.core.campaign.internal.Normal.logImprovement(z)).isCloseTo(exact, within(1e-3));
    }

    @Test
    void batchesAvoidPendingPointsAndOutcomeConstraintsSteerProposals() {
        ParameterSpace line = ParameterSpace.builder().add(ContinuousParameter.of("x", 0, 1)).build();
        Goal goal = Goal.builder().minimize("y").constraint(OutcomeConstraint.atMost("c", 0.5, "")).build();
        List<Observation> seen = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            double x = i / 10.0;
            Candidate c = Candidate.of(Map.of("x", dev.orion.campaign.ParameterValue.real(x)));
            seen.add(Observation.of(c, Map.of("y", Measurement.of(-x, ""), "c", Measurement.of(x, ""))));
        }
        List<Proposal> p = BayesianOptimization.builder().build().propose(ProposalRequest.of(line, goal, seen, 3, 1));
        assertThat(p).hasSize(3);
        assertThat(p).allSatisfy(x -> assertThat(x.candidate().number("x")).isBetween(0.35, 0.62));
        assertThat(p).allSatisfy(x -> assertThat(x.model()).isPresent());
        List<Double> xs = p.stream().map(x -> x.candidate().number("x")).toList();
        assertThat(xs.stream().distinct()).hasSize(3);
        Proposal first = p.get(0);
        List<Proposal> withPending = BayesianOptimization.builder().build().propose(new ProposalRequest(line, goal,
                seen, List.of(first.candidate()), 1, 1));
        assertThat(withPending.get(0).candidate()).isNotEqualTo(first.candidate());
    }
}
