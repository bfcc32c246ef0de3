package dev.orion.engines.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.workflow.Workflow;
import dev.orion.core.workflow.WorkflowEvent;
import dev.orion.core.workflow.WorkflowLoader;
import dev.orion.core.workflow.WorkflowRun;
import dev.orion.core.workflow.WorkflowRunner;
import dev.orion.engines.eam.AnalyticTestEngine;
import dev.orion.store.ConflictException;
import dev.orion.store.NewWorkflowTemplate;
import dev.orion.store.PageRequest;
import dev.orion.store.WorkflowRunFilter;
import dev.orion.store.WorkflowRunRecord;
import dev.orion.store.WorkflowRunState;
import dev.orion.store.WorkflowStepRecord;
import dev.orion.store.WorkflowStepState;
import dev.orion.store.WorkflowTemplateRecord;
import dev.orion.store.WorkflowTemplateVersion;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the runner writes to the tenant's workflow run store: the run, its steps and fan-out items, a resume, failures. */
class WorkflowRunStoreRecordsTest {

    static final String EOS = WorkflowExecutionTest.HEADER + """
              - id: eos
                type: fit.eos
                with: {volumes: "${steps.energies.outputs.volume}", energies: "${steps.energies.outputs.energy}"}
            outputs:
              b0: ${steps.eos.outputs.b0}
            """;

    @TempDir
    Path dir;

    @Test
    void aRunIsStoredWithItsInputsStepsItemsOutputsAndTemplateAndAResumeContinuesIt() throws Exception {
        AnalyticTestEngine engine = AnalyticTestEngine.create();
        try (Orion orion = Orion.builder().store(Stores.embedded(dir.resolve("db"))).engine(engine).workRoot(dir.resolve("work")).build()) {
            OrionTenant acme = orion.tenant(TenantId.of("acme"));
            WorkflowTemplateRecord template = acme.workflowTemplates().save(NewWorkflowTemplate.of("argon", EOS));
            Workflow w = WorkflowLoader.standard().parse(EOS, "eos.yaml").orThrow();
            List<WorkflowEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
            WorkflowRunner runner = WorkflowRunner.builder(acme).parallelism(2).listener(events::add).build();
            WorkflowRun run = runner.run(w, Map.of("a", "5.26"), "run-1");
            assertThat(run.status()).isEqualTo(WorkflowRun.Status.SUCCEEDED);

            WorkflowRunRecord stored = acme.workflowRuns().find("run-1").orElseThrow();
            assertThat(stored.workflow()).isEqualTo("argon");
            assertThat(stored.state()).isEqualTo(WorkflowRunState.SUCCEEDED);
            assertThat(stored.template()).contains(new WorkflowTemplateVersion("argon", template.version()));
            assertThat(stored.inputsJson()).isEqualTo("{\"a\":5.26}");
            assertThat(stored.outputsJson()).startsWith("{\"b0\":").doesNotContain("{\"b0\":0");
            assertThat(stored.coreHours()).isEqualTo(run.coreHours()).isPositive();
            assertThat(stored.starts()).isEqualTo(1);
            assertThat(stored.finishedAt()).isPresent();

            List<WorkflowStepRecord> steps = acme.workflowRuns().steps("run-1");
            assertThat(steps).filteredOn(WorkflowStepRecord::isWholeStep).extracting(WorkflowStepRecord::stepId)
                    .containsExactlyInAnyOrder("cell", "volumes", "energies", "eos");
            assertThat(steps).allSatisfy(s -> assertThat(s.state()).isEqualTo(WorkflowStepState.SUCCEEDED));
            WorkflowStepRecord energies = steps.stream().filter(s -> s.stepId().equals("energies") && s.isWholeStep()).findFirst().orElseThrow();
            assertThat(energies.jobIds()).containsExactlyElementsOf(run.steps().get("energies").jobs());
            assertThat(energies.attempts()).isEqualTo(6);
            List<WorkflowStepRecord> items = steps.stream().filter(s -> s.stepId().equals("energies") && !s.isWholeStep()).toList();
            assertThat(items).hasSize(6);
            for (WorkflowStepRecord item : items) {
                int i = item.item().getAsInt();
                assertThat(item.jobIds()).containsExactly(run.steps().get("energies").jobs().get(i));
                assertThat(item.outputsJson()).contains("\"energy\":").contains("\"volume\":");
                assertThat(item.attempts()).isEqualTo(1);
            }
            assertThat(items.stream().mapToDouble(WorkflowStepRecord::coreHours).sum()).isCloseTo(energies.coreHours(),
                    org.assertj.core.data.Offset.offset(1e-12));
            assertThat(steps.stream().filter(s -> s.stepId().equals("cell")).findFirst().orElseThrow().outputsJson())
                    .contains("\"formula\":\"Ar\"").contains("\"sites\":4");

            // the same run id again resumes the stored run: nothing recomputed, one more start, the same record
            events.clear();
            WorkflowRun again = runner.run(w, Map.of("a", "5.26"), "run-1");
            assertThat(engine.computations()).isEqualTo(6);
            // every step was restored from the store, with the values it gave (structures, results, numbers, lists)
            assertThat(events).noneMatch(e -> e instanceof WorkflowEvent.StepStarted);
            assertThat(events).filteredOn(e -> e instanceof WorkflowEvent.StepRestored).hasSize(4);
            for (String step : List.of("cell", "volumes", "energies", "eos")) {
                assertThat(again.steps().get(step).outputs()).as(step).isEqualTo(run.steps().get(step).outputs()).isNotEmpty();
                assertThat(again.steps().get(step).coreHours()).as(step).isEqualTo(run.steps().get(step).coreHours());
            }
            assertThat(((List<?>) again.steps().get("energies").outputs().get("result"))).hasSize(6)
                    .allMatch(r -> r instanceof dev.orion.engine.CalculationResult);
            assertThat(again.outputs()).isEqualTo(run.outputs());
            assertThat(again.coreHours()).isEqualTo(run.coreHours());
            assertThat(again.steps().get("energies").jobs()).isEqualTo(run.steps().get("energies").jobs());
            WorkflowRunRecord resumed = acme.workflowRuns().find("run-1").orElseThrow();
            assertThat(resumed.starts()).isEqualTo(2);
            assertThat(resumed.startedAt()).isEqualTo(stored.startedAt());
            assertThat(resumed.coreHours()).isEqualTo(stored.coreHours());
            assertThat(acme.workflowRuns().steps("run-1")).hasSize(steps.size());
            assertThat(acme.workflowTemplates().usage("argon").runs()).isEqualTo(1);

            // listed by workflow and state
            runner.run(w, Map.of("a", "9.0"), "run-2");
            assertThat(acme.workflowRuns().query(WorkflowRunFilter.all().withWorkflow("argon"), PageRequest.first(10).newestFirst()).items())
                    .extracting(WorkflowRunRecord::runId).containsExactly("run-2", "run-1");
            // a run id of another workflow is refused before anything runs
            Workflow other = WorkflowLoader.standard().parse(EOS.replace("name: argon", "name: other"), "other.yaml").orThrow();
            assertThatThrownBy(() -> runner.start(other, Map.of(), "run-1")).isInstanceOf(ConflictException.class);
            assertThat(acme.workflowRuns().find("run-1").orElseThrow().starts()).isEqualTo(2);
            // another tenant sees none of it
            assertThat(orion.tenant(TenantId.of("other")).workflowRuns().find("run-1")).isEmpty();
        }
    }

