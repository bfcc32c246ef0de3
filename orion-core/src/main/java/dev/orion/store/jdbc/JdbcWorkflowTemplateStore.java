package dev.orion.store.jdbc;

import dev.orion.store.ConflictException;
import dev.orion.store.NewWorkflowTemplate;
import dev.orion.store.NotFoundException;
import dev.orion.store.StoreArguments;
import dev.orion.store.WorkflowTemplateDiff;
import dev.orion.store.WorkflowTemplateRecord;
import dev.orion.store.WorkflowTemplateState;
import dev.orion.store.WorkflowTemplateStore;
import dev.orion.store.WorkflowTemplateUsage;
import dev.orion.store.internal.TemplateRules;
import dev.orion.tenant.Principal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

final class JdbcWorkflowTemplateStore implements WorkflowTemplateStore {

    private static final String SELECT = "SELECT name, version, content, content_hash, description, tags_json, created_by, created_at,"
            + " state, reviewed_by, reviewed_at FROM workflow_templates t";
    private static final String LATEST = "t.version = (SELECT MAX(l.version) FROM workflow_templates l"
            + " WHERE l.tenant_id = t.tenant_id AND l.name = t.name)";
    /** Concurrent saves of one name race for the next version; the loser re-reads and tries again this often. */
    private static final int SAVE_ATTEMPTS = 5;
    private final View v;

    JdbcWorkflowTemplateStore(View v) {
        this.v = v;
    }

    private static WorkflowTemplateRecord map(ResultSet rs) throws SQLException {
        return new WorkflowTemplateRecord(rs.getString("name"), rs.getInt("version"), rs.getString("content"),
                rs.getString("content_hash"), rs.getString("description"), JsonColumns.stringSet(rs.getString("tags_json")),
                Principal.parse(rs.getString("created_by")), Columns.instant(rs, "created_at"),
                WorkflowTemplateState.valueOf(rs.getString("state")), Columns.optionalString(rs, "reviewed_by").map(Principal::parse),
                Columns.optionalInstant(rs, "reviewed_at"));
    }

    @Override
    public WorkflowTemplateRecord save(NewWorkflowTemplate template) {
        return save(template, false);
    }

    @Override
    public WorkflowTemplateRecord saveDraft(NewWorkflowTemplate template) {
        return save(template, true);
    }

    private WorkflowTemplateRecord save(NewWorkflowTemplate template, boolean draft) {
        Objects.requireNonNull(template, "template");
        String hash = template.contentHash();
        return v.tx("save workflow template", c -> {
            for (int attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
                Optional<WorkflowTemplateRecord> latest = latest(c, template.name());
                Optional<WorkflowTemplateRecord> same = TemplateRules.unchanged(latest, hash, draft);
                if (same.isPresent()) {
                    return same.get();
                }
                WorkflowTemplateState state = draft ? WorkflowTemplateState.AWAITING_APPROVAL : WorkflowTemplateState.APPROVED;
                // the column keeps microseconds: the returned record must equal the one read back later
                Instant now = v.now().truncatedTo(ChronoUnit.MICROS);
                WorkflowTemplateRecord r = new WorkflowTemplateRecord(template.name(), latest.map(l -> l.version() + 1).orElse(1),
                        template.content(), hash, template.description(), template.tags(), v.actor(), now, state, Optional.empty(),
                        Optional.empty());
                if (Queries.update(c, "INSERT INTO workflow_templates (tenant_id, name, version, content, content_hash, description,"
                                + " tags_json, created_by, created_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        v.t(), r.name(), r.version(), r.content(), hash, r.description(), JsonColumns.write(r.tags()),
                        v.actor().toString(), now, state) == 1) {
                    v.audit(c, now, TemplateRules.saveAction(draft), "workflow-template", r.id(), Map.of("hash", hash));
                    return r;
                }
            }
            throw new ConflictException("workflow template " + template.name() + " is being saved concurrently; gave up after "
                    + SAVE_ATTEMPTS + " attempts");
        });
    }

    private Optional<WorkflowTemplateRecord> latest(Connection c, String name) throws SQLException {
        return Queries.one(c, SELECT + " WHERE t.tenant_id = ? AND t.name = ? ORDER BY t.version DESC LIMIT 1",
                JdbcWorkflowTemplateStore::map, v.t(), name);
    }

    @Override
    public Optional<WorkflowTemplateRecord> latest(String name) {
        Objects.requireNonNull(name, "name");
        return v.tx("read workflow template", c -> latest(c, name));
    }

    @Override
    public Optional<WorkflowTemplateRecord> version(String name, int version) {
        Objects.requireNonNull(name, "name");
        return v.tx("read workflow template", c -> version(c, name, version));
    }

    private Optional<WorkflowTemplateRecord> version(Connection c, String name, int version) throws SQLException {
        return Queries.one(c, SELECT + " WHERE t.tenant_id = ? AND t.name = ? AND t.version = ?", JdbcWorkflowTemplateStore::map,
                v.t(), name, version);
    }

    @Override
    public WorkflowTemplateRecord approve(String name, int version) {
        return review(name, version, WorkflowTemplateState.APPROVED, Map.of());
    }

    @Override
    public WorkflowTemplateRecord reject(String name, int version, String reason) {
        return review(name, version, WorkflowTemplateState.REJECTED, Map.of("reason", TemplateRules.reason(reason)));
    }

