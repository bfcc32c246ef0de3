package dev.orion.core.campaign.runner;

import dev.orion.campaign.DesignSpace;
import dev.orion.campaign.Measurement;
import dev.orion.campaign.Observation;
import dev.orion.campaign.Prediction;
import dev.orion.campaign.Surrogate;
import dev.orion.campaign.SurrogateModel;
import dev.orion.campaign.TrainingSet;
import dev.orion.core.campaign.internal.SpaceEncoding;
import dev.orion.core.plot.ParityPoint;
import dev.orion.core.plot.Plots;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * How well a surrogate predicts one outcome of a campaign: k-fold cross-validated predictions (observation
 * {@code i} in fold {@code i mod k}, each fold predicted by a model fitted on the others) against the observed
 * values, drawn by {@link Plots#parity} with error bars of two predicted standard deviations.
 */
final class ParityPlot {

    /** The number of folds; fewer observations than this make it leave-one-out. */
    static final int FOLDS = 5;
    /** The fewest successful observations cross-validated (each fold must train on two or more). */
    static final int MIN_POINTS = 3;

    private ParityPlot() {
    }

    /**
     * @return one point per successful observation of {@code outcome}, in order; empty if fewer than
     *         {@link #MIN_POINTS}
     */
    static List<ParityPoint> crossValidate(List<Observation> observations, String outcome, DesignSpace space, Surrogate surrogate) {
        SpaceEncoding encoding = SpaceEncoding.of(space);
        List<Observation> ok = observations.stream().filter(o -> !o.isFailure() && o.outcomes().containsKey(outcome)).toList();
        int n = ok.size();
        if (n < MIN_POINTS) {
            return List.of();
        }
        double[][] x = new double[n][];
        double[] y = new double[n];
        double[] noise = new double[n];
        for (int i = 0; i < n; i++) {
            Measurement m = ok.get(i).outcomes().get(outcome);
            x[i] = encoding.encode(ok.get(i).candidate());
            y[i] = m.value();
            noise[i] = Math.pow(m.standardDeviation().orElse(0), 2);
        }
        int k = Math.min(FOLDS, n);
        ParityPoint[] points = new ParityPoint[n];
        for (int fold = 0; fold < k; fold++) {
            List<Integer> train = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (i % k != fold) {
                    train.add(i);
                }
            }
            SurrogateModel model = surrogate.fit(TrainingSet.of(train.stream().map(i -> x[i]).toArray(double[][]::new),
                    train.stream().mapToDouble(i -> y[i]).toArray(), train.stream().mapToDouble(i -> noise[i]).toArray()));
            for (int i = fold; i < n; i += k) {
                Prediction p = model.predict(x[i]);
                points[i] = new ParityPoint(ok.get(i).candidate().id(), y[i], p.mean(), p.standardDeviation());
            }
        }
        return List.of(points);
    }

    /** @return the root-mean-square error of the predictions */
    static double rmse(List<ParityPoint> points) {
        return Math.sqrt(points.stream().mapToDouble(p -> Math.pow(p.predicted() - p.observed(), 2)).average().orElse(0));
    }

    /** @param points at least one point  @return the predictions against the observations, with the diagonal */
    static XYChart chart(List<ParityPoint> points, String outcome) {
        return Plots.parity("Surrogate parity (" + Math.min(FOLDS, points.size()) + "-fold cross-validation)", outcome, points);
    }
}
