package dev.orion.store.jdbc;

import dev.orion.store.ConflictException;
import dev.orion.store.JobCreation;
import dev.orion.store.JobFilter;
import dev.orion.store.JobRecord;
import dev.orion.store.JobStatus;
import dev.orion.store.JobStore;
import dev.orion.store.JobTransition;
import dev.orion.store.NewJob;
import dev.orion.store.NotFoundException;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.internal.StoreIds;
import dev.orion.tenant.ProjectId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

final class JdbcJobStore implements JobStore {

    private static final String TYPE = "job";
    private static final String SELECT = "SELECT id, seq, project_id, engine, executor, input, structure_id, idempotency_key, status, external_id,"
            + " result, error, created_at, updated_at, started_at, finished_at, version FROM jobs";
    private final View v;

    JdbcJobStore(View v) {
        this.v = v;
    }

    private static JobRecord map(ResultSet rs) throws SQLException {
        return new JobRecord(rs.getString("id"), Optional.ofNullable(rs.getString("project_id")).map(ProjectId::of),
                rs.getString("engine"), rs.getString("executor"), rs.getString("input"),
                Columns.optionalString(rs, "structure_id"), Columns.optionalString(rs, "idempotency_key"),
                JobStatus.valueOf(rs.getString("status")),
                Columns.optionalString(rs, "external_id"), Columns.optionalString(rs, "result"),
                Columns.optionalString(rs, "error"), Columns.instant(rs, "created_at"), Columns.instant(rs, "updated_at"),
                Columns.optionalInstant(rs, "started_at"), Columns.optionalInstant(rs, "finished_at"), rs.getLong("version"));
    }

    @Override
    public JobCreation createIfAbsent(NewJob j) {
        Objects.requireNonNull(j, "job");
        return v.tx("create job", c -> {
            Optional<String> key = j.idempotencyKey();
            if (key.isPresent()) {
                Optional<JobRecord> found = byKey(c, key.get());
                if (found.isPresent()) {
                    return new JobCreation(found.get(), false);
                }
            }
            Instant now = v.now();
            JobRecord r = new JobRecord(StoreIds.newId(), j.project(), j.engine(), j.executor(), j.inputJson(),
                    j.structureId(), key, JobStatus.SUBMITTED, Optional.empty(), Optional.empty(), Optional.empty(),
                    now, now, Optional.empty(), Optional.empty(), 1);
            // without a target, ON CONFLICT covers the (tenant_id, idempotency_key) index on H2 and
            // PostgreSQL alike; a concurrent insert of the key makes this one wait for its commit
            int inserted = Queries.update(c, "INSERT INTO jobs (tenant_id, id, project_id, engine, executor, input, structure_id,"
                            + " idempotency_key, status, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT DO NOTHING",
                    v.t(), r.id(), r.project().map(ProjectId::value), r.engine(), r.executor(), r.inputJson(),
                    r.structureId(), key, r.status(), now, now, 1L);
            if (inserted == 0) {
                // a concurrent create with the same key won the race (ids are random: no id clash)
                return new JobCreation(byKey(c, key.orElseThrow()).orElseThrow(() -> new ConflictException(
                        "job idempotency key '" + key.get() + "' was taken by a job that is not visible")), false);
            }
            v.audit(c, now, "create", TYPE, r.id(), Map.of("engine", r.engine()));
            return new JobCreation(r, true);
        });
    }

    @Override
    public Optional<JobRecord> findByIdempotencyKey(String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return v.tx("find job by idempotency key", c -> byKey(c, idempotencyKey));
    }

    private Optional<JobRecord> byKey(Connection c, String key) throws SQLException {
        return Queries.one(c, SELECT + " WHERE tenant_id = ? AND idempotency_key = ?", JdbcJobStore::map, v.t(), key);
    }

    @Override
    public Optional<JobRecord> find(String id) {
        Objects.requireNonNull(id, "id");
        return v.tx("find job", c -> Queries.one(c, SELECT + " WHERE tenant_id = ? AND id = ?", JdbcJobStore::map, v.t(), id));
    }

    @Override
    public JobRecord transition(String id, JobTransition tr) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tr, "transition");
        return v.tx("transition job", c -> {
            JobRecord r = Queries.one(c, SELECT + " WHERE tenant_id = ? AND id = ? FOR UPDATE", JdbcJobStore::map, v.t(), id)
                    .orElseThrow(() -> new NotFoundException(TYPE, id));
            if (r.status() != tr.from()) {
                throw new ConflictException("job " + id + " is " + r.status() + ", not " + tr.from());
            }
            Instant now = v.now();
            JobRecord n = new JobRecord(r.id(), r.project(), r.engine(), r.executor(), r.inputJson(), r.structureId(),
                    r.idempotencyKey(), tr.to(), tr.externalId().or(r::externalId), tr.resultJson().or(r::resultJson),
                    tr.error().or(r::error), r.createdAt(), now,
                    tr.to() == JobStatus.RUNNING ? Optional.of(now) : r.startedAt(),
                    tr.to().isTerminal() ? Optional.of(now) : r.finishedAt(), r.version() + 1);
            Queries.update(c, "UPDATE jobs SET status = ?, external_id = ?, result = ?, error = ?, updated_at = ?,"
                            + " started_at = ?, finished_at = ?, version = ? WHERE tenant_id = ? AND id = ?",
                    n.status(), n.externalId(), n.resultJson(), n.error(), now, n.startedAt(), n.finishedAt(),
                    n.version(), v.t(), id);
            v.audit(c, now, "transition", TYPE, id, Map.of("from", tr.from().name(), "to", tr.to().name()));
            return n;
        });
    }

    private Where where(JobFilter f) {
        return Where.tenant("tenant_id", v.t()).eq("project_id", f.project().map(ProjectId::value))
                .in("status", f.statuses()).eq("engine", f.engine());
    }

    @Override
    public Page<JobRecord> query(JobFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        return v.tx("query jobs", c -> Queries.page(c, SELECT, where(filter), "seq", page, JdbcJobStore::map));
    }

    @Override
    public long count(JobFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return v.tx("count jobs", c -> Queries.count(c, "jobs", where(filter)));
    }
}
