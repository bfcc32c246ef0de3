package dev.orion.store.jdbc;

import dev.orion.store.ConflictException;
import dev.orion.store.NewWorkflowRun;
import dev.orion.store.NotFoundException;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.WorkflowRunFilter;
import dev.orion.store.WorkflowRunRecord;
import dev.orion.store.WorkflowRunState;
import dev.orion.store.WorkflowRunStore;
import dev.orion.store.WorkflowStepRecord;
import dev.orion.store.WorkflowStepState;
import dev.orion.store.WorkflowTemplateVersion;
import dev.orion.store.internal.RunRules;
import dev.orion.tenant.Principal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

final class JdbcWorkflowRunStore implements WorkflowRunStore {

    private static final String SELECT_RUN = "SELECT run_id, seq, workflow, content_hash, template_name, template_version, inputs_json,"
            + " outputs_json, state, started_by, started_at, finished_at, starts, llm_usd, core_hours FROM workflow_runs";
    private static final String SELECT_STEP = "SELECT step_id, item, state, outputs_json, jobs_json, attempts, error, llm_usd, core_hours"
            + " FROM workflow_run_steps";
    /** Item column value of a whole-step row. */
    private static final int WHOLE_STEP = -1;
    private final View v;

    JdbcWorkflowRunStore(View v) {
        this.v = v;
    }

    private static WorkflowRunRecord mapRun(ResultSet rs) throws SQLException {
        String template = rs.getString("template_name");
        return new WorkflowRunRecord(rs.getString("run_id"), rs.getString("workflow"), rs.getString("content_hash"),
                template == null ? Optional.empty() : Optional.of(new WorkflowTemplateVersion(template, rs.getInt("template_version"))),
                rs.getString("inputs_json"), rs.getString("outputs_json"), WorkflowRunState.valueOf(rs.getString("state")), Principal.parse(rs.getString("started_by")),
                Columns.instant(rs, "started_at"), Columns.optionalInstant(rs, "finished_at"), rs.getInt("starts"),
                Columns.money(rs, "llm_usd"), rs.getDouble("core_hours"));
    }

    private static WorkflowStepRecord mapStep(ResultSet rs) throws SQLException {
        int item = rs.getInt("item");
        return new WorkflowStepRecord(rs.getString("step_id"), item == WHOLE_STEP ? OptionalInt.empty() : OptionalInt.of(item),
                WorkflowStepState.valueOf(rs.getString("state")), rs.getString("outputs_json"), JsonColumns.stringList(rs.getString("jobs_json")),
                rs.getInt("attempts"), Columns.optionalString(rs, "error"), Columns.money(rs, "llm_usd"), rs.getDouble("core_hours"));
    }

    private Instant now() {
        // the columns keep microseconds: a returned record must equal the one read back later
        return v.now().truncatedTo(ChronoUnit.MICROS);
    }

    private Optional<WorkflowRunRecord> find(Connection c, String runId) throws SQLException {
        return Queries.one(c, SELECT_RUN + " WHERE tenant_id = ? AND run_id = ?", JdbcWorkflowRunStore::mapRun, v.t(), runId);
    }

    private WorkflowRunRecord stored(Connection c, String runId) throws SQLException {
        return find(c, RunRules.runId(runId)).orElseThrow(() -> new NotFoundException(RunRules.TYPE, runId));
    }

    @Override
    public WorkflowRunRecord start(NewWorkflowRun run) {
        Objects.requireNonNull(run, "run");
        String template = run.template().map(WorkflowTemplateVersion::name).orElse(null);
        Integer version = run.template().map(WorkflowTemplateVersion::version).orElse(null);
        return v.tx("start workflow run", c -> {
            Instant now = now();
            Optional<WorkflowRunRecord> stored = find(c, run.runId());
            if (stored.isPresent()) {
                RunRules.checkResume(stored.get(), run);
                Queries.update(c, "UPDATE workflow_runs SET content_hash = ?, template_name = ?, template_version = ?, inputs_json = ?,"
                                + " outputs_json = '{}', state = ?, finished_at = NULL, starts = starts + 1 WHERE tenant_id = ? AND run_id = ?",
                        run.contentHash(), template, version, run.inputsJson(), WorkflowRunState.RUNNING, v.t(), run.runId());
            } else if (Queries.update(c, "INSERT INTO workflow_runs (tenant_id, run_id, workflow, content_hash, template_name,"
                            + " template_version, inputs_json, outputs_json, state, started_by, started_at, starts, llm_usd, core_hours)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, 1, 0, 0) ON CONFLICT DO NOTHING", v.t(), run.runId(), run.workflow(),
                    run.contentHash(), template, version, run.inputsJson(), WorkflowRunState.RUNNING, v.actor().toString(), now) == 0) {
                throw new ConflictException("workflow run " + run.runId() + " is being started concurrently");
            }
            v.audit(c, now, stored.isPresent() ? "resume" : "start", RunRules.TYPE, run.runId(), RunRules.startDetails(run));
            return find(c, run.runId()).orElseThrow();
        });
    }

