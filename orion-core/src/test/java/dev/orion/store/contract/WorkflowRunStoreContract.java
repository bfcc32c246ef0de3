package dev.orion.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.store.AuditFilter;
import dev.orion.store.ConflictException;
import dev.orion.store.NewWorkflowRun;
import dev.orion.store.NotFoundException;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.TenantStores;
import dev.orion.store.WorkflowRunFilter;
import dev.orion.store.WorkflowRunRecord;
import dev.orion.store.WorkflowRunState;
import dev.orion.store.WorkflowRunStore;
import dev.orion.store.WorkflowStepRecord;
import dev.orion.store.WorkflowStepState;
import dev.orion.store.WorkflowTemplateVersion;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link WorkflowRunStore}: runs with their step and item records, costs summed over whole steps, a
 * resume that continues the same record, queries by workflow and state, audit, and tenant isolation.
 */
public abstract class WorkflowRunStoreContract extends ContractSupport {

    static final String HASH = "a".repeat(64);

    static NewWorkflowRun run(String id, String workflow) {
        return new NewWorkflowRun(id, workflow, HASH, Optional.empty(), "{\"strain\":0.02}");
    }

    static WorkflowStepRecord step(String id, WorkflowStepState state, String usd, double hours) {
        return new WorkflowStepRecord(id, OptionalInt.empty(), state, "{}", List.of(), 1, Optional.empty(), new BigDecimal(usd), hours);
    }

    @Test
    void recordsARunWithItsStepsAndSumsTheCostsOfWholeSteps() {
        TenantStores t = newTenant();
        WorkflowRunStore runs = t.workflowRuns();
        long audits = auditCount(t);
        WorkflowRunRecord started = runs.start(new NewWorkflowRun("run-1", "eos", HASH, Optional.of(new WorkflowTemplateVersion("eos", 2)),
                "{\"element\":\"Cu\"}"));
        assertThat(started.state()).isEqualTo(WorkflowRunState.RUNNING);
        assertThat(started.starts()).isEqualTo(1);
        assertThat(started.template()).contains(new WorkflowTemplateVersion("eos", 2));
        assertThat(started.startedBy()).isEqualTo(t.actor());
        assertThat(started.startedAt()).isEqualTo(Backends.T0);
        assertThat(started.finishedAt()).isEmpty();
        assertThat(started.outputsJson()).isEqualTo("{}");
        assertThat(started.llmUsd()).isEqualByComparingTo("0");

        runs.saveStep("run-1", step("relax", WorkflowStepState.RUNNING, "0.0125", 0));
        WorkflowStepRecord relax = new WorkflowStepRecord("relax", OptionalInt.empty(), WorkflowStepState.SUCCEEDED,
                "{\"energy\":-3.54}", List.of("job-1", "job-2"), 2, Optional.empty(), new BigDecimal("0.0250"), 1.5);
        runs.saveStep("run-1", relax);
        WorkflowStepRecord item0 = new WorkflowStepRecord("scan", OptionalInt.of(0), WorkflowStepState.SUCCEEDED, "{\"e\":1}",
                List.of("job-3"), 1, Optional.empty(), new BigDecimal("0.5"), 0.25);
        WorkflowStepRecord item1 = new WorkflowStepRecord("scan", OptionalInt.of(1), WorkflowStepState.FAILED, "{}", List.of(), 3,
                Optional.of("engine crashed"), BigDecimal.ZERO, 0);
        runs.saveStep("run-1", item0);
        runs.saveStep("run-1", item1);
        WorkflowStepRecord scan = new WorkflowStepRecord("scan", OptionalInt.empty(), WorkflowStepState.FAILED, "{}", List.of("job-3"),
                4, Optional.of("1 of 2 items failed"), new BigDecimal("0.5"), 0.25);
        runs.saveStep("run-1", scan);

        assertThat(runs.steps("run-1")).containsExactly(relax, item0, item1, scan);
        assertThat(relax.llmUsd()).isEqualTo(new BigDecimal("0.025"));
        WorkflowRunRecord running = runs.find("run-1").orElseThrow();
        // items are parts of their step: the run sums whole steps only
        assertThat(running.llmUsd()).isEqualByComparingTo("0.525");
        assertThat(running.coreHours()).isEqualTo(1.75);

        clock().advance(Duration.ofMinutes(3));
        WorkflowRunRecord finished = runs.finish("run-1", WorkflowRunState.FAILED, "{\"b0_gpa\":140.1}");
        assertThat(finished.outputsJson()).isEqualTo("{\"b0_gpa\":140.1}");
        assertThat(finished.state()).isEqualTo(WorkflowRunState.FAILED);
        assertThat(finished.finishedAt()).contains(Backends.T0.plus(Duration.ofMinutes(3)));
        assertThat(finished.llmUsd()).isEqualByComparingTo("0.525");
        assertThat(runs.find("run-1")).contains(finished);
        assertThat(auditCount(t)).isEqualTo(audits + 2);
        assertThat(t.audit().count(AuditFilter.all().withResourceType("workflow-run").withAction("finish"))).isEqualTo(1);
    }

