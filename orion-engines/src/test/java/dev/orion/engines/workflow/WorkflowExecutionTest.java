package dev.orion.engines.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.workflow.BatchRun;
import dev.orion.core.workflow.InvalidWorkflowException;
import dev.orion.core.workflow.StepResult;
import dev.orion.core.workflow.Workflow;
import dev.orion.core.workflow.WorkflowEvent;
import dev.orion.core.workflow.WorkflowExecution;
import dev.orion.core.workflow.WorkflowLoader;
import dev.orion.core.workflow.WorkflowRun;
import dev.orion.core.workflow.WorkflowRunner;
import dev.orion.engines.eam.AnalyticTestEngine;
import dev.orion.store.AuditFilter;
import dev.orion.store.JobFilter;
import dev.orion.store.JobStatus;
import dev.orion.store.PageRequest;
import dev.orion.store.ResourceRef;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running workflows on the job machinery: order, fan-out, failure policies, retries, cancellation, events, records, batches. */
class WorkflowExecutionTest {

    static final String HEADER = """
            version: 2
            name: argon
            inputs:
              a: {type: number, default: 5.3}
            steps:
              - id: cell
                type: structure.prototype
                with: {prototype: fcc, element: Ar, a: "${inputs.a}"}
              - id: volumes
                type: structure.strain_series
                with: {structure: "${steps.cell.outputs.structure}", min: -0.04, max: 0.04, count: 6}
              - id: energies
                type: calculation
                for_each: ${steps.volumes.outputs.structures}
                with:
                  engine: analytic-test
                  structure: ${item}
                  potential: {type: lj, element: Ar, epsilon: 0.0104, sigma: 3.4, cutoff: 8.5}
            """;

    @TempDir
    Path dir;

    private Orion orion(AnalyticTestEngine engine) {
        return Orion.builder().store(Stores.inMemory()).engine(engine).workRoot(dir.resolve("work")).build();
    }

    private static Workflow load(String text) {
        return WorkflowLoader.standard().parse(text, "test.yaml").orThrow();
    }

