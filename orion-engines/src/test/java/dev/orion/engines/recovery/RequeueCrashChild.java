package dev.orion.engines.recovery;

import dev.orion.core.Stores;
import dev.orion.core.jobs.JobService;
import dev.orion.core.jobs.RecoveryPolicy;
import dev.orion.core.jobs.JobRetryPolicy;
import dev.orion.engine.Calculation;
import dev.orion.engine.JobRequest;
import dev.orion.engines.local.LocalExecutor;
import dev.orion.store.OrionStores;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Structure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The JVM that {@link RequeueCrashRecoveryTest} kills: with {@link RecoveryPolicy#REQUEUE} and retries
 * on, it runs one local job to its end, then closes the gate of the counting engine and submits a second
 * local job, which starts and waits at the gate until the parent kills this JVM. Not a test.
 */
public final class RequeueCrashChild {

    static final JobRetryPolicy RETRIES = JobRetryPolicy.transientFailures(3, Duration.ofMillis(100));

    private RequeueCrashChild() {
    }

    static Structure argon(double a) {
        return Structure.builder().lattice(Lattice.cubic(a)).addSite(Element.of("Ar"), 0, 0, 0).build();
    }

    /**
     * @param args database folder, work root, run log
     * @throws Exception never expected; the parent kills this JVM
     */
    public static void main(String[] args) throws Exception {
        Path runLog = Path.of(args[2]);
        OrionStores stores = Stores.embedded(Path.of(args[0]));
        LocalExecutor local = LocalExecutor.builder().maxConcurrent(2).build();
        JobService service = CrashRecoveryChild.service(CrashRecoveryChild.tenant(stores), Path.of(args[1]), runLog, "child",
                local, RecoveryPolicy.REQUEUE, RETRIES);
        service.start();
        var completed = service.submit(JobRequest.of(Calculation.singlePoint(argon(5.0)), "counting").onExecutor("local")
                .withoutResultReuse());
        service.awaitResult(completed.id(), Duration.ofSeconds(60));
        System.out.println("COMPLETED " + completed.id());
        Files.writeString(CountingProgramEngine.gate(runLog), "closed");
        var interrupted = service.submit(JobRequest.of(Calculation.singlePoint(argon(5.1)), "counting").onExecutor("local")
                .withoutResultReuse());
        System.out.println("INTERRUPTED " + interrupted.id());
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(5).toMillis());
    }
}
