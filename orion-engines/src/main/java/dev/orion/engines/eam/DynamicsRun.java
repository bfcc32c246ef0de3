package dev.orion.engines.eam;

import dev.orion.EngineFailureException;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.Convergence;
import dev.orion.engine.Frame;
import dev.orion.engine.MolecularDynamics;
import dev.orion.engine.Stress;
import dev.orion.engine.Vector3;
import dev.orion.io.Structures;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs a {@link MolecularDynamics} calculation with {@link Dynamics} and packs the result as the
 * LAMMPS engine does: a frame (step, potential energy, temperature, pressure, configuration) every
 * {@code sampleEvery} steps from step 0, a thermo table ({@value #THERMO_FILE}) and an extended-XYZ
 * trajectory ({@value #TRAJECTORY_FILE}) in the work folder, and the run's averages as named values,
 * among them the self-diffusion coefficient by Einstein's relation over the second half of the run,
 * {@code D = (MSD(end) - MSD(mid)) / (6 (t_end - t_mid))} with the centre of mass's drift removed
 * (about zero in a solid, whose atoms only vibrate; the atoms' mobility in a liquid), and
 * {@code loop_time_s}, the time of steps 1 to the end with their output, set-up (the first neighbour
 * list and forces, step 0's output) excluded, as LAMMPS's {@code Loop time}.
 */
final class DynamicsRun {

    static final String THERMO_FILE = "thermo.txt";
    static final String TRAJECTORY_FILE = "trajectory.extxyz";
    private static final String HEADER = "Step Temp PotEng KinEng TotEng Press Volume Conserved";

    private DynamicsRun() {
    }

    static CalculationResult run(String engine, String version, Relaxer relaxer, Configuration c, double[] masses,
                                 MolecularDynamics md, Path workDir) {
        long start = System.nanoTime();
        Dynamics dynamics = new Dynamics(relaxer, c, masses, md);
        double initial = dynamics.conserved();
        double maxDrift = 0;
        double sumT = 0;
        double sumP = 0;
        double sumV = 0;
        double sumE = 0;
        List<Frame> frames = new ArrayList<>();
        double[] start0 = c.frac.clone();
        double[] mid = null;
        long loopStart = System.nanoTime();
        Path thermo = workDir.resolve(THERMO_FILE);
        Path trajectory = workDir.resolve(TRAJECTORY_FILE);
        try {
            Files.createDirectories(workDir);
            try (BufferedWriter t = Files.newBufferedWriter(thermo, StandardCharsets.UTF_8);
                 BufferedWriter x = Files.newBufferedWriter(trajectory, StandardCharsets.UTF_8)) {
                t.write(HEADER);
                t.newLine();
                for (int step = 0; step <= md.steps(); step++) {
                    if (step == md.steps() / 2) {
                        mid = c.frac.clone();
                    }
                    if (step == 1) {
                        loopStart = System.nanoTime();
                    }
                    if (step > 0) {
                        dynamics.step();
                        double drift = Math.abs(dynamics.conserved() - initial);
                        maxDrift = Math.max(maxDrift, drift);
                        if (!Double.isFinite(drift)) {
                            throw new EngineFailureException(engine, EngineFailureException.Kind.NOT_CONVERGED,
                                    "the dynamics blew up at step " + step + " (time step " + md.timeStepFs()
                                            + " fs too long, or atoms too close)", Optional.empty());
                        }
                        sumT += dynamics.temperature();
                        sumP += dynamics.pressure();
                        sumV += c.volume();
                        sumE += dynamics.potential();
                    }
                    if (step % md.sampleEvery() == 0 || step == md.steps()) {
                        Structure now = c.structure();
                        frames.add(new Frame(step, dynamics.potential(), dynamics.temperature(),
                                Optional.of(dynamics.pressure()), Optional.of(now)));
                        t.write(thermoLine(step, dynamics, c.volume()));
                        t.newLine();
                        x.write(Structures.write(now, StructureFormat.EXTXYZ));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the MD output in " + workDir, e);
        }
        double loopSeconds = (System.nanoTime() - loopStart) / 1e9;
        int n = c.n;
        double[] f = dynamics.forces();
        List<Vector3> forces = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            forces.add(new Vector3(f[3 * i], f[3 * i + 1], f[3 * i + 2]));
        }
        double[] s = dynamics.virialStress();
        int steps = md.steps();
        CalculationResult.Builder b = CalculationResult.builder(engine, dynamics.potential(), n).engineVersion(version)
                .forces(forces).stress(new Stress(s[0], s[1], s[2], s[3], s[4], s[5]))
                .convergence(new Convergence(true, steps, "ran all steps"))
                .finalStructure(c.structure())
                .value("temperature_mean_k", sumT / steps)
                .value("pressure_mean_gpa", sumP / steps)
                .value("volume_mean_a3", sumV / steps)
                .value("potential_energy_mean_ev", sumE / steps)
                .value("conserved_energy_max_drift_ev_per_atom", maxDrift / n)
                .value("diffusion_coefficient_a2_per_ps", diffusion(c, masses, start0, mid,
                        (md.steps() - md.steps() / 2) * md.timeStepFs() / 1000))
                .value("force_evaluations", relaxer.evaluations)
                .value("neighbor_list_builds", c.builds)
                .value("loop_time_s", loopSeconds)
                .outputFile("thermo", thermo)
                .outputFile("trajectory", trajectory)
                .wallTime(Duration.ofNanos(System.nanoTime() - start));
        frames.forEach(b::frame);
        return b.build();
    }

    /** Einstein's relation between two snapshots of the unwrapped fractional positions, in the current cell. */
    static double diffusion(Configuration c, double[] masses, double[] start, double[] mid, double picoseconds) {
        double msdEnd = msd(c, masses, start, c.frac);
        double msdMid = msd(c, masses, start, mid);
        return (msdEnd - msdMid) / (6 * picoseconds);
    }

    private static double msd(Configuration c, double[] masses, double[] from, double[] to) {
        int n = c.n;
        double[] d = new double[3 * n];
        double[] com = new double[3];
        double total = 0;
        double[] l = c.cell;
        for (int i = 0; i < n; i++) {
            double a = to[3 * i] - from[3 * i];
            double b = to[3 * i + 1] - from[3 * i + 1];
            double g = to[3 * i + 2] - from[3 * i + 2];
            for (int k = 0; k < 3; k++) {
                d[3 * i + k] = a * l[k] + b * l[3 + k] + g * l[6 + k];
                com[k] += masses[i] * d[3 * i + k];
            }
            total += masses[i];
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                double x = d[3 * i + k] - com[k] / total;
                sum += x * x;
            }
        }
        return sum / n;
    }

    private static String thermoLine(int step, Dynamics d, double volume) {
        double ke = d.kinetic();
        return String.format(Locale.ROOT, "%d %.10g %.12g %.12g %.12g %.10g %.10g %.12g", step, d.temperature(),
                d.potential(), ke, ke + d.potential(), d.pressure(), volume, d.conserved());
    }
}