    @Test
    void fanOutRunsEveryItemAsAJobAndCollectsTheOutputsInOrderWithEventsAndRecords() throws Exception {
        AnalyticTestEngine engine = AnalyticTestEngine.create();
        try (Orion orion = orion(engine)) {
            OrionTenant acme = orion.tenant(TenantId.of("acme"));
            List<WorkflowEvent> events = new CopyOnWriteArrayList<>();
            WorkflowRunner runner = WorkflowRunner.builder(acme).parallelism(3).listener(events::add).build();
            Workflow w = load(HEADER + """
                      - id: eos
                        type: fit.eos
                        with: {volumes: "${steps.energies.outputs.volume}", energies: "${steps.energies.outputs.energy}"}
                    outputs:
                      b0: ${steps.eos.outputs.b0}
                      volumes: ${steps.energies.outputs.volume}
                    """);
            WorkflowRun run = runner.run(w, Map.of("a", "5.26"), "run-1");
            assertThat(run.status()).as("%s", run.steps()).isEqualTo(WorkflowRun.Status.SUCCEEDED);
            @SuppressWarnings("unchecked")
            List<Double> volumes = (List<Double>) run.outputs().get("volumes");
            assertThat(volumes).hasSize(6).isSorted();
            assertThat(volumes.get(0)).isLessThan(5.26 * 5.26 * 5.26);
            assertThat((Double) run.outputs().get("b0")).isPositive();
            assertThat(engine.computations()).isEqualTo(6);
            assertThat(run.steps().get("energies").jobs()).hasSize(6);
            assertThat(run.jobCount()).isEqualTo(6);
            assertThat(run.coreHours()).isPositive();
            assertThat(events.get(0)).isEqualTo(new WorkflowEvent.RunStarted("run-1", "argon", 4));
            assertThat(events).filteredOn(e -> e instanceof WorkflowEvent.ItemFinished i && i.stepId().equals("energies"))
                    .extracting(e -> ((WorkflowEvent.ItemFinished) e).done()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
            assertThat(events.get(events.size() - 1)).isEqualTo(new WorkflowEvent.RunFinished("run-1", WorkflowRun.Status.SUCCEEDED));
            // stored: start, one record per step, finish; and provenance from every job to the run
            assertThat(acme.audit().count(AuditFilter.all().withResourceType("workflow-run"))).isEqualTo(6);
            for (String job : run.steps().get("energies").jobs()) {
                assertThat(acme.provenance().linksFrom(ResourceRef.of("job", job)))
                        .anySatisfy(l -> assertThat(l.object()).isEqualTo(ResourceRef.of("workflow-run", "run-1")));
            }
            // a new run with other ids reuses the identical calculations by content hash: nothing is computed
            WorkflowRun second = runner.run(w, Map.of("a", 5.26));
            assertThat(engine.computations()).isEqualTo(6);
            assertThat(second.steps().get("energies").reusedJobs()).isEqualTo(6);
            assertThat(second.coreHours()).isZero();
            assertThat(second.outputs()).isEqualTo(run.outputs());
        }
    }

    @Test
    void failurePoliciesStopOrContinueAndRetriesAreCounted() throws Exception {
        try (Orion orion = orion(AnalyticTestEngine.create())) {
            WorkflowRunner runner = WorkflowRunner.builder(orion.tenant(TenantId.of("acme"))).parallelism(2).build();
            String failing = """
                    version: 2
                    name: failing
                    steps:
                      - id: cell
                        type: structure.prototype
                        with: {prototype: fcc, element: Ar, a: 5.3}
                      - id: broken
                        type: calculation
                        retries: 2
                        on_failure: %s
                        with: {engine: no-such-engine, structure: "${steps.cell.outputs.structure}"}
                      - id: after_broken
                        type: transform.primitive
                        with: {structure: "${steps.broken.outputs.structure}"}
                      - id: independent
                        type: transform.supercell
                        with: {structure: "${steps.cell.outputs.structure}", scaling: [2, 1, 1]}
                    """;
            WorkflowRun cont = runner.run(load(failing.formatted("continue")), Map.of());
            assertThat(cont.status()).isEqualTo(WorkflowRun.Status.FAILED);
            StepResult broken = cont.steps().get("broken");
            assertThat(broken.status()).isEqualTo(StepResult.Status.FAILED);
            assertThat(broken.attempts()).isEqualTo(3);
            assertThat(broken.error().orElseThrow()).contains("engine 'no-such-engine' is not configured");
            assertThat(cont.steps().get("after_broken").status()).isEqualTo(StepResult.Status.SKIPPED);
            assertThat(cont.steps().get("after_broken").error()).contains("needs step 'broken', which failed");
            assertThat(cont.steps().get("independent").status()).isEqualTo(StepResult.Status.SUCCEEDED);

            // one step at a time, in file order: 'broken' fails before 'independent' and 'late' start, and they never do
            WorkflowRunner serial = WorkflowRunner.builder(orion.tenant(TenantId.of("acme"))).parallelism(1).build();
            WorkflowRun stop = serial.run(load(failing.formatted("stop") + """
                      - id: late
                        type: transform.primitive
                        with: {structure: "${steps.independent.outputs.structure}"}
                    """), Map.of());
            assertThat(stop.status()).isEqualTo(WorkflowRun.Status.FAILED);
            assertThat(stop.steps().get("broken").status()).isEqualTo(StepResult.Status.FAILED);
            assertThat(stop.steps().get("after_broken").status()).isEqualTo(StepResult.Status.CANCELLED);
            assertThat(stop.steps().get("independent").status()).isEqualTo(StepResult.Status.CANCELLED);
            assertThat(stop.steps().get("late").status()).isEqualTo(StepResult.Status.CANCELLED);
            assertThat(stop.steps().get("late").error()).contains("not started: the run stopped after a failure");
        }
    }

    @Test
    void conditionsSkipStepsAndExpressionsCompute() throws Exception {
        try (Orion orion = orion(AnalyticTestEngine.create())) {
            WorkflowRunner runner = WorkflowRunner.builder(orion.tenant(TenantId.of("acme"))).build();
            Workflow w = load("""
                    version: 2
                    name: gates
                    inputs:
                      x: {type: number}
                    steps:
                      - id: big
                        type: condition
                        with: {expression: "x > 10", vars: {x: "${inputs.x}"}}
                      - id: when_big
                        type: compute
                        when: ${steps.big.outputs.result}
                        with: {expression: "sqrt(x) * 2", vars: {x: "${inputs.x}"}}
                    outputs:
                      y: ${steps.when_big.outputs.value}
                    """);
            WorkflowRun small = runner.run(w, Map.of("x", 4));
            assertThat(small.status()).isEqualTo(WorkflowRun.Status.SUCCEEDED);
            assertThat(small.steps().get("when_big").status()).isEqualTo(StepResult.Status.SKIPPED);
            assertThat(small.outputs()).doesNotContainKey("y");
            WorkflowRun large = runner.run(w, Map.of("x", "16"));
            assertThat(large.outputs()).containsEntry("y", 8.0);
            assertThatThrownBy(() -> runner.run(w, Map.of("x", "many", "z", 1))).isInstanceOf(InvalidWorkflowException.class)
                    .hasMessageContaining("test.yaml:1:1: unknown input 'z'").hasMessageContaining("test.yaml:4:3: input 'x': expected number, got 'many'");
            assertThatThrownBy(() -> runner.run(w, Map.of())).isInstanceOf(InvalidWorkflowException.class)
                    .hasMessageContaining("input 'x' (number) has no default and was not given");
        }
    }

    @Test
    void cancellingARunStopsItsJobsAndEndsItCancelled() throws Exception {
        try (Orion orion = orion(AnalyticTestEngine.withDelay(Duration.ofMinutes(5)))) {
            OrionTenant acme = orion.tenant(TenantId.of("acme"));
            CountDownLatch started = new CountDownLatch(1);
            WorkflowRunner runner = WorkflowRunner.builder(acme).parallelism(2).listener(e -> {
                if (e instanceof WorkflowEvent.StepStarted s && s.stepId().equals("energies")) {
                    started.countDown();
                }
            }).build();
            WorkflowExecution run = runner.start(load(HEADER), Map.of(), "to-cancel");
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (acme.jobs().list(JobFilter.all().withStatus(JobStatus.RUNNING), PageRequest.first(10)).isEmpty()
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            run.cancel();
            WorkflowRun done = run.await(Duration.ofSeconds(30)).orElseThrow();
            assertThat(done.status()).isEqualTo(WorkflowRun.Status.CANCELLED);
            assertThat(done.steps().get("energies").status()).isEqualTo(StepResult.Status.CANCELLED);
            assertThat(done.steps().get("cell").status()).isEqualTo(StepResult.Status.SUCCEEDED);
            assertThat(acme.jobs().list(JobFilter.all(), PageRequest.first(10))).isNotEmpty()
                    .allSatisfy(j -> assertThat(j.status()).isIn(JobStatus.CANCELLED));
        }
    }

    @Test
    void aBatchRunsOneWorkflowOverManyInputsAndReportsPartialFailures() throws Exception {
        try (Orion orion = orion(AnalyticTestEngine.create())) {
            WorkflowRunner runner = WorkflowRunner.builder(orion.tenant(TenantId.of("acme"))).parallelism(4).build();
            Workflow w = load(HEADER.replace("count: 6", "count: 3") + """
                    outputs:
                      energies: ${steps.energies.outputs.energy}
                    """);
            List<Map<String, Object>> items = List.of(Map.of("a", 5.2), Map.of("a", 5.3), Map.of("a", -1.0), Map.of("a", "x"), Map.of("a", 5.4));
            BatchRun batch = runner.batch(w, items, "batch-1");
            assertThat(batch.items()).hasSize(5);
            assertThat(batch.succeeded()).isEqualTo(3);
            assertThat(batch.failures()).extracting(BatchRun.Item::index).containsExactly(2, 3);
            assertThat(batch.items().get(2).error().orElseThrow()).contains("cell").contains("a must be a positive number");
            assertThat(batch.items().get(3).run()).isEmpty();
            assertThat(batch.items().get(3).error().orElseThrow()).contains("expected number, got 'x'");
            assertThat(batch.items().get(4).run().orElseThrow().runId()).isEqualTo("batch-1-4");
        }
    }
}
