package dev.orion.engines.workflow;

import dev.orion.core.Orion;
import dev.orion.core.Stores;
import dev.orion.core.jobs.JobService;
import dev.orion.core.jobs.RecoveryPolicy;
import dev.orion.core.workflow.WorkflowEvent;
import dev.orion.core.workflow.WorkflowLoader;
import dev.orion.core.workflow.WorkflowRun;
import dev.orion.core.workflow.WorkflowRunner;
import dev.orion.engines.eam.AnalyticTestEngine;
import dev.orion.store.OrionStores;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The JVM that {@link WorkflowKillTest} kills: runs a workflow (or resumes it: same run id) on an embedded store,
 * printing each step it starts, each step or item it restores from an earlier start, each finished fan-out item and, if
 * it lives that long, the run's outcome. Not a test.
 */
public final class WorkflowKillChild {

    static final TenantId TENANT = TenantId.of("kill");
    static final String RUN = "kill-run";
    static final int ITEMS = 8;
    static final String WORKFLOW = """
            version: 2
            name: killable
            steps:
              - id: cell
                type: structure.prototype
                with: {prototype: fcc, element: Ar, a: 5.3}
              - id: volumes
                type: structure.strain_series
                with: {structure: "${steps.cell.outputs.structure}", min: -0.04, max: 0.04, count: 8}
              - id: energies
                type: calculation
                retries: 1
                for_each: ${steps.volumes.outputs.structures}
                with:
                  engine: analytic-test
                  structure: ${item}
                  potential: {type: lj, element: Ar, epsilon: 0.0104, sigma: 3.4, cutoff: 8.5}
              - id: eos
                type: fit.eos
                with: {volumes: "${steps.energies.outputs.volume}", energies: "${steps.energies.outputs.energy}"}
            outputs:
              b0: ${steps.eos.outputs.b0}
            """;

    private WorkflowKillChild() {
    }

    /**
     * @param args database folder, work folder, computation log, worker id
     * @throws Exception never expected
     */
    public static void main(String[] args) throws Exception {
        OrionStores stores = Stores.embedded(Path.of(args[0]));
        Orion orion = Orion.builder().store(stores).build();
        JobService jobs = JobService.builder(stores.tenant(TENANT, Principal.system("kill-test")))
                .engine(new LoggingEngine(AnalyticTestEngine.withDelay(Duration.ofMillis(300)), Path.of(args[2])))
                .workRoot(Path.of(args[1])).lease(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .recoveryPolicy(RecoveryPolicy.FAIL).concurrency(2).workerId(args[3]).build();
        jobs.start();
        WorkflowRunner runner = WorkflowRunner.builder(orion.tenant(TENANT)).jobService(jobs).parallelism(2).listener(e -> {
            if (e instanceof WorkflowEvent.ItemFinished i && i.stepId().equals("energies")) {
                System.out.println("ITEM " + i.done());
            } else if (e instanceof WorkflowEvent.StepStarted s) {
                System.out.println("STARTED " + s.stepId());
            } else if (e instanceof WorkflowEvent.StepRestored r) {
                System.out.println("RESTORED " + r.stepId() + (r.item().isPresent() ? " " + r.item().getAsInt() : ""));
            }
            System.out.flush();
        }).build();
        WorkflowRun run = runner.run(WorkflowLoader.standard().parse(WORKFLOW, "killable.yaml").orThrow(), Map.of(), RUN);
        System.out.println("DONE " + run.status() + " " + run.outputs().get("b0") + " " + String.join(",", run.steps().get("energies").jobs()));
        System.out.flush();
        jobs.close();
        orion.close();
        stores.close();
    }
}