    @Override
    public void saveStep(String runId, WorkflowStepRecord step) {
        Objects.requireNonNull(step, "step");
        int item = step.item().orElse(WHOLE_STEP);
        String jobs = JsonColumns.write(step.jobIds());
        String error = step.error().orElse(null);
        v.tx("save workflow step", c -> {
            stored(c, runId);
            Instant now = now();
            if (Queries.update(c, "UPDATE workflow_run_steps SET state = ?, outputs_json = ?, jobs_json = ?, attempts = ?, error = ?,"
                            + " llm_usd = ?, core_hours = ?, updated_at = ? WHERE tenant_id = ? AND run_id = ? AND step_id = ? AND item = ?",
                    step.state(), step.outputsJson(), jobs, step.attempts(), error, step.llmUsd(), step.coreHours(), now, v.t(), runId,
                    step.stepId(), item) == 0
                    && Queries.update(c, "INSERT INTO workflow_run_steps (tenant_id, run_id, step_id, item, state, outputs_json, jobs_json,"
                            + " attempts, error, llm_usd, core_hours, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT DO NOTHING", v.t(), runId, step.stepId(), item, step.state(), step.outputsJson(), jobs,
                    step.attempts(), error, step.llmUsd(), step.coreHours(), now) == 0) {
                throw new ConflictException("step " + step.stepId() + " of workflow run " + runId + " is being saved concurrently");
            }
            Queries.update(c, "UPDATE workflow_runs SET"
                    + " llm_usd = (SELECT COALESCE(SUM(s.llm_usd), 0) FROM workflow_run_steps s"
                    + " WHERE s.tenant_id = ? AND s.run_id = ? AND s.item = ?),"
                    + " core_hours = (SELECT COALESCE(SUM(s.core_hours), 0) FROM workflow_run_steps s"
                    + " WHERE s.tenant_id = ? AND s.run_id = ? AND s.item = ?)"
                    + " WHERE tenant_id = ? AND run_id = ?", v.t(), runId, WHOLE_STEP, v.t(), runId, WHOLE_STEP, v.t(), runId);
            return null;
        });
    }

    @Override
    public WorkflowRunRecord finish(String runId, WorkflowRunState state, String outputsJson) {
        RunRules.endState(state);
        RunRules.outputs(outputsJson);
        return v.tx("finish workflow run", c -> {
            stored(c, runId);
            Instant now = now();
            Queries.update(c, "UPDATE workflow_runs SET state = ?, outputs_json = ?, finished_at = ? WHERE tenant_id = ? AND run_id = ?", state, outputsJson, now, v.t(), runId);
            WorkflowRunRecord r = find(c, runId).orElseThrow();
            v.audit(c, now, "finish", RunRules.TYPE, runId, RunRules.finishDetails(r));
            return r;
        });
    }

    @Override
    public Optional<WorkflowRunRecord> find(String runId) {
        Objects.requireNonNull(runId, "runId");
        return v.tx("read workflow run", c -> find(c, runId));
    }

    @Override
    public List<WorkflowStepRecord> steps(String runId) {
        Objects.requireNonNull(runId, "runId");
        return v.tx("read workflow steps", c -> Queries.list(c, SELECT_STEP + " WHERE tenant_id = ? AND run_id = ? ORDER BY seq",
                List.of(v.t(), runId), JdbcWorkflowRunStore::mapStep));
    }

    @Override
    public Page<WorkflowRunRecord> query(WorkflowRunFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        return v.tx("query workflow runs", c -> Queries.page(c, SELECT_RUN, Where.tenant("tenant_id", v.t())
                .eq("workflow", filter.workflow()).in("state", filter.states()), "seq", page, JdbcWorkflowRunStore::mapRun));
    }
}
