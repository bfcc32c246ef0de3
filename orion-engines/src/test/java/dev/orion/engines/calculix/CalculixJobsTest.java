package dev.orion.engines.calculix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.engine.continuum.Constraint;
import dev.orion.engine.continuum.Elasticity;
import dev.orion.engine.continuum.Load;
import dev.orion.engine.continuum.Material;
import dev.orion.engine.continuum.Mesh;
import dev.orion.core.Stores;
import dev.orion.core.jobs.JobRetryPolicy;
import dev.orion.core.jobs.JobService;
import dev.orion.engine.CalculationResult;
import dev.orion.engine.FiniteElement;
import dev.orion.engine.InputDeck;
import dev.orion.engine.JobRequest;
import dev.orion.engines.TestPrograms;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.store.JobRecord;
import dev.orion.store.JobStatus;
import dev.orion.store.OrionStores;
import dev.orion.store.TenantStores;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CalculiX runs as persisted jobs of the job service: stored results, reuse, cancellation. */
class CalculixJobsTest {

    /** One element heated at one face with a microsecond time step: runs for days unless stopped. */
    static final String ENDLESS = "*NODE, NSET=NALL\n1,0,0,0\n2,1,0,0\n3,1,1,0\n4,0,1,0\n5,0,0,1\n6,1,0,1\n7,1,1,1\n8,0,1,1\n"
            + "*NSET, NSET=XMIN\n1,4,5,8\n*ELEMENT, TYPE=C3D8, ELSET=EALL\n1,1,2,3,4,5,6,7,8\n*MATERIAL, NAME=M\n"
            + "*CONDUCTIVITY\n50.\n*DENSITY\n7850.\n*SPECIFIC HEAT\n450.\n*SOLID SECTION, ELSET=EALL, MATERIAL=M\n"
            + "*INITIAL CONDITIONS, TYPE=TEMPERATURE\nNALL, 300.\n*STEP, INC=1000000000\n*HEAT TRANSFER, DIRECT\n"
            + "1.E-6, 1.E6\n*BOUNDARY\nXMIN, 11, 11, 400.\n*END STEP\n";

    @TempDir
    Path work;

    final OrionStores stores = Stores.inMemory();
    final TenantStores tenant = stores.tenant(TenantId.of("lab"), Principal.user("ann"));
    final LocalExecutor local = LocalExecutor.builder().maxConcurrent(2).killGrace(Duration.ofSeconds(2)).build();
    JobService service;

    @BeforeEach
    void start() {
        TestPrograms.require("ccx");
        service = JobService.builder(tenant).engine(CalculixEngine.builder().build()).executor(local).workRoot(work)
                .pollInterval(Duration.ofMillis(20)).retryPolicy(JobRetryPolicy.none()).build();
        service.start();
    }

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
        local.close();
    }

    @Test
    void aFiniteElementJobStoresItsTypedResultAndAnIdenticalOneIsReused() throws Exception {
        FiniteElement beam = FiniteElement.builder(Mesh.block(1, 0.1, 0.1, 10, 1, 1),
                        Material.builder("steel").elasticity(Elasticity.isotropic(210e9, 0.3)).build())
                .constrain(Constraint.fixed("XMIN", 1)).constrain(Constraint.fixed("XMIN", 2))
                .constrain(Constraint.fixed("XMIN", 3)).load(Load.force("XMAX", 3, -1000)).build();
        JobRecord job = service.submit(JobRequest.of(beam, "calculix"));
        CalculationResult r = service.awaitResult(job.id(), Duration.ofSeconds(60));
        assertThat(r.continuum().orElseThrow().displacements()).hasSize(44);
        assertThat(r.continuum().orElseThrow().displacements().get(44).z()).isNegative();
        assertThat(service.result(job.id())).contains(r);
        assertThat(r.outputFiles().get("dat")).exists();
        assertThat(service.submit(JobRequest.of(beam, "calculix")).id()).isEqualTo(job.id());
    }

    @Test
    void cancellingAJobStopsItsCcxProcess() throws Exception {
        JobRecord job = service.submit(JobRequest.of(InputDeck.of(ENDLESS), "calculix"));
        Path runFile = work.resolve("lab").resolve(job.id()).resolve("attempt-1").resolve(LocalExecutor.RUN_FILE);
        waitFor(() -> Files.exists(runFile) && service.status(job.id()) == JobStatus.RUNNING, "ccx to run");
        long pid = Long.parseLong(Files.readString(runFile).trim().split("\\s+")[0]);
        ProcessHandle ccx = ProcessHandle.of(pid).orElseThrow();
        service.cancel(job.id());
        waitFor(() -> !ccx.isAlive(), "ccx to die");
        assertThat(service.await(job.id(), Duration.ofSeconds(5)).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }
}
