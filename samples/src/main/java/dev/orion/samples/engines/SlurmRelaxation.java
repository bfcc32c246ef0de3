package dev.orion.samples.engines;

import dev.orion.core.Orion;
import dev.orion.core.Stores;
import dev.orion.core.jobs.JobService;
import dev.orion.engine.Calculation;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.JobRequest;
import dev.orion.engine.Potential;
import dev.orion.engine.Resources;
import dev.orion.engines.lammps.LammpsEngine;
import dev.orion.engines.slurm.SlurmExecutor;
import dev.orion.store.JobRecord;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The LAMMPS copper relaxation of {@link LammpsRelaxation}, submitted to SLURM with explicit
 * resources. Kill this program while the job runs and start it again: the new JVM re-attaches to the
 * same SLURM job instead of submitting another (the job is stored in {@code ./orion-data}).
 * For a remote cluster, build the executor with {@code .commandPrefix("ssh", "login-node")} and put
 * the work folder on a file system the cluster shares. Needs {@code sbatch} ({@code scripts/slurm-start}).
 */
public final class SlurmRelaxation {

    private SlurmRelaxation() {
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
        Resources resources = Resources.builder().nodes(1).tasks(1).cpusPerTask(1).memoryMb(1024)
                .timeLimit(Duration.ofMinutes(10)).build();
        try (Orion orion = Orion.builder()
                .store(Stores.embedded(Path.of("orion-data")))
                .engine(LammpsEngine.builder().build())
                .executor(SlurmExecutor.builder().build())
                .workRoot(Path.of("orion-work").toAbsolutePath())
                .build()) {
            JobService jobs = orion.tenant(TenantId.of("demo")).jobs();
            // the idempotency key makes a rerun of this program find the job it submitted before
            JobRecord job = jobs.submit(JobRequest.of(relax, "lammps").withResources(resources)
                    .withIdempotencyKey("sample-slurm-cu-relax"));
            CalculationResult r = jobs.awaitResult(job.id(), Duration.ofMinutes(10));
            JobRecord done = jobs.job(job.id()).orElseThrow();
            // a sample program reports on the console
            System.out.printf(Locale.ROOT, "SLURM job %s (ORION job %s): %.4f eV/atom, a = %.4f Å%n",
                    done.externalId().orElse("?"), job.id(), r.energyPerAtom(),
                    r.finalStructure().orElseThrow().lattice().a() / 2);
        }
    }
}