    private WorkflowTemplateRecord review(String name, int version, WorkflowTemplateState state, Map<String, String> details) {
        Objects.requireNonNull(name, "name");
        return v.tx("review workflow template", c -> {
            Instant now = v.now().truncatedTo(ChronoUnit.MICROS);
            WorkflowTemplateRecord r = TemplateRules.awaiting(version(c, name, version), name, version).reviewed(state, v.actor(), now);
            if (Queries.update(c, "UPDATE workflow_templates SET state = ?, reviewed_by = ?, reviewed_at = ? WHERE tenant_id = ?"
                    + " AND name = ? AND version = ? AND state = ?", state, v.actor().toString(), now, v.t(), name, version,
                    WorkflowTemplateState.AWAITING_APPROVAL) != 1) {
                throw new ConflictException("workflow template " + r.id() + " was reviewed concurrently");
            }
            v.audit(c, now, state == WorkflowTemplateState.APPROVED ? "approve" : "reject", "workflow-template", r.id(), details);
            return r;
        });
    }

    @Override
    public List<WorkflowTemplateRecord> awaitingApproval() {
        return v.tx("read workflow template drafts", c -> Queries.list(c, SELECT + " WHERE t.tenant_id = ? AND t.state = ?"
                + " ORDER BY t.created_at, t.name, t.version", List.of(v.t(), WorkflowTemplateState.AWAITING_APPROVAL.name()),
                JdbcWorkflowTemplateStore::map));
    }

    @Override
    public Optional<WorkflowTemplateRecord> runnable(String name) {
        Objects.requireNonNull(name, "name");
        return v.tx("read workflow template", c -> Queries.one(c, SELECT + " WHERE t.tenant_id = ? AND t.name = ? AND t.state = ?"
                + " ORDER BY t.version DESC LIMIT 1", JdbcWorkflowTemplateStore::map, v.t(), name, WorkflowTemplateState.APPROVED));
    }

    @Override
    public List<WorkflowTemplateRecord> history(String name) {
        Objects.requireNonNull(name, "name");
        return v.tx("read workflow templates", c -> Queries.list(c, SELECT + " WHERE t.tenant_id = ? AND t.name = ? ORDER BY t.version",
                List.of(v.t(), name), JdbcWorkflowTemplateStore::map));
    }

    @Override
    public List<WorkflowTemplateRecord> search(String text, Set<String> tags) {
        var test = TemplateRules.matching(Objects.requireNonNull(text, "text"), Objects.requireNonNull(tags, "tags"));
        return v.tx("search workflow templates", c -> Queries.list(c, SELECT + " WHERE t.tenant_id = ? AND " + LATEST
                + " ORDER BY t.name", List.of(v.t()), JdbcWorkflowTemplateStore::map)).stream().filter(test).toList();
    }

    @Override
    public Optional<WorkflowTemplateRecord> findByContentHash(String contentHash) {
        Objects.requireNonNull(contentHash, "contentHash");
        return v.tx("read workflow template", c -> Queries.one(c, SELECT + " WHERE t.tenant_id = ? AND t.content_hash = ?"
                + " ORDER BY t.created_at DESC, t.version DESC LIMIT 1", JdbcWorkflowTemplateStore::map, v.t(), contentHash));
    }

    @Override
    public WorkflowTemplateDiff diff(String name, int fromVersion, int toVersion) {
        return TemplateRules.diff(name, version(name, fromVersion), version(name, toVersion), fromVersion, toVersion);
    }

    @Override
    public void recordRun(WorkflowTemplateRecord template, String runId, boolean succeeded) {
        Objects.requireNonNull(template, "template");
        StoreArguments.text("runId", runId, MAX_RUN_ID_LENGTH);
        v.tx("record workflow template run", c -> {
            if (Queries.one(c, "SELECT version FROM workflow_templates WHERE tenant_id = ? AND name = ? AND version = ?",
                    rs -> rs.getInt(1), v.t(), template.name(), template.version()).isEmpty()) {
                throw new NotFoundException("workflow-template", template.id());
            }
            Instant now = v.now();
            if (Queries.update(c, "UPDATE workflow_template_runs SET name = ?, version = ?, succeeded = ?, recorded_at = ?"
                    + " WHERE tenant_id = ? AND run_id = ?", template.name(), template.version(), succeeded, now, v.t(), runId) == 0
                    && Queries.update(c, "INSERT INTO workflow_template_runs (tenant_id, run_id, name, version, succeeded, recorded_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", v.t(), runId, template.name(), template.version(),
                    succeeded, now) == 0) {
                throw new ConflictException("run " + runId + " of workflow template " + template.id() + " is being recorded concurrently");
            }
            v.audit(c, now, "run", "workflow-template", template.id(), Map.of("run", runId, "succeeded", Boolean.toString(succeeded)));
            return null;
        });
    }

    @Override
    public WorkflowTemplateUsage usage(String name) {
        Objects.requireNonNull(name, "name");
        return v.tx("read workflow template usage", c -> Queries.one(c, "SELECT COUNT(*), COALESCE(SUM(CASE WHEN succeeded THEN 1"
                        + " ELSE 0 END), 0) FROM workflow_template_runs WHERE tenant_id = ? AND name = ?",
                rs -> new WorkflowTemplateUsage(name, rs.getLong(1), rs.getLong(2)), v.t(), name).orElseThrow());
    }
}
