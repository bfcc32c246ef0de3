package dev.orion.bench.engines;

import dev.orion.core.plot.ChartFiles;
import dev.orion.engine.PhaseField;
import dev.orion.engine.continuum.PhaseFieldResult;
import dev.orion.engines.phasefield.PhaseFieldEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PFHub benchmark 1a (spinodal decomposition, periodic 200 × 200 square, the benchmark's cosine
 * initial field; {@link PhaseField#pfhubBenchmark1a(int)}) run with the built-in phase-field engine
 * up to {@code end}, its total free energy compared with the curves uploaded to PFHub
 * ({@code testdata/pfhub/bm1a-free-energy.csv}) at their times. The time step grows with the
 * stage of the run (Δt = 0.005 to t = 100, 0.02 to 1,000, 0.1 to 10,000, 0.5 beyond; all times
 * {@code dtScale}), each stage starting from the field the last one ended with. Prints a table and,
 * with an output folder, writes {@code pfhub-bm1a-<points>.csv} (ORION's curve) and {@code .png}
 * (it against the published ones, log time) there.
 *
 * <pre>
 * scripts/bench dev.orion.bench.engines.PfhubBenchmark1 [points] [end] [dtScale] [threads] [outDir]
 * scripts/bench dev.orion.bench.engines.PfhubBenchmark1 256 10000 1 2 docs/images
 * </pre>
 */
public final class PfhubBenchmark1 {

    /** Stage ends, time steps and sampling intervals (in time units). */
    private static final double[][] STAGES = {{100, 0.005, 1}, {1000, 0.02, 10}, {10_000, 0.1, 100},
            {1_000_000, 0.5, 1000}};

    private PfhubBenchmark1() {
    }

    /**
     * @param args optional: grid points a side (256), end time (10000), time-step scale (1), threads
     *             (the available processors), output folder (none)
     * @throws IOException if the reference data cannot be read or the outputs written
     */
    public static void main(String[] args) throws IOException {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        double end = args.length > 1 ? Double.parseDouble(args[1]) : 10_000;
        double dtScale = args.length > 2 ? Double.parseDouble(args[2]) : 1;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        PhaseFieldEngine engine = PhaseFieldEngine.builder().threads(threads).build();
        Path work = Files.createTempDirectory("orion-pfhub-bm1a");
        List<double[]> curve = new ArrayList<>();
        double[] field = null;
        double t0 = 0;
        double mass0 = Double.NaN;
        double worstMass = 0;
        long start = System.nanoTime();
        for (double[] stage : STAGES) {
            if (t0 >= end) {
                break;
            }
            double stop = Math.min(stage[0], end);
            double dt = stage[1] * dtScale;
            int every = (int) Math.round(stage[2] / dt);
            int steps = (int) Math.round((stop - t0) / dt);
            PhaseField.Builder b = PhaseField.pfhubBenchmark1a(points).run(dt, steps, every);
            if (field != null) {
                b.initialField(field);
            }
            PhaseFieldResult r = engine.compute(b.build(), work).phaseField().orElseThrow();
            for (int i = curve.isEmpty() ? 0 : 1; i < r.times().size(); i++) {
                curve.add(new double[] {t0 + r.times().get(i), r.freeEnergies().get(i)});
            }
            if (Double.isNaN(mass0)) {
                mass0 = r.means().get(0);
            }
            for (double m : r.means()) {
                worstMass = Math.max(worstMass, Math.abs(m - mass0));
            }
            field = r.field().stream().mapToDouble(Double::doubleValue).toArray();
            t0 = stop;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, List<double[]>> published = published(Path.of("testdata/pfhub/bm1a-free-energy.csv"));
        // a benchmark driver reports on the console by design
        System.out.printf(Locale.ROOT, "PFHub BM1a on %d² (h = %.4f), dt x %.2f, %d threads: %.0f s; "
                + "mean drifted by at most %.1e%n", points, 200.0 / points, dtScale, threads, seconds, worstMass);
        System.out.println("| code | time | published F | ORION F | difference |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (Map.Entry<String, List<double[]>> e : published.entrySet()) {
            for (double[] p : e.getValue()) {
                if (p[0] <= end) {
                    double ours = interpolate(curve, p[0]);
                    System.out.printf(Locale.ROOT, "| %s | %.4g | %.2f | %.2f | %+.1f %% |%n", e.getKey(), p[0], p[1],
                            ours, 100 * (ours - p[1]) / p[1]);
                }
            }
        }
        if (args.length > 4) {
            write(Path.of(args[4]), curve, published, points);
        }
    }

    /** @return F at time t, linear between the samples around it */
    static double interpolate(List<double[]> curve, double t) {
        for (int i = 1; i < curve.size(); i++) {
            double[] a = curve.get(i - 1);
            double[] b = curve.get(i);
            if (t <= b[0] + 1e-9) {
                return a[1] + (b[1] - a[1]) * Math.max(0, t - a[0]) / (b[0] - a[0]);
            }
        }
        return curve.get(curve.size() - 1)[1];
    }

    private static Map<String, List<double[]>> published(Path csv) throws IOException {
        Map<String, List<double[]>> byCode = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            byCode.computeIfAbsent(f[0], k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
        }
        return byCode;
    }

    private static void write(Path dir, List<double[]> curve, Map<String, List<double[]>> published, int points)
            throws IOException {
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("time,free_energy\n");
        for (double[] p : curve) {
            csv.append(String.format(Locale.ROOT, "%.6g,%.8g%n", p[0], p[1]));
        }
        Files.writeString(dir.resolve("pfhub-bm1a-" + points + ".csv"), csv);
        XYChart chart = new XYChartBuilder().width(800).height(500).title("PFHub benchmark 1a: total free energy")
                .xAxisTitle("time").yAxisTitle("free energy").build();
        chart.getStyler().setXAxisLogarithmic(true);
        List<double[]> positive = curve.stream().filter(p -> p[0] > 0).toList();
        XYSeries ours = chart.addSeries("ORION, " + points + "² Fourier-spectral",
                positive.stream().mapToDouble(p -> p[0]).toArray(), positive.stream().mapToDouble(p -> p[1]).toArray());
        ours.setMarker(SeriesMarkers.NONE);
        for (Map.Entry<String, List<double[]>> e : published.entrySet()) {
            List<double[]> pts = e.getValue().stream().filter(p -> p[0] > 0).toList();
            XYSeries s = chart.addSeries("PFHub upload " + e.getKey(), pts.stream().mapToDouble(p -> p[0]).toArray(),
                    pts.stream().mapToDouble(p -> p[1]).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        ChartFiles.writePng(chart, dir.resolve("pfhub-bm1a-" + points + ".png"));
    }
}
