package dev.orion.core.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.orion.analysis.neighbors.Neighbors;
import dev.orion.analysis.neighbors.RadialDistribution;
import dev.orion.campaign.Objective;
import dev.orion.engine.Frame;
import dev.orion.store.LlmCall;
import dev.orion.store.LlmCallOutcome;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class PlotsTest {

    private static final double A = 3.615;

    static Structure fccCu() {
        return Structure.builder().lattice(Lattice.cubic(A)).addSite(Element.of("Cu"), 0, 0, 0)
                .addSite(Element.of("Cu"), 0.5, 0.5, 0).addSite(Element.of("Cu"), 0.5, 0, 0.5)
                .addSite(Element.of("Cu"), 0, 0.5, 0.5).build();
    }

    @Test
    void relaxationDrawsEnergyOnTheLeftAndMaxForceOnTheRightAxis() {
        XYChart chart = Plots.relaxation(List.of(new RelaxationStep(0, -10, 0.8), new RelaxationStep(1, -10.4, 0.3),
                new RelaxationStep(2, -10.5, 0.01)));

        assertThat(chart.getSeriesMap()).containsOnlyKeys(Plots.ENERGY, Plots.MAX_FORCE);
        assertThat(chart.getXAxisTitle()).isEqualTo("step");
        assertThat(chart.getYAxisGroupTitle(0)).isEqualTo("energy (eV)");
        assertThat(chart.getYAxisGroupTitle(1)).isEqualTo("max force (eV/Å)");
        XYSeries force = chart.getSeriesMap().get(Plots.MAX_FORCE);
        assertThat(force.getYAxisGroup()).isEqualTo(1);
        assertThat(force.getXData()).containsExactly(0, 1, 2);
        assertThat(force.getYData()).containsExactly(0.8, 0.3, 0.01);
        assertThat(chart.getSeriesMap().get(Plots.ENERGY).getYData()).containsExactly(-10, -10.4, -10.5);
        assertThatThrownBy(() -> Plots.relaxation(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("steps");
        assertThatThrownBy(() -> new RelaxationStep(1, 0, -1)).hasMessageContaining("maxForce");
    }

    @Test
    void thermoDrawsAQuantityAgainstTimeFromEngineFramesAndSkipsUnknownPressures() {
        List<ThermoSample> trace = List.of(
                ThermoSample.of(new Frame(0, -100, 300, Optional.of(0.1), Optional.empty()), 0.002),
                ThermoSample.of(new Frame(50, -99, 310, Optional.empty(), Optional.empty()), 0.002),
                ThermoSample.of(new Frame(100, -98.5, 305, Optional.of(0.3), Optional.empty()), 0.002));

        XYChart t = Plots.thermo(trace, Plots.ThermoQuantity.TEMPERATURE);
        assertThat(t.getSeriesMap()).containsOnlyKeys("temperature");
        assertThat(t.getXAxisTitle()).isEqualTo("time (ps)");
        assertThat(t.getYAxisTitle()).isEqualTo("temperature (K)");
        assertThat(t.getSeriesMap().get("temperature").getXData()).containsExactly(new double[] {0, 0.1, 0.2}, within(1e-12));
        assertThat(t.getSeriesMap().get("temperature").getYData()).containsExactly(300, 310, 305);

        XYSeries p = Plots.thermo(trace, Plots.ThermoQuantity.PRESSURE).getSeriesMap().get("pressure");
        assertThat(p.getYData()).as("the sample without a pressure is left out").containsExactly(0.1, 0.3);
        assertThatThrownBy(() -> Plots.thermo(List.of(trace.get(1)), Plots.ThermoQuantity.PRESSURE))
                .hasMessageContaining("no pressure");
    }

    @Test
    void rdfOfFccCopperHasItsShellsOf12And6And24NeighboursAtTheirDistances() {
        RadialDistribution g = Neighbors.rdf(fccCu(), 5.0, 0.02);
        XYChart chart = Plots.rdf(g, Neighbors.partialRdf(fccCu(), Element.of("Cu"), Element.of("Cu"), 5.0, 0.02));

        assertThat(chart.getSeriesMap()).containsOnlyKeys("g(r)", "g_CuCu(r)");
        assertThat(chart.getXAxisTitle()).isEqualTo("r (Å)");
        XYSeries s = chart.getSeriesMap().get("g(r)");
        assertThat(s.getXData()).hasSize(250);
        double[] r = s.getXData();
        double[] y = s.getYData();
        double density = 4 / (A * A * A);
        // neighbours in a shell: sum of g * density * shell volume over its bins
        assertThat(neighbours(r, y, density, 2.3, 2.8)).isCloseTo(12, within(0.2));
        assertThat(neighbours(r, y, density, 3.4, 3.8)).isCloseTo(6, within(0.2));
        assertThat(neighbours(r, y, density, 4.2, 4.6)).isCloseTo(24, within(0.4));
        assertThat(neighbours(r, y, density, 0, 2.5)).as("nothing closer than a/sqrt 2").isZero();
        assertThat(neighbours(r, y, density, 2.6, 3.5)).as("nothing between the first two shells").isZero();
        int peak = 0;
        for (int k = 0; k < y.length; k++) {
            peak = y[k] > y[peak] ? k : peak;
        }
        assertThat(r[peak]).as("first shell at a / sqrt 2").isCloseTo(A / Math.sqrt(2), within(0.02));
    }

    private static double neighbours(double[] r, double[] g, double density, double lo, double hi) {
        double n = 0;
        double w = r[1] - r[0];
        for (int k = 0; k < r.length; k++) {
            if (r[k] >= lo && r[k] < hi) {
                double a = r[k] - w / 2;
                double b = r[k] + w / 2;
                n += g[k] * density * 4.0 / 3.0 * Math.PI * (b * b * b - a * a * a);
            }
        }
        return n;
    }

    @Test
    void convergenceDrawsObservationsAndTheRunningBestSkippingFailures() {
        XYChart chart = Plots.convergence(Objective.minimize("energy"), new double[] {3, Double.NaN, 1, 2, 0.5});

        assertThat(chart.getSeriesMap()).containsOnlyKeys(Plots.OBSERVED, Plots.BEST);
        assertThat(chart.getXAxisTitle()).isEqualTo("evaluations");
        assertThat(chart.getYAxisTitle()).isEqualTo("energy");
        assertThat(chart.getSeriesMap().get(Plots.OBSERVED).getXData()).containsExactly(1, 3, 4, 5);
        assertThat(chart.getSeriesMap().get(Plots.BEST).getYData()).containsExactly(3, 1, 1, 0.5);
        assertThat(Plots.convergence(Objective.maximize("gap"), new double[] {3, 1, 4}).getSeriesMap().get(Plots.BEST)
                .getYData()).containsExactly(3, 3, 4);
        assertThat(Plots.convergence(Objective.maximize("gap"), new double[0]).getSeriesMap().get(Plots.BEST).getXData())
                .containsExactly(0);
    }

    @Test
    void paretoJoinsOnlyTheNonDominatedPointsInOrder() {
        double[] cost = {1, 2, 3, 2.5, 4};
        double[] gain = {1, 3, 4, 2, 3.5};
        XYChart chart = Plots.pareto(Objective.minimize("cost"), Objective.maximize("gain"), cost, gain);

        assertThat(chart.getSeriesMap()).containsOnlyKeys(Plots.OBSERVED, Plots.FRONT);
        assertThat(chart.getXAxisTitle()).isEqualTo("cost");
        assertThat(chart.getYAxisTitle()).isEqualTo("gain");
        assertThat(chart.getSeriesMap().get(Plots.OBSERVED).getXData()).hasSize(5);
        assertThat(chart.getSeriesMap().get(Plots.FRONT).getXData()).containsExactly(1, 2, 3);
        assertThat(chart.getSeriesMap().get(Plots.FRONT).getYData()).containsExactly(1, 3, 4);
        assertThatThrownBy(() -> Plots.pareto(Objective.minimize("a"), Objective.minimize("b"), cost, new double[2]))
                .hasMessageContaining("5 values but ys has 2");
    }

    @Test
    void llmCostIsARunningTotalInTimeOrderAndLatencyIsOneSeriesPerModel() {
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        List<LlmCall> calls = List.of(call("gpt", "0.02", 1200, t0.plusSeconds(60)), call("gpt", "0.01", 800, t0),
                call("claude", "0.05", 2500, t0.plusSeconds(30)));

        XYChart cost = Plots.llmCost(calls);
        assertThat(cost.getSeriesMap()).containsOnlyKeys(Plots.CUMULATIVE_COST);
        assertThat(cost.getYAxisTitle()).isEqualTo("cost (USD)");
        assertThat(cost.getSeriesMap().get(Plots.CUMULATIVE_COST).getYData()).containsExactly(new double[] {0.01, 0.06, 0.08},
                within(1e-12));
        assertThat(cost.getSeriesMap().get(Plots.CUMULATIVE_COST).getXData()[0]).isEqualTo(Date.from(t0).getTime());

        XYChart latency = Plots.llmLatency(calls);
        assertThat(latency.getSeriesMap()).containsOnlyKeys("gpt", "claude");
        assertThat(latency.getYAxisTitle()).isEqualTo("latency (s)");
        assertThat(latency.getSeriesMap().get("gpt").getYData()).containsExactly(0.8, 1.2);
        assertThatThrownBy(() -> Plots.llmCost(List.of())).hasMessageContaining("calls must not be empty");
    }

    private static LlmCall call(String model, String cost, long millis, Instant time) {
        return LlmCall.builder().profile("default").provider("test").model(model).cost(new BigDecimal(cost))
                .latency(Duration.ofMillis(millis)).outcome(LlmCallOutcome.SUCCESS).time(time).build();
    }

    @Test
    void parityDrawsTheDiagonalOverTheRangeOfPointsAndErrorBars() {
        XYChart chart = Plots.parity("t", "gap", List.of(new ParityPoint("a", 1, 2, 0.5), new ParityPoint("b", 3, 3, 0)));

        assertThat(chart.getSeriesMap().get(Plots.DIAGONAL).getXData()).containsExactly(1, 3);
        assertThat(chart.getSeriesMap().get(Plots.PREDICTED).getExtraValues()).containsExactly(1, 0);
        assertThat(Arrays.stream(chart.getSeriesMap().get(Plots.PREDICTED).getYData()).sum()).isEqualTo(5);
    }
}
