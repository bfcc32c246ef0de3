package dev.orion.store.jdbc;

import dev.orion.store.CampaignFilter;
import dev.orion.store.CampaignRecord;
import dev.orion.store.CampaignStatus;
import dev.orion.store.CampaignStore;
import dev.orion.store.ConflictException;
import dev.orion.store.IterationRecord;
import dev.orion.store.NewCampaign;
import dev.orion.store.NewObservation;
import dev.orion.store.NotFoundException;
import dev.orion.store.ObservationRecord;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.internal.StoreIds;
import dev.orion.tenant.ProjectId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

final class JdbcCampaignStore implements CampaignStore {

    private static final String TYPE = "campaign";
    private static final String SELECT = "SELECT id, seq, project_id, name, spec, status, iterations, created_at, updated_at,"
            + " version FROM campaigns";
    private static final String SELECT_ITERATION = "SELECT campaign_id, idx, state, created_at FROM campaign_iterations";
    private static final String SELECT_OBSERVATION = "SELECT id, seq, campaign_id, iteration, candidate, observed,"
            + " structure_id, job_id, created_at FROM campaign_observations";
    private final View v;

    JdbcCampaignStore(View v) {
        this.v = v;
    }

    private static CampaignRecord map(ResultSet rs) throws SQLException {
        return new CampaignRecord(rs.getString("id"), Optional.ofNullable(rs.getString("project_id")).map(ProjectId::of),
                rs.getString("name"), rs.getString("spec"), CampaignStatus.valueOf(rs.getString("status")),
                rs.getInt("iterations"), Columns.instant(rs, "created_at"), Columns.instant(rs, "updated_at"),
                rs.getLong("version"));
    }

    private static IterationRecord mapIteration(ResultSet rs) throws SQLException {
        return new IterationRecord(rs.getString("campaign_id"), rs.getInt("idx"), rs.getString("state"),
                Columns.instant(rs, "created_at"));
    }

    private static ObservationRecord mapObservation(ResultSet rs) throws SQLException {
        return new ObservationRecord(rs.getString("id"), rs.getString("campaign_id"), rs.getInt("iteration"),
                rs.getString("candidate"), JsonColumns.doubleMap(rs.getString("observed")),
                Columns.optionalString(rs, "structure_id"), Columns.optionalString(rs, "job_id"),
                Columns.instant(rs, "created_at"));
    }

    @Override
    public CampaignRecord create(NewCampaign n) {
        Objects.requireNonNull(n, "campaign");
        return v.tx("create campaign", c -> {
            Instant now = v.now();
            CampaignRecord r = new CampaignRecord(StoreIds.newId(), n.project(), n.name(), n.specJson(),
                    CampaignStatus.CREATED, 0, now, now, 1);
            Queries.update(c, "INSERT INTO campaigns (tenant_id, id, project_id, name, spec, status, iterations, created_at,"
                            + " updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", v.t(), r.id(),
                    r.project().map(ProjectId::value), r.name(), r.specJson(), r.status(), 0, now, now, 1L);
            v.audit(c, now, "create", TYPE, r.id(), Map.of("name", r.name()));
            return r;
        });
    }

    @Override
    public Optional<CampaignRecord> find(String id) {
        Objects.requireNonNull(id, "id");
        return v.tx("find campaign", c -> Queries.one(c, SELECT + " WHERE tenant_id = ? AND id = ?", JdbcCampaignStore::map, v.t(), id));
    }

    private CampaignRecord locked(Connection c, String id) throws SQLException {
        return Queries.one(c, SELECT + " WHERE tenant_id = ? AND id = ? FOR UPDATE", JdbcCampaignStore::map, v.t(), id)
                .orElseThrow(() -> new NotFoundException(TYPE, id));
    }

