package dev.orion.engines.recovery;

import dev.orion.core.Stores;
import dev.orion.core.jobs.JobRetryPolicy;
import dev.orion.core.jobs.JobService;
import dev.orion.core.jobs.RecoveryPolicy;
import dev.orion.engine.Calculation;
import dev.orion.engine.JobRequest;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.engines.slurm.SlurmExecutor;
import dev.orion.store.OrionStores;
import dev.orion.store.TenantStores;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The JVM that the crash test kills: it starts a job service on the shared embedded store (which
 * reconciles what the previous, killed JVM left), submits one local and one SLURM job, prints their
 * ids and keeps working until it is killed. Not a test (run by {@link CrashRecoveryTest}).
 */
public final class CrashRecoveryChild {

    private CrashRecoveryChild() {
    }

    static JobService service(TenantStores tenant, Path workRoot, Path runLog, String workerId, LocalExecutor local) {
        return service(tenant, workRoot, runLog, workerId, local, RecoveryPolicy.FAIL, JobRetryPolicy.none());
    }

    static JobService service(TenantStores tenant, Path workRoot, Path runLog, String workerId, LocalExecutor local,
                              RecoveryPolicy recovery, JobRetryPolicy retries) {
        return JobService.builder(tenant).engine(new CountingProgramEngine(runLog)).executor(local)
                .executor(SlurmExecutor.builder().polling(Duration.ofMillis(100), Duration.ofMillis(500)).build())
                .workRoot(workRoot).lease(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .recoveryPolicy(recovery).retryPolicy(retries).workerId(workerId).build();
    }

    static TenantStores tenant(OrionStores stores) {
        return stores.tenant(TenantId.of("crash"), Principal.system("crash-test"));
    }

    /**
     * @param args database folder, work root, run log, trial number
     * @throws Exception never expected; the parent kills this JVM
     */
    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        Path work = Path.of(args[1]);
        Path runLog = Path.of(args[2]);
        int trial = Integer.parseInt(args[3]);
        OrionStores stores = Stores.embedded(db);
        LocalExecutor local = LocalExecutor.builder().maxConcurrent(2).build();
        JobService service = service(tenant(stores), work, runLog, "child-" + trial, local);
        service.start();
        System.out.println("READY");
        System.out.flush();
        Element ar = Element.of("Ar");
        for (String executor : new String[] {"local", "slurm"}) {
            Structure s = Structure.builder().lattice(Lattice.cubic(5 + trial * 0.01 + (executor.equals("slurm") ? 0.001 : 0)))
                    .addSite(ar, 0, 0, 0).build();
            var job = service.submit(JobRequest.of(Calculation.singlePoint(s), "counting").onExecutor(executor)
                    .withoutResultReuse());
            System.out.println("SUBMITTED " + executor + " " + job.id());
            System.out.flush();
        }
        System.out.println("WORKING");
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5).toMillis());
    }
}
