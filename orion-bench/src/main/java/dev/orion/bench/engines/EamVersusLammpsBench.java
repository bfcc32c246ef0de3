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
 * The built-in EAM engine against LAMMPS on the same rattled cell of 32,000 Cu atoms
 * ({@code Cu_u3.eam}), both running the same NVE molecular dynamics: seconds per MD step (force
 * evaluation, integration, neighbour-list checks and rebuilds, the last step's output), ORION on one
 * thread against serial LAMMPS and ORION on two threads against LAMMPS on two MPI ranks. Like for
 * like: both sides' loop time excludes their set-up (ORION's {@code loop_time_s}, LAMMPS's {@code
 * Loop time}: first neighbour list and forces, velocities, step 0's output), and LAMMPS gets ORION's
 * neighbour skin (1 Å, with its default check every step once ten steps passed) so that both lists
 * hold the same pairs; LAMMPS with its own 2 Å skin is printed for reference. The sides alternate for
 * three rounds and each keeps its best, so load from other work hits both alike. Also one single
 * point end to end in both, and ORION's whole run per step (set-up included).
 *
 * <pre>
 * scripts/bench dev.orion.bench.engines.EamVersusLammpsBench
 * </pre>
 */
public final class EamVersusLammpsBench {

    private static final int ROUNDS = 3;
    private static final int STEPS = 40;
    /** The built-in engine's neighbour skin, Å, given to LAMMPS too. */
    private static final double ORION_SKIN = 1.0;

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
        LammpsEngine lammps = LammpsEngine.builder().neighborSkin(ORION_SKIN).build();
        LammpsEngine lammpsOwnSkin = LammpsEngine.builder().build();
        Path tmp = Files.createTempDirectory("orion-eam-bench");
        MolecularDynamics run = Calculation.md(s).steps(STEPS).sampleEvery(STEPS).temperature(300).build().with(cu);
        // a benchmark driver reports on the console by design
        System.out.printf(Locale.ROOT, "%d Cu atoms, Cu_u3.eam, NVE MD, %d steps, best of %d rounds%n", s.size(), STEPS,
                ROUNDS);
        try (LocalExecutor local = LocalExecutor.builder().maxConcurrent(1).build()) {
            for (int ranks = 1; ranks <= 2; ranks++) {
                EamEngine eam = EamEngine.builder().threads(ranks).build();
                // warm up the JIT on a smaller cell
                eam.compute(Calculation.md(copper(8, 2)).steps(50).sampleEvery(50).build().with(cu), tmp);
                double ours = Double.MAX_VALUE;
                double oursWhole = Double.MAX_VALUE;
                double theirs = Double.MAX_VALUE;
                double theirsOwnSkin = Double.MAX_VALUE;
                for (int round = 0; round < ROUNDS; round++) {
                    CalculationResult r = eam.compute(run, tmp);
                    ours = Math.min(ours, r.values().get("loop_time_s") / STEPS);
                    oursWhole = Math.min(oursWhole, r.wallTime().toNanos() / 1e9 / STEPS);
                    theirs = Math.min(theirs, loopTime(lammps, run, local, tmp.resolve("md-" + ranks + "-" + round), ranks));
                    theirsOwnSkin = Math.min(theirsOwnSkin, loopTime(lammpsOwnSkin, run, local,
                            tmp.resolve("md-2A-" + ranks + "-" + round), ranks));
                }
                String threads = ranks + (ranks == 1 ? " thread" : " threads");
                String procs = ranks + (ranks == 1 ? " MPI rank" : " MPI ranks");
                System.out.printf(Locale.ROOT, "%s: ORION %.4f s/step (%s), LAMMPS %.4f s/step (%s, skin %s A): "
                        + "speed ORION / LAMMPS = %.2f (target >= 1.0)%n", ranks == 1 ? "serial" : "parallel", ours,
                        threads, theirs, procs, ORION_SKIN, theirs / ours);
                System.out.printf(Locale.ROOT, "  for reference: LAMMPS with its own 2 A skin %.4f s/step (ORION / it = "
                        + "%.2f); ORION's whole run, set-up included, %.4f s/step%n", theirsOwnSkin, theirsOwnSkin / ours,
                        oursWhole);
            }
            Path sp = Files.createDirectories(tmp.resolve("sp"));
            long t0 = System.nanoTime();
            EngineRuns.run(lammpsOwnSkin, Calculation.singlePoint(s).with(cu), local, sp, Resources.defaults());
            double lammpsSingle = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            EamEngine.builder().build().compute(Calculation.singlePoint(s).with(cu), tmp);
            double oursSingle = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "single point end to end: ORION %.3f s (in the JVM), LAMMPS %.3f s (process, "
                    + "data file, setup)%n", oursSingle, lammpsSingle);
        }
    }

    /** LAMMPS's {@code Loop time} per step of one run on {@code ranks} MPI ranks. */
    private static double loopTime(LammpsEngine lammps, MolecularDynamics run, LocalExecutor local, Path dir, int ranks)
            throws Exception {
        Path md = Files.createDirectories(dir);
        EngineRuns.run(lammps, run, local, md, Resources.builder().tasks(ranks).build());
        Matcher m = Pattern.compile("Loop time of ([0-9.eE+-]+) on " + ranks + " procs for (\\d+) steps")
                .matcher(Files.readString(md.resolve("log.lammps")));
        if (!m.find()) {
            throw new IllegalStateException("no Loop time on " + ranks + " procs in the LAMMPS log " + md);
        }
        return Double.parseDouble(m.group(1)) / Integer.parseInt(m.group(2));
    }
}
