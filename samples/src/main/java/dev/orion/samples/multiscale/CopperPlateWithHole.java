package dev.orion.samples.multiscale;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.multiscale.CubicElasticConstants;
import dev.orion.core.multiscale.ElasticConstants;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.FiniteElement;
import dev.orion.engine.JobRequest;
import dev.orion.engine.Potential;
import dev.orion.engine.continuum.Constraint;
import dev.orion.engine.continuum.ContinuumResult;
import dev.orion.engine.continuum.Load;
import dev.orion.engine.continuum.Material;
import dev.orion.engine.continuum.Mesh;
import dev.orion.engine.continuum.PointStress;
import dev.orion.engines.calculix.CalculixEngine;
import dev.orion.engines.eam.EamEngine;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Two scales, one chain, on the embedded store: copper's elastic constants from the built-in EAM
 * engine (strained cells, as jobs), then a CalculiX plate of that copper with a hole, pulled at
 * 100 MPa along a cube axis: how much the hole concentrates the stress in an anisotropic crystal
 * (3 in an isotropic plate; less in copper along [100], which is soft in tension and stiff in shear),
 * against Lekhnitskii's closed form for an orthotropic plate. The plate's job cites the four
 * atomistic jobs in the provenance store. Needs {@code ccx} (Debian package {@code calculix-ccx}).
 *
 * <pre>
 * ./mvnw -q -pl samples exec:java -Dexec.mainClass=dev.orion.samples.multiscale.CopperPlateWithHole
 * </pre>
 */
public final class CopperPlateWithHole {

    /** Applied tension, Pa. */
    static final double TENSION = 100e6;

    private CopperPlateWithHole() {
    }

    /**
     * What the chain found.
     *
     * @param constants          the elastic constants and their jobs
     * @param concentration      the largest σxx next to the hole over the applied tension
     * @param lekhnitskii        the concentration of an infinite orthotropic plate with these constants
     * @param plateJob           the CalculiX job
     */
    public record Outcome(CubicElasticConstants constants, double concentration, double lekhnitskii, String plateJob) {
    }

    /**
     * Lekhnitskii's stress concentration at a circular hole in an infinite orthotropic plate pulled
     * along axis 1, {@code 1 + sqrt(2 (sqrt(E1/E2) - nu12) + E1/G12)}, for a cubic crystal's (001)
     * plane pulled along [100] in plane stress: E1 = E2 = 1/S11, nu12 = C12/(C11 + C12), G12 = C44.
     */
    static double lekhnitskii(CubicElasticConstants c) {
        double s11 = (c.c11() + c.c12()) / ((c.c11() - c.c12()) * (c.c11() + 2 * c.c12()));
        double nu = c.c12() / (c.c11() + c.c12());
        return 1 + Math.sqrt(2 * (1 - nu) + 1 / s11 / c.c44());
    }

    /**
     * @param data       the embedded store's folder
     * @param potentials the folder holding {@code CuNi.eam.alloy}
     * @return what it found
     * @throws InterruptedException if interrupted
     */
    public static Outcome run(Path data, Path potentials) throws InterruptedException {
        Element cu = Element.of("Cu");
        Potential potential = Potential.eamAlloy(Path.of("CuNi.eam.alloy"), cu, Element.of("Ni"));
        try (LocalExecutor local = LocalExecutor.builder().maxConcurrent(2).build();
             Orion orion = Orion.builder().store(Stores.embedded(data.resolve("db")))
                     .engine(EamEngine.builder().potentialDir(potentials).build())
                     .engine(CalculixEngine.builder().build()).executor(local).workRoot(data.resolve("jobs")).build()) {
            OrionTenant lab = orion.tenant(TenantId.of("lab"));
            Structure guess = Structure.builder().lattice(Lattice.cubic(3.6)).addSite(cu, 0, 0, 0)
                    .addSite(cu, 0.5, 0.5, 0).addSite(cu, 0.5, 0, 0.5).addSite(cu, 0, 0.5, 0.5).build();
            CalculationResult relaxed = lab.jobs().awaitResult(lab.jobs().submit(JobRequest.of(
                    Calculation.relax(guess).withCell(true).with(potential), "orion-eam")).id(), Duration.ofMinutes(5));
            double a = relaxed.finalStructure().orElseThrow().lattice().a();
            CubicElasticConstants c = ElasticConstants.cubic(lab, "orion-eam", guess.withLattice(Lattice.cubic(a)), potential);

            Material copper = Material.builder("copper").elasticity(c.toElasticity()).density(8960).build();
            Mesh quarter = Mesh.plateWithHole(0.05, 0.005, 0.001, 16, 24, 1, 1.25);
            FiniteElement plate = FiniteElement.builder(quarter, copper).constrain(Constraint.fixed("XMIN", 1))
                    .constrain(Constraint.fixed("YMIN", 2)).constrain(Constraint.fixed("ZMIN", 3))
                    .load(Load.pressure("XMAX", -TENSION)).build();
            String job = lab.jobs().submit(JobRequest.of(plate, "calculix")).id();
            c.linkTo(lab.provenance(), job);
            ContinuumResult fe = lab.jobs().awaitResult(job, Duration.ofMinutes(5)).continuum().orElseThrow();
            double peak = fe.stresses().stream().mapToDouble(PointStress::xx).max().orElseThrow();
            return new Outcome(c, peak / TENSION, lekhnitskii(c), job);
        }
    }

    /**
     * @param args optional: the data folder (default {@code orion-data}) and the potentials folder
     *             (default {@code testdata/potentials})
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        Outcome o = run(Path.of(args.length > 0 ? args[0] : "orion-data"),
                Path.of(args.length > 1 ? args[1] : "testdata/potentials"));
        CubicElasticConstants c = o.constants();
        // a sample reports on the console by design
        System.out.printf(Locale.ROOT, "copper (EAM, 4 strained cells): C11 %.1f  C12 %.1f  C44 %.1f GPa, "
                + "bulk modulus %.1f GPa, anisotropy %.2f%n", c.c11(), c.c12(), c.c44(), c.bulkModulus(), c.anisotropy());
        System.out.printf(Locale.ROOT, "plate with a hole at %.0f MPa along [100] (CalculiX job %s): peak stress %.2f x "
                + "the tension (Lekhnitskii, infinite plate: %.2f; isotropic plate: 3)%n", TENSION / 1e6, o.plateJob(),
                o.concentration(), o.lekhnitskii());
        System.out.println("provenance: job " + o.plateJob() + " --" + CubicElasticConstants.RELATION + "--> " + c.jobs());
    }
}
