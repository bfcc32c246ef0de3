package dev.orion.core.plot;

import dev.orion.analysis.neighbors.RadialDistribution;
import dev.orion.campaign.Objective;
import dev.orion.core.campaign.Pareto;
import dev.orion.store.LlmCall;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Factories of the charts ORION draws, each an XChart {@link XYChart} that the caller may restyle, show or
 * write with {@link ChartFiles}. Series names and axis titles are the constants of this class, so code and
 * tests can find a series by name.
 *
 * <pre>{@code
 * XYChart g = Plots.rdf(Neighbors.rdf(cu, 8.0, 0.05));
 * ChartFiles.writePng(g, Path.of("rdf.png"));
 * XYChart best = Plots.convergence(Objective.minimize("energy"), values);
 * }</pre>
 */
public final class Plots {

    /** Series of {@link #relaxation}: energy against step (left axis). */
    public static final String ENERGY = "energy";
    /** Series of {@link #relaxation}: largest force against step (right axis). */
    public static final String MAX_FORCE = "max force";
    /** Series of {@link #convergence} and {@link #pareto}: every successful observation. */
    public static final String OBSERVED = "observed";
    /** Series of {@link #convergence}: the best value so far. */
    public static final String BEST = "best so far";
    /** Series of {@link #pareto}: the non-dominated observations, joined in order of the first objective. */
    public static final String FRONT = "Pareto front";
    /** Series of {@link #parity}: the predictions, with error bars of two standard deviations. */
    public static final String PREDICTED = "prediction ± 2 sd";
    /** Series of {@link #parity}: the line where predicted equals observed. */
    public static final String DIAGONAL = "predicted = observed";
    /** Series of {@link #llmCost}: the running total of cost. */
    public static final String CUMULATIVE_COST = "cumulative cost";

    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;

    private Plots() {
    }

    /**
     * @param steps a relaxation's steps in order (at least one)
     * @return energy (left axis, eV) and the largest force (right axis, eV/Å) against the minimiser step
     * @throws IllegalArgumentException if {@code steps} is empty
     */
    public static XYChart relaxation(List<RelaxationStep> steps) {
        requireSome("steps", steps);
        XYChart chart = chart("Relaxation", "step", "energy (eV)");
        chart.setYAxisGroupTitle(1, "max force (eV/Å)");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        double[] step = values(steps, s -> s.step());
        chart.addSeries(ENERGY, step, values(steps, RelaxationStep::energy)).setMarker(SeriesMarkers.CIRCLE);
        XYSeries force = chart.addSeries(MAX_FORCE, step, values(steps, RelaxationStep::maxForce));
        force.setYAxisGroup(1);
        force.setMarker(SeriesMarkers.DIAMOND);
        return chart;
    }

    /** What {@link #thermo} draws against time. */
    public enum ThermoQuantity {
        /** Temperature, K. */
        TEMPERATURE("temperature", "temperature (K)", ThermoSample::temperatureK),
        /** Potential energy, eV. */
        ENERGY("potential energy", "potential energy (eV)", ThermoSample::energy),
        /** Pressure, GPa (samples without a pressure are left out). */
        PRESSURE("pressure", "pressure (GPa)", ThermoSample::pressureGPa);

        private final String series;
        private final String axis;
        private final ToDoubleFunction<ThermoSample> value;

        ThermoQuantity(String series, String axis, ToDoubleFunction<ThermoSample> value) {
            this.series = series;
            this.axis = axis;
            this.value = value;
        }

        /** @return the name of the series this quantity is drawn as */
        public String seriesName() {
            return series;
        }

        /** @return the y-axis title, with the unit */
        public String axisTitle() {
            return axis;
        }
    }

