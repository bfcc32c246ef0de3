package dev.orion.core.campaign.runner;

import dev.orion.campaign.DesignSpace;
import dev.orion.campaign.Measurement;
import dev.orion.campaign.Observation;
import dev.orion.campaign.Prediction;
import dev.orion.campaign.Surrogate;
import dev.orion.campaign.SurrogateModel;
import dev.orion.campaign.TrainingSet;
import dev.orion.core.campaign.internal.SpaceEncoding;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * How well a surrogate predicts one outcome of a campaign: k-fold cross-validated predictions (observation
 * {@code i} in fold {@code i mod k}, each fold predicted by a model fitted on the others) against the observed
 * values, drawn as a parity plot with error bars of two predicted standard deviations.
 */
final class ParityPlot {

    /** The number of folds; fewer observations than this make it leave-one-out. */
    static final int FOLDS = 5;
    /** The fewest successful observations cross-validated (each fold must train on two or more). */
    static final int MIN_POINTS = 3;
    static final String PREDICTED = "cross-validated prediction ± 2 sd";
    static final String DIAGONAL = "predicted = observed";

    /** A held-out observation and what the model fitted without it predicted. */
    record Point(String candidate, double observed, double predicted, double standardDeviation) {
    }

    private ParityPlot() {
    }

    /**
     * @return one point per successful observation of {@code outcome}, in order; empty if fewer than
     *         {@link #MIN_POINTS}
     */
    static List<Point> crossValidate(List<Observation> observations, String outcome, DesignSpace space, Surrogate surrogate) {
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
        Point[] points = new Point[n];
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
                points[i] = new Point(ok.get(i).candidate().id(), y[i], p.mean(), p.standardDeviation());
            }
        }
        return List.of(points);
    }

    /** @return the root-mean-square error of the predictions */
    static double rmse(List<Point> points) {
        return Math.sqrt(points.stream().mapToDouble(p -> Math.pow(p.predicted() - p.observed(), 2)).average().orElse(0));
    }

    /** @param points at least one point  @return the predictions against the observations, with the diagonal */
    static XYChart chart(List<Point> points, String outcome) {
        XYChart chart = new XYChartBuilder().width(560).height(560).title("Surrogate parity (" + Math.min(FOLDS, points.size())
                        + "-fold cross-validation)").xAxisTitle("observed " + outcome).yAxisTitle("predicted " + outcome).build();
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            lo = Math.min(lo, Math.min(p.observed(), p.predicted() - 2 * p.standardDeviation()));
            hi = Math.max(hi, Math.max(p.observed(), p.predicted() + 2 * p.standardDeviation()));
        }
        chart.addSeries(DIAGONAL, new double[] {lo, hi}, new double[] {lo, hi}).setMarker(SeriesMarkers.NONE);
        chart.addSeries(PREDICTED, points.stream().mapToDouble(Point::observed).toArray(),
                        points.stream().mapToDouble(Point::predicted).toArray(),
                        points.stream().mapToDouble(p -> 2 * p.standardDeviation()).toArray())
                .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.CIRCLE);
        return chart;
    }
}