    @Override
    public CampaignRecord updateStatus(String id, CampaignStatus status) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        return v.tx("update campaign", c -> {
            CampaignRecord r = locked(c, id);
            Instant now = v.now();
            Queries.update(c, "UPDATE campaigns SET status = ?, updated_at = ?, version = version + 1 WHERE tenant_id = ? AND id = ?",
                    status, now, v.t(), id);
            v.audit(c, now, "status", TYPE, id, Map.of("from", r.status().name(), "to", status.name()));
            return new CampaignRecord(r.id(), r.project(), r.name(), r.specJson(), status, r.iterations(), r.createdAt(),
                    now, r.version() + 1);
        });
    }

    @Override
    public IterationRecord recordIteration(String campaignId, int index, String stateJson) {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(stateJson, "stateJson");
        return v.tx("record iteration", c -> {
            CampaignRecord r = locked(c, campaignId);
            if (index != r.iterations()) {
                throw new ConflictException("campaign " + campaignId + " expects iteration " + r.iterations() + ", got " + index);
            }
            Instant now = v.now();
            Queries.update(c, "INSERT INTO campaign_iterations (tenant_id, campaign_id, idx, state, created_at) VALUES (?, ?, ?, ?, ?)",
                    v.t(), campaignId, index, stateJson, now);
            Queries.update(c, "UPDATE campaigns SET iterations = ?, updated_at = ?, version = version + 1 WHERE tenant_id = ? AND id = ?",
                    index + 1, now, v.t(), campaignId);
            v.audit(c, now, "iteration", TYPE, campaignId, Map.of("index", Integer.toString(index)));
            return new IterationRecord(campaignId, index, stateJson, now);
        });
    }

    @Override
    public List<IterationRecord> iterations(String campaignId) {
        Objects.requireNonNull(campaignId, "campaignId");
        return v.tx("list iterations", c -> Queries.list(c, SELECT_ITERATION + " WHERE tenant_id = ? AND campaign_id = ? ORDER BY idx",
                List.of(v.t(), campaignId), JdbcCampaignStore::mapIteration));
    }

    @Override
    public Optional<IterationRecord> latestIteration(String campaignId) {
        Objects.requireNonNull(campaignId, "campaignId");
        return v.tx("latest iteration", c -> Queries.one(c, SELECT_ITERATION
                + " WHERE tenant_id = ? AND campaign_id = ? ORDER BY idx DESC LIMIT 1", JdbcCampaignStore::mapIteration, v.t(), campaignId));
    }

    @Override
    public ObservationRecord addObservation(String campaignId, NewObservation o) {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(o, "observation");
        return v.tx("add observation", c -> {
            Queries.one(c, "SELECT id FROM campaigns WHERE tenant_id = ? AND id = ?", rs -> rs.getString(1), v.t(), campaignId)
                    .orElseThrow(() -> new NotFoundException(TYPE, campaignId));
            Instant now = v.now();
            ObservationRecord r = new ObservationRecord(StoreIds.newId(), campaignId, o.iteration(), o.candidateJson(),
                    o.values(), o.structureId(), o.jobId(), now);
            Queries.update(c, "INSERT INTO campaign_observations (tenant_id, id, campaign_id, iteration, candidate, observed,"
                            + " structure_id, job_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", v.t(), r.id(), campaignId,
                    r.iteration(), r.candidateJson(), JsonColumns.write(r.values()), r.structureId(), r.jobId(), now);
            v.audit(c, now, "observe", TYPE, campaignId, Map.of("observation", r.id()));
            return r;
        });
    }

    @Override
    public Page<ObservationRecord> observations(String campaignId, PageRequest page) {
        Objects.requireNonNull(campaignId, "campaignId");
        return v.tx("list observations", c -> Queries.page(c, SELECT_OBSERVATION,
                Where.tenant("tenant_id", v.t()).and("campaign_id = ?", campaignId), "seq", page, JdbcCampaignStore::mapObservation));
    }

    @Override
    public Page<CampaignRecord> query(CampaignFilter f, PageRequest page) {
        Objects.requireNonNull(f, "filter");
        return v.tx("query campaigns", c -> Queries.page(c, SELECT, Where.tenant("tenant_id", v.t())
                .eq("project_id", f.project().map(ProjectId::value)).in("status", f.statuses()), "seq", page, JdbcCampaignStore::map));
    }
}
