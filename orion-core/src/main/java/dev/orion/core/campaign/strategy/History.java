package dev.orion.core.campaign.strategy;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.Goal;
import dev.orion.campaign.Measurement;
import dev.orion.campaign.Objective;
import dev.orion.campaign.Observation;
import dev.orion.campaign.ProposalRequest;
import dev.orion.campaign.TrainingSet;
import dev.orion.core.campaign.internal.SpaceEncoding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a request says about the past, in the form models need: the encoding, the successful observations
 * that report every objective (with their features), and the ids not to propose again (observed, failed
 * or pending).
 */
final class History {

    final ProposalRequest request;
    final SpaceEncoding encoding;
    final List<Observation> measured;
    final double[][] features;
    final Set<String> excluded;
    final double[][] pendingFeatures;

    History(ProposalRequest request) {
        this.request = request;
        this.encoding = SpaceEncoding.of(request.space());
        Goal goal = request.goal();
        List<Observation> ok = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Observation o : request.observations()) {
            ids.add(o.candidate().id());
            if (!o.isFailure() && goal.objectives().stream().allMatch(obj -> o.outcomes().containsKey(obj.outcome()))) {
                ok.add(o);
            }
        }
        List<double[]> pend = new ArrayList<>();
        for (Candidate c : request.pending()) {
            ids.add(c.id());
            pend.add(encoding.encode(c));
        }
        this.measured = List.copyOf(ok);
        this.excluded = ids;
        this.pendingFeatures = pend.toArray(new double[0][]);
        this.features = new double[measured.size()][];
        for (int i = 0; i < features.length; i++) {
            features[i] = encoding.encode(measured.get(i).candidate());
        }
    }

    /** @return the values of one objective, oriented so that smaller is better */
    double[] minimized(Objective objective) {
        double[] y = new double[measured.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = objective.toMinimized(measured.get(i).value(objective.outcome()).getAsDouble());
        }
        return y;
    }

    /** @return all objectives, minimised, one row per measured observation */
    double[][] objectiveMatrix() {
        List<Objective> objectives = request.goal().objectives();
        double[][] out = new double[measured.size()][objectives.size()];
        for (int k = 0; k < objectives.size(); k++) {
            double[] col = minimized(objectives.get(k));
            for (int i = 0; i < col.length; i++) {
                out[i][k] = col[i];
            }
        }
        return out;
    }

    /** @return whether each measured observation satisfies the goal's outcome constraints */
    boolean[] satisfiesGoal() {
        boolean[] out = new boolean[measured.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = request.goal().isSatisfiedBy(measured.get(i));
        }
        return out;
    }

    /**
     * @param outcome an outcome (an objective or a constrained outcome)
     * @param values  the targets to use, one per measured observation (NaN to leave a point out)
     * @return the training set (with each measurement's known noise)
     */
    TrainingSet trainingSet(double[] values, String outcome) {
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> noise = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                continue;
            }
            x.add(features[i]);
            y.add(values[i]);
            Measurement m = measured.get(i).outcomes().get(outcome);
            double sd = m == null ? 0 : m.standardDeviation().orElse(0);
            noise.add(sd * sd);
        }
        return TrainingSet.of(x.toArray(new double[0][]), y.stream().mapToDouble(Double::doubleValue).toArray(),
                noise.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
