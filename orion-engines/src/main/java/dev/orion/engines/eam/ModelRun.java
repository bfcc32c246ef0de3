package dev.orion.engines.eam;

import dev.orion.engine.AtomisticCalculation;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.Convergence;
import dev.orion.engine.Frame;
import dev.orion.engine.MolecularDynamics;
import dev.orion.engine.Relaxation;
import dev.orion.engine.Stress;
import dev.orion.engine.Vector3;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs a single point, a relaxation or molecular dynamics of a {@link ForceModel} and packs the result. */
final class ModelRun {

    /** Neighbour-list skin in Å. */
    static final double SKIN = 1.0;

    private ModelRun() {
    }

    static int[] types(Structure s, List<Element> order) {
        int[] t = new int[s.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = order.indexOf(s.site(i).specie().element());
        }
        return t;
    }

    static CalculationResult run(String engine, String version, ForceModel model, AtomisticCalculation calc,
                                 List<Element> order, Path workDir) {
        long start = System.nanoTime();
        Structure s = calc.structure();
        Configuration c = new Configuration(s, types(s, order), model.cutoff(), SKIN);
        Relaxer relaxer = new Relaxer(model, engine);
        if (calc instanceof MolecularDynamics md) {
            double[] masses = new double[c.n];
            for (int i = 0; i < c.n; i++) {
                masses[i] = s.site(i).specie().element().atomicMass();
            }
            return DynamicsRun.run(engine, version, relaxer, c, masses, md, workDir);
        }
        Convergence convergence = Convergence.notIterative();
        boolean moved = false;
        if (calc instanceof Relaxation r) {
            convergence = relaxer.relax(c, r.forceTolerance(), r.maxSteps(), r.relaxCell(), r.pressureGPa(),
                    isotropic(s.lattice()));
            moved = true;
        }
        double[] f = new double[3 * c.n];
        double[] stress = new double[6];
        double energy = relaxer.evaluate(c, f, stress);
        List<Vector3> forces = new ArrayList<>(c.n);
        for (int i = 0; i < c.n; i++) {
            forces.add(new Vector3(f[3 * i], f[3 * i + 1], f[3 * i + 2]));
        }
        CalculationResult.Builder b = CalculationResult.builder(engine, energy, c.n).engineVersion(version)
                .forces(forces).stress(new Stress(stress[0], stress[1], stress[2], stress[3], stress[4], stress[5]))
                .convergence(convergence).value("force_evaluations", relaxer.evaluations)
                .value("neighbor_list_builds", c.builds)
                .wallTime(Duration.ofNanos(System.nanoTime() - start));
        if (moved) {
            Structure fin = c.structure();
            b.finalStructure(fin);
            b.frame(new Frame(convergence.iterations(), energy, 0, Optional.of((stress[0] + stress[1] + stress[2]) / 3),
                    Optional.of(fin)));
        }
        return b.build();
    }

    static boolean isotropic(Lattice l) {
        double tol = 1e-8 * Math.max(l.a(), Math.max(l.b(), l.c()));
        return Math.abs(l.alpha() - 90) < 1e-8 && Math.abs(l.beta() - 90) < 1e-8 && Math.abs(l.gamma() - 90) < 1e-8
                && Math.abs(l.a() - l.b()) < tol && Math.abs(l.a() - l.c()) < tol;
    }
}
