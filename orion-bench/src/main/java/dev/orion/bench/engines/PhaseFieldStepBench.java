package dev.orion.bench.engines;

import dev.orion.engine.CalculationResult;
import dev.orion.engine.PhaseField;
import dev.orion.engine.PhaseFieldEquation;
import dev.orion.engines.phasefield.PhaseFieldEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Time per step of the built-in phase-field engine (semi-implicit Fourier-spectral, its own radix-2
 * FFT shared among threads by lines) on a 256² and a 128³ periodic grid, Cahn-Hilliard and
 * Allen-Cahn, on one thread and on {@code threads} threads in the same run: the best of three runs of
 * {@code steps} steps each (one- and many-thread runs alternating, so a change of load hits both),
 * after a warm-up, from the engine's wall time (sampling the free energy
 * once at the end), and the speed-up of the threaded runs over the single-threaded ones.
 *
 * <pre>
 * scripts/bench dev.orion.bench.engines.PhaseFieldStepBench [steps] [threads]
 * </pre>
 */
public final class PhaseFieldStepBench {

    private PhaseFieldStepBench() {
    }

    /**
     * @param args optional: steps per run (default 50), threads of the threaded runs (default 2)
     * @throws Exception if the work folder cannot be made
     */
    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        PhaseFieldEngine one = PhaseFieldEngine.builder().threads(1).build();
        PhaseFieldEngine many = PhaseFieldEngine.builder().threads(threads).build();
        Path dir = Files.createTempDirectory("orion-pf-bench");
        one.compute(PhaseField.builder(64, 64, 64).run(0.05, 20, 20).build(), dir);
        many.compute(PhaseField.builder(64, 64, 64).run(0.05, 20, 20).build(), dir);
        for (int[] grid : new int[][] {{256, 256, 1}, {128, 128, 128}}) {
            for (PhaseFieldEquation eq : PhaseFieldEquation.values()) {
                PhaseField p = PhaseField.builder(grid[0], grid[1], grid[2]).equation(eq).run(0.05, steps, steps).build();
                double serial = Double.MAX_VALUE;
                double threaded = Double.MAX_VALUE;
                for (int round = 0; round < 3; round++) {
                    serial = Math.min(serial, perStep(one, p, dir, steps));
                    threaded = Math.min(threaded, perStep(many, p, dir, steps));
                }
                // a benchmark driver reports on the console by design
                System.out.printf(Locale.ROOT, "%s %s: %.2f ms per step on 1 thread, %.2f ms on %d (%.2fx)"
                        + " (best of 3 runs of %d steps)%n", grid[2] == 1 ? grid[0] + "²" : grid[0] + "³", eq,
                        serial, threaded, threads, serial / threaded, steps);
            }
        }
    }

    private static double perStep(PhaseFieldEngine engine, PhaseField p, Path dir, int steps) {
        CalculationResult r = engine.compute(p, dir);
        return r.wallTime().toNanos() / 1e6 / steps;
    }
}
