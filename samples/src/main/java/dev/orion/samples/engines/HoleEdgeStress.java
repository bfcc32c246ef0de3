package dev.orion.samples.engines;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.FiniteElement;
import dev.orion.engine.JobRequest;
import dev.orion.engine.continuum.Constraint;
import dev.orion.engine.continuum.ContinuumResult;
import dev.orion.engine.continuum.Elasticity;
import dev.orion.engine.continuum.Load;
import dev.orion.engine.continuum.Material;
import dev.orion.engine.continuum.Mesh;
import dev.orion.engines.calculix.CalculixEngine;
import dev.orion.engines.calculix.InpMesh;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * A steel plate with a hole pulled at 100 MPa, run as a persisted CalculiX job: the stress
 * extrapolated to the node on the hole's edge (read from the job's {@code .frd}) against Kirsch's
 * three times the tension; then the job's input deck read back as a mesh with {@link InpMesh}.
 */
public final class HoleEdgeStress {

    /** Applied tension, Pa. */
    static final double TENSION = 100e6;

    private HoleEdgeStress() {
    }

    /**
     * What the run found.
     *
     * @param concentration σxx at the hole's edge (x = 0, mid-plane) over the tension
     * @param nodes         the number of nodes with a stress in the result
     * @param deckNodes     the number of nodes of the mesh read back from the job's deck
     * @param job           the CalculiX job
     */
    public record Outcome(double concentration, int nodes, int deckNodes, String job) {
    }

    /**
     * @param data the embedded store's folder
     * @return what it found
     * @throws InterruptedException if interrupted
     */
    public static Outcome run(Path data) throws InterruptedException {
        int radial = 16;
        int around = 24;
        Mesh quarter = Mesh.plateWithHole(0.1, 0.01, 0.002, radial, around, 1, 1.25);
        Material steel = Material.builder("steel").elasticity(Elasticity.isotropic(210e9, 0.3)).build();
        FiniteElement plate = FiniteElement.builder(quarter, steel).constrain(Constraint.fixed("XMIN", 1))
                .constrain(Constraint.fixed("YMIN", 2)).constrain(Constraint.fixed("ZMIN", 3))
                .load(Load.pressure("XMAX", -TENSION)).build();
        try (LocalExecutor local = LocalExecutor.builder().maxConcurrent(2).build();
             Orion orion = Orion.builder().store(Stores.embedded(data.resolve("db")))
                     .engine(CalculixEngine.builder().build()).executor(local).workRoot(data.resolve("jobs")).build()) {
            OrionTenant lab = orion.tenant(TenantId.of("lab"));
            String job = lab.jobs().submit(JobRequest.of(plate, "calculix")).id();
            CalculationResult result = lab.jobs().awaitResult(job, Duration.ofMinutes(5));
            ContinuumResult fe = result.continuum().orElseThrow();
            int edge = 1 + (radial + 1) * around;   // the node at (0, r, 0)
            double peak = fe.nodalStresses().get(edge).xx();
            InpMesh deck = InpMesh.read(result.outputFiles().get("input"));
            return new Outcome(peak / TENSION, fe.nodalStresses().size(), deck.mesh().nodes().size(), job);
        }
    }

    /**
     * @param args optional: the data folder (default {@code orion-data})
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        Outcome o = run(Path.of(args.length > 0 ? args[0] : "orion-data"));
        // a sample reports on the console by design
        System.out.printf(Locale.ROOT, "plate with a hole at %.0f MPa (CalculiX job %s): σxx at the hole's edge %.2f x "
                + "the tension (Kirsch: 3); stresses at %d nodes; the job's deck reads back as %d nodes%n",
                TENSION / 1e6, o.job(), o.concentration(), o.nodes(), o.deckNodes());
    }
}
