package dev.orion.bench.neighbors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.orion.analysis.neighbors.Neighbors;
import dev.orion.structure.Structure;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link NeighborListBenchmark} (3 warm-up and 5 measured iterations of 1 s, one fork) and prints
 * the growth ratio 100k / 1k atoms and the speed-up over pymatgen's published figures.
 *
 * <pre>
 * ./mvnw -q -pl orion-bench -am package -DskipTests -Pbench-neighbors
 * </pre>
 */
public final class NeighborListBench {

    /** pymatgen's published neighbour-list times (s) for bcc Mo, cutoff 4 Å. */
    private static final Map<Integer, Double> PYMATGEN_SECONDS = Map.of(1000, 0.04, 10000, 0.24, 100000, 2.37);

    private NeighborListBench() {
    }

    /** Runs the benchmark and prints the summary; arguments are ignored. */
    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(NeighborListBenchmark.class.getName())
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .forks(1)
                .jvmArgs("-Xms2g", "-Xmx2g")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Map<Integer, Double>> ms = new TreeMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String method = label.substring(label.lastIndexOf('.') + 1);
            int atoms = Integer.parseInt(r.getParams().getParam("atoms"));
            ms.computeIfAbsent(method, k -> new TreeMap<>()).put(atoms, r.getPrimaryResult().getScore());
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%nbcc Mo, a = 3.147 Å, cutoff 4 Å (ms per neighbour list, mean of 5 iterations)%n"));
        ms.forEach((method, byAtoms) -> {
            byAtoms.forEach((atoms, t) -> out.append(String.format(Locale.ROOT,
                    "%-9s %7d atoms: %9.2f ms   pymatgen %6.0f ms   speed-up %6.1fx%n",
                    method, atoms, t, PYMATGEN_SECONDS.get(atoms) * 1000, PYMATGEN_SECONDS.get(atoms) * 1000 / t)));
            Double small = byAtoms.get(1000);
            Double large = byAtoms.get(100000);
            if (small != null && large != null) {
                out.append(String.format(Locale.ROOT, "%-9s ratio 100k / 1k = %.1f (linear = 100, target <= 120)%n",
                        method, large / small));
            }
        });
        out.append(cpuTimes());
        out.append(loadAverage());
        // a benchmark driver reports on the console by design
        System.out.print(out);
    }

    /**
     * Thread CPU time per full list, measured in this JVM after a warm-up: on a machine shared with
     * other jobs it shows what the wall-clock figures would be on an idle core.
     */
    private static String cpuTimes() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            return "";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "thread CPU time per full list (this JVM, after 2 s of warm-up per size):%n"));
        Map<Integer, Double> cpu = new TreeMap<>();
        for (int atoms : new int[] {1000, 10000, 100000}) {
            Structure s = NeighborListBenchmark.molybdenum(atoms);
            int reps = Math.max(5, 200_000 / atoms);
            long warmUntil = System.nanoTime() + 2_000_000_000L;
            // the pair count is printed, so the JIT cannot drop the searches
            int pairs = 0;
            while (System.nanoTime() < warmUntil) {
                pairs = Neighbors.full(s, NeighborListBenchmark.CUTOFF).size();
            }
            long start = threads.getCurrentThreadCpuTime();
            for (int r = 0; r < reps; r++) {
                pairs = Math.max(pairs, Neighbors.full(s, NeighborListBenchmark.CUTOFF).size());
            }
            double ms = (threads.getCurrentThreadCpuTime() - start) / 1e6 / reps;
            cpu.put(atoms, ms);
            out.append(String.format(Locale.ROOT, "fullList  %7d atoms: %9.2f ms CPU  speed-up over pymatgen %6.1fx  (%d pairs)%n",
                    atoms, ms, PYMATGEN_SECONDS.get(atoms) * 1000 / ms, pairs));
        }
        out.append(String.format(Locale.ROOT, "fullList  CPU ratio 100k / 1k = %.1f%n", cpu.get(100000) / cpu.get(1000)));
        return out.toString();
    }

    /** The machine's load during the run: wall-clock times on a shared machine depend on it. */
    private static String loadAverage() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ", 4);
            return "load average (1, 5, 15 min): " + load[0] + ", " + load[1] + ", " + load[2] + " on "
                    + Runtime.getRuntime().availableProcessors() + " cores" + System.lineSeparator();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
