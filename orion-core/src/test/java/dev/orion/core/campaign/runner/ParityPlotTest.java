package dev.orion.core.campaign.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.CandidatePool;
import dev.orion.campaign.Measurement;
import dev.orion.campaign.Observation;
import dev.orion.core.campaign.gp.GaussianProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import dev.orion.core.plot.ParityPoint;
import dev.orion.core.plot.Plots;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class ParityPlotTest {

    private static final List<Candidate> POOL = new ArrayList<>();

    static {
        for (int i = 0; i < 21; i++) {
            POOL.add(Candidate.pooled("c" + i, i / 20.0));
        }
    }

    private static Observation seen(int i) {
        double x = i / 20.0;
        return Observation.of(POOL.get(i), Map.of("gap", Measurement.of(Math.sin(3 * x) + x, "eV")));
    }

    @Test
    void predictsEachHeldOutObservationFromTheOthers() {
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            observations.add(i == 4 ? new Observation(POOL.get(i), Map.of(), Optional.of("job failed")) : seen(i));
        }

        List<ParityPoint> points = ParityPlot.crossValidate(observations, "gap", CandidatePool.of(POOL),
                GaussianProcess.create());

        assertThat(points).hasSize(20).extracting(ParityPoint::label).doesNotContain("c4").startsWith("c0", "c1");
        for (ParityPoint p : points) {
            assertThat(p.standardDeviation()).as("held-out points are uncertain").isPositive();
            assertThat(p.predicted()).as("a smooth function is predicted from its neighbours").isCloseTo(p.observed(), within(0.1));
        }
        assertThat(points.get(7).observed()).isEqualTo(Math.sin(3 * 0.4) + 0.4);
        assertThat(ParityPlot.rmse(points)).isLessThan(0.05).isPositive();
        assertThat(ParityPlot.crossValidate(List.of(seen(0), seen(1)), "gap", CandidatePool.of(POOL), GaussianProcess.create()))
                .as("too few to cross-validate").isEmpty();
        assertThat(ParityPlot.crossValidate(List.of(seen(0), seen(1), seen(2)), "gap", CandidatePool.of(POOL),
                GaussianProcess.create())).as("leave-one-out below five points").hasSize(3);
    }

    @Test
    void drawsPredictionsWithErrorBarsAgainstObservations() {
        List<ParityPoint> points = List.of(new ParityPoint("a", 1, 1.5, 0.25), new ParityPoint("b", 2, 1.8, 0.5),
                new ParityPoint("c", 3, 3.1, 0.1));

        XYChart chart = ParityPlot.chart(points, "gap");

        assertThat(chart.getTitle()).isEqualTo("Surrogate parity (3-fold cross-validation)");
        assertThat(chart.getXAxisTitle()).isEqualTo("observed gap");
        assertThat(chart.getYAxisTitle()).isEqualTo("predicted gap");
        XYSeries predicted = chart.getSeriesMap().get(Plots.PREDICTED);
        assertThat(predicted.getXData()).containsExactly(1, 2, 3);
        assertThat(predicted.getYData()).containsExactly(1.5, 1.8, 3.1);
        assertThat(predicted.getExtraValues()).as("error bars of two standard deviations").containsExactly(0.5, 1.0, 0.2);
        XYSeries diagonal = chart.getSeriesMap().get(Plots.DIAGONAL);
        assertThat(diagonal.getXData()).as("spans the observations and the error bars").containsExactly(new double[] {0.8, 3.3},
                within(1e-12));
        assertThat(diagonal.getYData()).isEqualTo(diagonal.getXData());
    }
}