    @Test
    void aFailedItemAndAStepNeverStartedAreStoredWithTheirReasons() throws Exception {
        try (Orion orion = Orion.builder().store(Stores.inMemory()).engine(AnalyticTestEngine.create()).workRoot(dir.resolve("work")).build()) {
            OrionTenant acme = orion.tenant(TenantId.of("acme"));
            Workflow w = WorkflowLoader.standard().parse("""
                    version: 2
                    name: broken
                    steps:
                      - id: cell
                        type: structure.prototype
                        with: {prototype: fcc, element: Ar, a: 5.3}
                      - id: broken
                        type: calculation
                        retries: 1
                        with: {engine: no-such-engine, structure: "${steps.cell.outputs.structure}"}
                      - id: after
                        type: transform.primitive
                        with: {structure: "${steps.broken.outputs.structure}"}
                    """, "broken.yaml").orThrow();
            WorkflowRun run = WorkflowRunner.builder(acme).build().run(w, Map.of(), "bad-1");
            assertThat(run.status()).isEqualTo(WorkflowRun.Status.FAILED);
            assertThat(acme.workflowRuns().find("bad-1").orElseThrow().state()).isEqualTo(WorkflowRunState.FAILED);
            List<WorkflowStepRecord> steps = acme.workflowRuns().steps("bad-1");
            WorkflowStepRecord broken = steps.stream().filter(s -> s.stepId().equals("broken")).findFirst().orElseThrow();
            assertThat(broken.state()).isEqualTo(WorkflowStepState.FAILED);
            assertThat(broken.attempts()).isEqualTo(2);
            assertThat(broken.error()).hasValueSatisfying(e -> assertThat(e).contains("no-such-engine"));
            assertThat(steps.stream().filter(s -> s.stepId().equals("after")).findFirst().orElseThrow().state())
                    .isIn(WorkflowStepState.SKIPPED, WorkflowStepState.CANCELLED);
            assertThat(acme.workflowRuns().query(WorkflowRunFilter.all().withState(WorkflowRunState.FAILED), PageRequest.first(5)).items())
                    .extracting(WorkflowRunRecord::runId).containsExactly("bad-1");
        }
    }
}
