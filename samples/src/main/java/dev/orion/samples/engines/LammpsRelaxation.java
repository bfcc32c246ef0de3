package dev.orion.samples.engines;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.JobRequest;
import dev.orion.engine.Potential;
import dev.orion.engines.lammps.LammpsEngine;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.store.JobRecord;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Relaxes fcc copper (positions and cell) with LAMMPS and the Foiles {@code Cu_u3.eam} potential, as a
 * job stored in the embedded database under {@code ./orion-data}: prints about -3.5400 eV/atom and
 * a = 3.6150 Å. Needs {@code lmp} (Debian: {@code apt-get install lammps lammps-data}).
 */
public final class LammpsRelaxation {

    private LammpsRelaxation() {
    }

    /**
     * @param args ignored
     * @throws Exception if the job fails
     */
    public static void main(String[] args) throws Exception {
        Element cu = Element.of("Cu");
        Structure fcc = Structure.builder().lattice(Lattice.cubic(3.65)).addSite(cu, 0, 0, 0).addSite(cu, 0.5, 0.5, 0)
                .addSite(cu, 0.5, 0, 0.5).addSite(cu, 0, 0.5, 0.5).build().supercell(2, 2, 2);
        Calculation relax = Calculation.relax(fcc).withCell(true).with(Potential.eam(Path.of("Cu_u3.eam"), cu));
        try (Orion orion = Orion.builder()
                .store(Stores.embedded(Path.of("orion-data")))
                .engine(LammpsEngine.builder().build())
                .executor(LocalExecutor.builder().build())
                .workRoot(Path.of("orion-work"))
                .build()) {
            OrionTenant demo = orion.tenant(TenantId.of("demo"));
            JobRecord job = demo.jobs().submit(JobRequest.of(relax, "lammps"));
            CalculationResult r = demo.jobs().awaitResult(job.id(), Duration.ofMinutes(5));
            // a sample program reports on the console
            System.out.printf(Locale.ROOT, "job %s: %.4f eV/atom, a = %.4f Å, %s after %d iterations%n", job.id(),
                    r.energyPerAtom(), r.finalStructure().orElseThrow().lattice().a() / 2,
                    r.convergence().converged() ? "converged" : "not converged", r.convergence().iterations());
        }
    }
}