    /**
     * @param trace    an MD thermo trace in order (at least one sample)
     * @param quantity what to draw
     * @return the quantity against simulated time (ps), one series named {@link ThermoQuantity#seriesName()}
     * @throws IllegalArgumentException if {@code trace} is empty, or has no pressure when pressure is asked for
     */
    public static XYChart thermo(List<ThermoSample> trace, ThermoQuantity quantity) {
        requireSome("trace", trace);
        Objects.requireNonNull(quantity, "quantity");
        List<ThermoSample> known = trace.stream().filter(s -> !Double.isNaN(quantity.value.applyAsDouble(s))).toList();
        if (known.isEmpty()) {
            throw new IllegalArgumentException("trace has no " + quantity.series + " in its " + trace.size() + " samples");
        }
        XYChart chart = chart("MD " + quantity.series, "time (ps)", quantity.axis);
        chart.addSeries(quantity.series, values(known, ThermoSample::timePs), values(known, quantity.value))
                .setMarker(SeriesMarkers.NONE);
        return chart;
    }

    /**
     * @param rdfs one or more radial distribution functions (e.g. the total and some partials)
     * @return g(r) against r (Å), one line per function, named {@code g(r)} or {@code g_AB(r)}
     * @throws IllegalArgumentException if none is given
     */
    public static XYChart rdf(RadialDistribution... rdfs) {
        requireSome("rdfs", List.of(rdfs));
        XYChart chart = chart("Radial distribution function", "r (Å)", "g(r)");
        chart.getStyler().setXAxisMin(0.0).setXAxisDecimalPattern("0.0");
        for (RadialDistribution g : rdfs) {
            chart.addSeries(rdfName(g), g.radii(), g.values()).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** @return the series name {@link #rdf} gives a function: {@code g(r)} or, for a partial, {@code g_CuNi(r)} */
    public static String rdfName(RadialDistribution g) {
        return g.elements().map(e -> "g_" + e.getKey() + e.getValue() + "(r)").orElse("g(r)");
    }

    /**
     * @param objective what was optimised
     * @param values    the objective's value of each evaluation in order; NaN for a failed evaluation
     * @return the observed values ({@link #OBSERVED}, scatter) and the best so far ({@link #BEST}, line) against
     *         the evaluation number (1-based, failures counted); an empty chart has one point at (0, 0)
     */
    public static XYChart convergence(Objective objective, double[] values) {
        Objects.requireNonNull(objective, "objective");
        XYChart chart = chart("Best " + objective.outcome() + " so far", "evaluations", objective.outcome());
        List<Double> n = new ArrayList<>();
        List<Double> observed = new ArrayList<>();
        List<Double> best = new ArrayList<>();
        double b = Double.NaN;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            b = Double.isNaN(b) || objective.toMinimized(v) < objective.toMinimized(b) ? v : b;
            n.add(i + 1.0);
            observed.add(v);
            best.add(b);
        }
        if (n.isEmpty()) {
            n.add(0.0);
            observed.add(0.0);
            best.add(0.0);
        }
        chart.addSeries(OBSERVED, n, observed).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter)
                .setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries(BEST, n, best).setMarker(SeriesMarkers.NONE);
        return chart;
    }

    /**
     * @param x      the first objective (horizontal axis)
     * @param y      the second objective (vertical axis)
     * @param xs     the first objective's value of each observation
     * @param ys     the second objective's value of the same observations
     * @return every observation ({@link #OBSERVED}) and the non-dominated ones joined by a line ({@link #FRONT});
     *         an empty chart has one point at (0, 0)
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static XYChart pareto(Objective x, Objective y, double[] xs, double[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("xs has " + xs.length + " values but ys has " + ys.length);
        }
        XYChart chart = chart("Pareto front", x.outcome(), y.outcome());
        double[][] points = new double[Math.max(1, xs.length)][];
        double[][] minimized = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            points[i] = xs.length == 0 ? new double[] {0, 0} : new double[] {xs[i], ys[i]};
            minimized[i] = new double[] {x.toMinimized(points[i][0]), y.toMinimized(points[i][1])};
        }
        List<double[]> front = new ArrayList<>();
        for (int i : Pareto.nonDominated(minimized)) {
            front.add(points[i]);
        }
        front.sort(Comparator.comparingDouble(p -> p[0]));
        chart.addSeries(OBSERVED, column(List.of(points), 0), column(List.of(points), 1))
                .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries(FRONT, column(front, 0), column(front, 1)).setMarker(SeriesMarkers.DIAMOND);
        return chart;
    }

    /**
     * @param title   the chart's title (e.g. {@code "Surrogate parity (5-fold cross-validation)"})
     * @param outcome the predicted quantity, named in the axis titles
     * @param points  at least one prediction
     * @return the predictions against the observations with error bars of two standard deviations
     *         ({@link #PREDICTED}) and the diagonal ({@link #DIAGONAL}) over their range
     * @throws IllegalArgumentException if {@code points} is empty
     */
    public static XYChart parity(String title, String outcome, List<ParityPoint> points) {
        requireSome("points", points);
        XYChart chart = new XYChartBuilder().width(560).height(560).title(title).xAxisTitle("observed " + outcome)
                .yAxisTitle("predicted " + outcome).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ParityPoint p : points) {
            lo = Math.min(lo, Math.min(p.observed(), p.predicted() - 2 * p.standardDeviation()));
            hi = Math.max(hi, Math.max(p.observed(), p.predicted() + 2 * p.standardDeviation()));
        }
        chart.addSeries(DIAGONAL, new double[] {lo, hi}, new double[] {lo, hi}).setMarker(SeriesMarkers.NONE);
        chart.addSeries(PREDICTED, values(points, ParityPoint::observed), values(points, ParityPoint::predicted),
                        values(points, p -> 2 * p.standardDeviation()))
                .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.CIRCLE);
        return chart;
    }

    /**
     * @param calls LLM call records, in any order (at least one)
     * @return the running total of cost in USD ({@link #CUMULATIVE_COST}) against the time of each call
     * @throws IllegalArgumentException if {@code calls} is empty
     */
    public static XYChart llmCost(List<LlmCall> calls) {
        List<LlmCall> sorted = byTime(calls);
        XYChart chart = chart("LLM cost", "time", "cost (USD)");
        List<Date> times = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (LlmCall c : sorted) {
            sum = sum.add(c.cost());
            times.add(Date.from(c.time()));
            total.add(sum.doubleValue());
        }
        chart.addSeries(CUMULATIVE_COST, times, total).setMarker(SeriesMarkers.NONE);
        return chart;
    }

    /**
     * @param calls LLM call records, in any order (at least one)
     * @return each call's latency in seconds against its time, one scatter series per model (named by the model)
     * @throws IllegalArgumentException if {@code calls} is empty
     */
    public static XYChart llmLatency(List<LlmCall> calls) {
        List<LlmCall> sorted = byTime(calls);
        XYChart chart = chart("LLM latency", "time", "latency (s)");
        Map<String, List<LlmCall>> byModel = new LinkedHashMap<>();
        for (LlmCall c : sorted) {
            byModel.computeIfAbsent(c.model(), m -> new ArrayList<>()).add(c);
        }
        byModel.forEach((model, list) -> chart.addSeries(model, list.stream().map(c -> Date.from(c.time())).toList(),
                        list.stream().map(c -> c.latency().toNanos() / 1e9).toList())
                .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.CIRCLE));
        return chart;
    }

    private static List<LlmCall> byTime(List<LlmCall> calls) {
        requireSome("calls", calls);
        return calls.stream().sorted(Comparator.comparing(LlmCall::time)).toList();
    }

    private static XYChart chart(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setLegendVisible(true);
        return chart;
    }

    private static void requireSome(String name, List<?> list) {
        if (Objects.requireNonNull(list, name).isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }

    private static <T> double[] values(List<T> list, ToDoubleFunction<T> f) {
        return list.stream().mapToDouble(f).toArray();
    }

    private static double[] column(List<double[]> points, int k) {
        return points.stream().mapToDouble(p -> p[k]).toArray();
    }
}
