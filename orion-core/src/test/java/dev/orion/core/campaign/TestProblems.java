package dev.orion.core.campaign;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.ContinuousParameter;
import dev.orion.campaign.Goal;
import dev.orion.campaign.Measurement;
import dev.orion.campaign.Observation;
import dev.orion.campaign.ParameterSpace;
import dev.orion.campaign.Proposal;
import dev.orion.campaign.ProposalRequest;
import dev.orion.campaign.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Standard test functions and a minimal propose-evaluate loop (no persistence) for strategy tests. */
public final class TestProblems {

    /** Branin's global minimum. */
    public static final double BRANIN_MINIMUM = 0.397887;
    /** Hartmann-6's global minimum. */
    public static final double HARTMANN6_MINIMUM = -3.32237;

    private TestProblems() {
    }

    /** @return x1 in [-5, 10], x2 in [0, 15] */
    public static ParameterSpace braninSpace() {
        return ParameterSpace.builder().add(ContinuousParameter.of("x1", -5, 10))
                .add(ContinuousParameter.of("x2", 0, 15)).build();
    }

    /** @param c a candidate of {@link #braninSpace()}  @return Branin at it */
    public static double branin(Candidate c) {
        return branin(c.number("x1"), c.number("x2"));
    }

    public static double branin(double x1, double x2) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double t = x2 - b * x1 * x1 + 5 / Math.PI * x1 - 6;
        return t * t + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x1) + 10;
    }

    /** @param c a candidate of {@link #braninSpace()}  @return Currin's function at the scaled point */
    public static double currin(Candidate c) {
        double x1 = (c.number("x1") + 5) / 15;
        double x2 = c.number("x2") / 15;
        double f = 1 - Math.exp(-1 / (2 * Math.max(x2, 1e-12)));
        return f * (2300 * x1 * x1 * x1 + 1900 * x1 * x1 + 2092 * x1 + 60)
                / (100 * x1 * x1 * x1 + 500 * x1 * x1 + 4 * x1 + 20);
    }

    /** @return x0..x5 in [0, 1] */
    public static ParameterSpace hartmannSpace() {
        ParameterSpace.Builder b = ParameterSpace.builder();
        for (int i = 0; i < 6; i++) {
            b.add(ContinuousParameter.of("x" + i, 0, 1));
        }
        return b.build();
    }

    private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] A = {{10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14},
        {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] P = {{1312, 1696, 5569, 124, 8283, 5886}, {2329, 4135, 8307, 3736, 1004, 9991},
        {2348, 1451, 3522, 2883, 3047, 6650}, {4047, 8828, 8732, 5743, 1091, 381}};

    /** @param c a candidate of {@link #hartmannSpace()}  @return Hartmann-6 at it */
    public static double hartmann6(Candidate c) {
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
                double d = c.number("x" + j) - P[i][j] * 1e-4;
                inner += A[i][j] * d * d;
            }
            sum += ALPHA[i] * Math.exp(-inner);
        }
        return -sum;
    }

    /**
     * Runs a closed loop: batches of q proposals, each evaluated at once, until {@code evaluations}.
     *
     * @return every observation, in order
     */
    public static List<Observation> run(Strategy strategy, ParameterSpace space, Goal goal,
                                        Function<Candidate, Map<String, Measurement>> f, int evaluations, int q,
                                        long seed) {
        List<Observation> observations = new ArrayList<>();
        int iteration = 0;
        while (observations.size() < evaluations) {
            int batch = Math.min(q, evaluations - observations.size());
            List<Proposal> proposals = strategy.propose(ProposalRequest.of(space, goal, observations, batch,
                    seed * 1000 + iteration++));
            if (proposals.isEmpty()) {
                break;
            }
            for (Proposal p : proposals) {
                observations.add(Observation.of(p.candidate(), f.apply(p.candidate())));
            }
        }
        return observations;
    }

    /** @return the smallest value of an outcome */
    public static double best(List<Observation> observations, String outcome) {
        return observations.stream().mapToDouble(o -> o.value(outcome).orElse(Double.POSITIVE_INFINITY)).min()
                .orElse(Double.POSITIVE_INFINITY);
    }
}
