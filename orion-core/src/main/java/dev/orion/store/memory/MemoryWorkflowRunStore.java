package dev.orion.store.memory;

import dev.orion.store.NewWorkflowRun;
import dev.orion.store.NotFoundException;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.WorkflowRunFilter;
import dev.orion.store.WorkflowRunRecord;
import dev.orion.store.WorkflowRunState;
import dev.orion.store.WorkflowRunStore;
import dev.orion.store.WorkflowStepRecord;
import dev.orion.store.internal.RunRules;
import dev.orion.tenant.Principal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

final class MemoryWorkflowRunStore implements WorkflowRunStore {

    private final MemoryTenant t;
    private final Principal actor;

    MemoryWorkflowRunStore(MemoryTenant t, Principal actor) {
        this.t = t;
        this.actor = actor;
    }

    private Instant now() {
        return t.clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public WorkflowRunRecord start(NewWorkflowRun run) {
        Objects.requireNonNull(run, "run");
        synchronized (t) {
            Seq<WorkflowRunRecord> stored = t.workflowRuns.get(run.runId());
            WorkflowRunRecord r;
            if (stored == null) {
                r = new WorkflowRunRecord(run.runId(), run.workflow(), run.contentHash(), run.template(), run.inputsJson(), "{}",
                        WorkflowRunState.RUNNING, actor, now(), Optional.empty(), 1, BigDecimal.ZERO, 0);
                t.workflowRuns.put(run.runId(), new Seq<>(t.nextSeq(), r));
                t.workflowSteps.put(run.runId(), new LinkedHashMap<>());
            } else {
                WorkflowRunRecord s = stored.value();
                RunRules.checkResume(s, run);
                r = new WorkflowRunRecord(s.runId(), s.workflow(), run.contentHash(), run.template(), run.inputsJson(), "{}",
                        WorkflowRunState.RUNNING, s.startedBy(), s.startedAt(), Optional.empty(), s.starts() + 1, s.llmUsd(), s.coreHours());
                t.workflowRuns.put(run.runId(), new Seq<>(stored.seq(), r));
            }
            t.audit(actor, stored == null ? "start" : "resume", RunRules.TYPE, run.runId(), RunRules.startDetails(run));
            return r;
        }
    }

    private Seq<WorkflowRunRecord> stored(String runId) {
        Seq<WorkflowRunRecord> s = t.workflowRuns.get(RunRules.runId(runId));
        if (s == null) {
            throw new NotFoundException(RunRules.TYPE, runId);
        }
        return s;
    }

    @Override
    public void saveStep(String runId, WorkflowStepRecord step) {
        Objects.requireNonNull(step, "step");
        synchronized (t) {
            Seq<WorkflowRunRecord> run = stored(runId);
            Map<String, WorkflowStepRecord> steps = t.workflowSteps.get(runId);
            steps.put(RunRules.key(step), step);
            t.workflowRuns.put(runId, new Seq<>(run.seq(), RunRules.withCosts(run.value(), steps.values())));
        }
    }

    @Override
    public WorkflowRunRecord finish(String runId, WorkflowRunState state, String outputsJson) {
        RunRules.endState(state);
        RunRules.outputs(outputsJson);
        synchronized (t) {
            Seq<WorkflowRunRecord> run = stored(runId);
            WorkflowRunRecord s = run.value();
            WorkflowRunRecord r = new WorkflowRunRecord(s.runId(), s.workflow(), s.contentHash(), s.template(), s.inputsJson(), outputsJson, state,
                    s.startedBy(), s.startedAt(), Optional.of(now()), s.starts(), s.llmUsd(), s.coreHours());
            t.workflowRuns.put(runId, new Seq<>(run.seq(), r));
            t.audit(actor, "finish", RunRules.TYPE, runId, RunRules.finishDetails(r));
            return r;
        }
    }

    @Override
    public Optional<WorkflowRunRecord> find(String runId) {
        Objects.requireNonNull(runId, "runId");
        synchronized (t) {
            return Optional.ofNullable(t.workflowRuns.get(runId)).map(Seq::value);
        }
    }

    @Override
    public List<WorkflowStepRecord> steps(String runId) {
        Objects.requireNonNull(runId, "runId");
        synchronized (t) {
            return List.copyOf(t.workflowSteps.getOrDefault(runId, Map.of()).values());
        }
    }

    @Override
    public Page<WorkflowRunRecord> query(WorkflowRunFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        synchronized (t) {
            return MemoryPages.page(List.copyOf(t.workflowRuns.values()), filter::matches, page);
        }
    }
}