    @Test
    void aResumedRunContinuesItsRecordAndKeepsWhatItsStepsSpent() {
        TenantStores t = newTenant();
        WorkflowRunStore runs = t.workflowRuns();
        runs.start(run("run-1", "eos"));
        runs.saveStep("run-1", step("ask", WorkflowStepState.RUNNING, "0.01", 0));
        // the process dies here; the run is started again under the same id
        clock().advance(Duration.ofHours(1));
        WorkflowRunRecord resumed = runs.start(new NewWorkflowRun("run-1", "eos", "b".repeat(64), Optional.empty(), "{\"strain\":0.03}"));
        assertThat(resumed.starts()).isEqualTo(2);
        assertThat(resumed.state()).isEqualTo(WorkflowRunState.RUNNING);
        assertThat(resumed.startedAt()).isEqualTo(Backends.T0);
        assertThat(resumed.contentHash()).isEqualTo("b".repeat(64));
        assertThat(resumed.inputsJson()).isEqualTo("{\"strain\":0.03}");
        assertThat(resumed.llmUsd()).isEqualByComparingTo("0.01");
        assertThat(runs.steps("run-1")).extracting(WorkflowStepRecord::state).containsExactly(WorkflowStepState.RUNNING);
        runs.saveStep("run-1", step("ask", WorkflowStepState.SUCCEEDED, "0.02", 0));
        runs.finish("run-1", WorkflowRunState.SUCCEEDED, "{}");
        // a finished run started again is running again, its end cleared
        assertThat(runs.start(run("run-1", "eos")).finishedAt()).isEmpty();
        assertThat(runs.find("run-1").orElseThrow().outputsJson()).isEqualTo("{}");
        assertThat(runs.find("run-1").orElseThrow().starts()).isEqualTo(3);
        assertThat(runs.find("run-1").orElseThrow().llmUsd()).isEqualByComparingTo("0.02");
        assertThat(t.audit().count(AuditFilter.all().withResourceType("workflow-run").withAction("resume"))).isEqualTo(2);

        assertThatThrownBy(() -> runs.start(run("run-1", "elastic"))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("eos").hasMessageContaining("elastic");
        assertThat(runs.find("run-1").orElseThrow().workflow()).isEqualTo("eos");
    }

    @Test
    void queriesRunsByWorkflowAndStatePageByPage() {
        WorkflowRunStore runs = newTenant().workflowRuns();
        for (int i = 0; i < 5; i++) {
            runs.start(run("r" + i, i % 2 == 0 ? "eos" : "elastic"));
            clock().advance(Duration.ofSeconds(1));
        }
        runs.finish("r0", WorkflowRunState.SUCCEEDED, "{}");
        runs.finish("r1", WorkflowRunState.FAILED, "{}");
        runs.finish("r2", WorkflowRunState.CANCELLED, "{}");

        assertThat(runs.query(WorkflowRunFilter.all(), PageRequest.first(10)).items()).extracting(WorkflowRunRecord::runId)
                .containsExactly("r0", "r1", "r2", "r3", "r4");
        assertThat(runs.query(WorkflowRunFilter.all().withWorkflow("eos"), PageRequest.first(10).newestFirst()).items())
                .extracting(WorkflowRunRecord::runId).containsExactly("r4", "r2", "r0");
        assertThat(runs.query(WorkflowRunFilter.all().withState(WorkflowRunState.RUNNING), PageRequest.first(10)).items())
                .extracting(WorkflowRunRecord::runId).containsExactly("r3", "r4");
        assertThat(runs.query(WorkflowRunFilter.all().withWorkflow("eos").withState(WorkflowRunState.SUCCEEDED, WorkflowRunState.RUNNING),
                PageRequest.first(10)).items()).extracting(WorkflowRunRecord::runId).containsExactly("r0", "r4");
        Page<WorkflowRunRecord> first = runs.query(WorkflowRunFilter.all(), PageRequest.first(2));
        assertThat(first.items()).extracting(WorkflowRunRecord::runId).containsExactly("r0", "r1");
        Page<WorkflowRunRecord> second = runs.query(WorkflowRunFilter.all(), first.next(PageRequest.first(2)));
        assertThat(second.items()).extracting(WorkflowRunRecord::runId).containsExactly("r2", "r3");
        assertThat(runs.query(WorkflowRunFilter.all().withWorkflow("none"), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void anotherTenantSeesNoneOfItsRunsAndCannotWriteToThem() {
        TenantStores acme = newTenant();
        TenantStores other = newTenant();
        acme.workflowRuns().start(run("run-1", "eos"));
        acme.workflowRuns().saveStep("run-1", step("relax", WorkflowStepState.SUCCEEDED, "0.5", 1));

        assertThat(other.workflowRuns().find("run-1")).isEmpty();
        assertThat(other.workflowRuns().steps("run-1")).isEmpty();
        assertThat(other.workflowRuns().query(WorkflowRunFilter.all(), PageRequest.first(10)).items()).isEmpty();
        assertThatThrownBy(() -> other.workflowRuns().saveStep("run-1", step("relax", WorkflowStepState.FAILED, "9", 9)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.workflowRuns().finish("run-1", WorkflowRunState.CANCELLED, "{}")).isInstanceOf(NotFoundException.class);
        // the same id started by the other tenant is its own run
        assertThat(other.workflowRuns().start(run("run-1", "elastic")).starts()).isEqualTo(1);
        assertThat(acme.workflowRuns().find("run-1").orElseThrow().workflow()).isEqualTo("eos");
        assertThat(acme.workflowRuns().find("run-1").orElseThrow().state()).isEqualTo(WorkflowRunState.RUNNING);
        assertThat(acme.workflowRuns().steps("run-1")).singleElement().satisfies(s -> assertThat(s.state())
                .isEqualTo(WorkflowStepState.SUCCEEDED));
    }

    @Test
    void rejectsBadRecordsAndStoresNothing() {
        WorkflowRunStore runs = newTenant().workflowRuns();
        assertThatThrownBy(() -> run(" ", "eos")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runId");
        assertThatThrownBy(() -> run("r".repeat(201), "eos")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runId");
        assertThatThrownBy(() -> new NewWorkflowRun("r", "eos", HASH, Optional.empty(), "[1]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inputsJson");
        assertThatThrownBy(() -> step("s", WorkflowStepState.SUCCEEDED, "-0.01", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("llmUsd");
        assertThatThrownBy(() -> step("s", WorkflowStepState.SUCCEEDED, "0", Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("coreHours");
        assertThatThrownBy(() -> new WorkflowStepRecord("s", OptionalInt.of(-1), WorkflowStepState.SUCCEEDED, "{}", List.of(), 0,
                Optional.empty(), BigDecimal.ZERO, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("item");
        assertThatThrownBy(() -> runs.saveStep("ghost", step("s", WorkflowStepState.SUCCEEDED, "0", 0)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("ghost");
        runs.start(run("r", "eos"));
        assertThatThrownBy(() -> runs.finish("r", WorkflowRunState.RUNNING, "{}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RUNNING");
        assertThatThrownBy(() -> runs.finish("r", WorkflowRunState.FAILED, "oops")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outputsJson");
        assertThat(runs.find("r").orElseThrow().state()).isEqualTo(WorkflowRunState.RUNNING);
        assertThat(runs.query(WorkflowRunFilter.all(), PageRequest.first(10)).items()).hasSize(1);
    }
}
