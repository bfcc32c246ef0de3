package dev.orion.bench.engines;

import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.MolecularDynamics;
import dev.orion.engine.Potential;
import dev.orion.engine.Resources;
import dev.orion.engines.EngineRuns;
import dev.orion.engines.eam.EamEngine;
import dev.orion.engines.lammps.LammpsEngine;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Site;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in EAM engine against serial LAMMPS on the same rattled cell of 32,000 Cu atoms
 * ({@code Cu_u3.eam}): seconds per force evaluation (neighbour-list rebuilds included) of a
 * 30-step position relaxation in ORION and of 30 NVE steps in LAMMPS (its {@code Loop time}, which
 * excludes start-up and input), alternating three rounds and keeping each side's best, plus one
 * single point end to end in both.
 *
 * <pre>
 * scripts/bench dev.orion.bench.engines.EamVersusLammpsBench
 * </pre>
 */
public final class EamVersusLammpsBench {

    private static final int ROUNDS = 3;
    private static final int STEPS = 30;

    private EamVersusLammpsBench() {
    }

    static Structure copper(int n, long seed) {
        Element cu = Element.of("Cu");
        Structure cell = Structure.builder().lattice(Lattice.cubic(3.615)).addSite(cu, 0, 0, 0).addSite(cu, 0.5, 0.5, 0)
                .addSite(cu, 0.5, 0, 0.5).addSite(cu, 0, 0.5, 0.5).build().supercell(n, n, n);
        Random random = new Random(seed);
        StructureBuilder b = Structure.builder().lattice(cell.lattice());
        for (Site s : cell.sites()) {
            double[] c = cell.lattice().toCartesian(s.frac());
            for (int k = 0; k < 3; k++) {
                c[k] += 0.05 * (2 * random.nextDouble() - 1);
            }
            b.addSite(s.toBuilder().frac(cell.lattice().toFractional(c)).build());
        }
        return b.build();
    }

    /**
     * @param args optional: cells per edge (default 20, i.e. 32,000 atoms)
     * @throws Exception if LAMMPS is missing or fails
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Structure s = copper(n, 1);
        Potential cu = Potential.eam(Path.of("Cu_u3.eam"), Element.of("Cu"));
        EamEngine eam = EamEngine.builder().build();
        LammpsEngine lammps = LammpsEngine.builder().build();
        Path tmp = Files.createTempDirectory("orion-eam-bench");
        // warm up the JIT on a smaller cell; then alternate ORION and LAMMPS and keep each one's best
        // round, so that load from other jobs on a shared machine hits both alike
        eam.compute(Calculation.relax(copper(8, 2)).with(cu), tmp);
        double oursPerEval = Double.MAX_VALUE;
        double lammpsPerStep = Double.MAX_VALUE;
        CalculationResult ours = null;
        double lammpsSingle;
        long t0;
        try (LocalExecutor local = LocalExecutor.builder().maxConcurrent(1).build()) {
            for (int round = 0; round < ROUNDS; round++) {
                ours = eam.compute(dev.orion.engine.Relaxation.builder(s).maxSteps(STEPS).forceTolerance(1e-9)
                        .build().with(cu), tmp);
                oursPerEval = Math.min(oursPerEval,
                        ours.wallTime().toNanos() / 1e9 / ours.values().get("force_evaluations"));
                Path md = Files.createDirectories(tmp.resolve("md-" + round));
                MolecularDynamics run = Calculation.md(s).steps(STEPS).sampleEvery(STEPS).temperature(300).build();
                EngineRuns.run(lammps, run.with(cu), local, md, Resources.defaults());
                Matcher m = Pattern.compile("Loop time of ([0-9.eE+-]+) on 1 procs for (\\d+) steps")
                        .matcher(Files.readString(md.resolve("log.lammps")));
                if (!m.find()) {
                    throw new IllegalStateException("no Loop time in the LAMMPS log");
                }
                lammpsPerStep = Math.min(lammpsPerStep, Double.parseDouble(m.group(1)) / Integer.parseInt(m.group(2)));
            }
            Path sp = Files.createDirectories(tmp.resolve("sp"));
            t0 = System.nanoTime();
            EngineRuns.run(lammps, Calculation.singlePoint(s).with(cu), local, sp, Resources.defaults());
            lammpsSingle = (System.nanoTime() - t0) / 1e9;
        }
        t0 = System.nanoTime();
        eam.compute(Calculation.singlePoint(s).with(cu), tmp);
        double oursSingle = (System.nanoTime() - t0) / 1e9;
        // a benchmark driver reports on the console by design
        System.out.printf(Locale.ROOT, "%d Cu atoms, Cu_u3.eam, serial%n", s.size());
        System.out.printf(Locale.ROOT, "per force evaluation, best of " + ROUNDS + " rounds: ORION %.4f s (%d evaluations, %d neighbour builds), "
                + "LAMMPS %.4f s per MD step%n", oursPerEval, ours.values().get("force_evaluations").intValue(),
                ours.values().get("neighbor_list_builds").intValue(), lammpsPerStep);
        System.out.printf(Locale.ROOT, "speed ORION / LAMMPS = %.2f (target >= 0.5)%n", lammpsPerStep / oursPerEval);
        System.out.printf(Locale.ROOT, "single point end to end: ORION %.3f s (in the JVM), LAMMPS %.3f s (process, "
                + "data file, setup)%n", oursSingle, lammpsSingle);
    }
}
