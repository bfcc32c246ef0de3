package dev.orion.samples.engines;

import dev.orion.engine.CalculationResult;
import dev.orion.engine.PhaseField;
import dev.orion.engine.continuum.PhaseFieldResult;
import dev.orion.engines.phasefield.PhaseFieldEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * PFHub benchmark 1a, spinodal decomposition, with the built-in phase-field engine: the benchmark's
 * 200 × 200 periodic square and cosine initial field on a 128² grid, Cahn-Hilliard to t = 20 on two
 * threads, through the steep fall of the free energy as the phases separate. Prints the total free
 * energy at t = 0, 10 and 20 (PRISMS-PF's upload to PFHub has 319.0, 304.2 and 203.3), the drift of
 * the mean, and where the picture of the final field is. Needs nothing installed; runs in seconds.
 */
public final class SpinodalDecomposition {

    private SpinodalDecomposition() {
    }

    /** What the run gave: F at t = 0, 10 and 20, the largest drift of the mean, the picture. */
    record Outcome(double[] freeEnergies, double massDrift, Path image) {
    }

    /**
     * @param args optional: a work folder (default: a new temporary one)
     * @throws Exception if the work folder cannot be made
     */
    public static void main(String[] args) throws Exception {
        Outcome o = run(args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("orion-spinodal"));
        // a sample program reports on the console
        System.out.printf(Locale.ROOT, "PFHub BM1a, 128²: F(0) = %.2f, F(10) = %.2f, F(20) = %.2f;"
                + " mean drift %.1e; field: %s%n", o.freeEnergies()[0], o.freeEnergies()[1], o.freeEnergies()[2],
                o.massDrift(), o.image());
    }

    static Outcome run(Path dir) {
        PhaseField bm1a = PhaseField.pfhubBenchmark1a(128)   // ρ = 5, cα = 0.3, cβ = 0.7, κ = 2, M = 5, h = 200/128
                .run(0.01, 2000, 1000)                        // Δt, steps (to t = 20), sample every 10 time units
                .build();
        CalculationResult result = PhaseFieldEngine.builder().threads(2).build().compute(bm1a, dir);
        PhaseFieldResult r = result.phaseField().orElseThrow();
        double drift = r.means().stream().mapToDouble(m -> Math.abs(m - r.means().get(0))).max().orElseThrow();
        double[] f = r.freeEnergies().stream().mapToDouble(Double::doubleValue).toArray();
        return new Outcome(f, drift, result.outputFiles().get("field-image"));
    }
}
