package dev.orion.store.memory;

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
import dev.orion.tenant.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

final class MemoryCampaignStore implements CampaignStore {

    private static final String TYPE = "campaign";
    private final MemoryTenant t;
    private final Principal actor;

    MemoryCampaignStore(MemoryTenant t, Principal actor) {
        this.t = t;
        this.actor = actor;
    }

    @Override
    public CampaignRecord create(NewCampaign c) {
        synchronized (t) {
            Instant now = t.clock.instant();
            CampaignRecord r = new CampaignRecord(StoreIds.newId(), c.project(), c.name(), c.specJson(),
                    CampaignStatus.CREATED, 0, now, now, 1);
            t.campaigns.put(r.id(), new Seq<>(t.nextSeq(), r));
            t.audit(actor, "create", TYPE, r.id(), Map.of("name", r.name()));
            return r;
        }
    }

    @Override
    public Optional<CampaignRecord> find(String id) {
        synchronized (t) {
            return Optional.ofNullable(t.campaigns.get(id)).map(Seq::value);
        }
    }

    private Seq<CampaignRecord> existing(String id) {
        Seq<CampaignRecord> row = t.campaigns.get(id);
        if (row == null) {
            throw new NotFoundException(TYPE, id);
        }
        return row;
    }

    @Override
    public CampaignRecord updateStatus(String id, CampaignStatus status) {
        Objects.requireNonNull(status, "status");
        synchronized (t) {
            Seq<CampaignRecord> row = existing(id);
            CampaignRecord r = row.value();
            CampaignRecord n = new CampaignRecord(r.id(), r.project(), r.name(), r.specJson(), status, r.iterations(),
                    r.createdAt(), t.clock.instant(), r.version() + 1);
            t.campaigns.put(id, new Seq<>(row.seq(), n));
            t.audit(actor, "status", TYPE, id, Map.of("from", r.status().name(), "to", status.name()));
            return n;
        }
    }

    @Override
    public IterationRecord recordIteration(String campaignId, int index, String stateJson) {
        Objects.requireNonNull(stateJson, "stateJson");
        synchronized (t) {
            Seq<CampaignRecord> row = existing(campaignId);
            CampaignRecord r = row.value();
            if (index != r.iterations()) {
                throw new ConflictException("campaign " + campaignId + " expects iteration " + r.iterations()
                        + ", got " + index);
            }
            Instant now = t.clock.instant();
            IterationRecord it = new IterationRecord(campaignId, index, stateJson, now);
            t.iterations.computeIfAbsent(campaignId, k -> new ArrayList<>()).add(it);
            t.campaigns.put(campaignId, new Seq<>(row.seq(), new CampaignRecord(r.id(), r.project(), r.name(),
                    r.specJson(), r.status(), index + 1, r.createdAt(), now, r.version() + 1)));
            t.audit(actor, "iteration", TYPE, campaignId, Map.of("index", Integer.toString(index)));
            return it;
        }
    }

    @Override
    public List<IterationRecord> iterations(String campaignId) {
        synchronized (t) {
            return List.copyOf(t.iterations.getOrDefault(campaignId, List.of()));
        }
    }

    @Override
    public Optional<IterationRecord> latestIteration(String campaignId) {
        List<IterationRecord> all = iterations(campaignId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    @Override
    public ObservationRecord addObservation(String campaignId, NewObservation o) {
        synchronized (t) {
            existing(campaignId);
            ObservationRecord r = new ObservationRecord(StoreIds.newId(), campaignId, o.iteration(), o.candidateJson(),
                    o.values(), o.structureId(), o.jobId(), t.clock.instant());
            t.observations.computeIfAbsent(campaignId, k -> new ArrayList<>()).add(new Seq<>(t.nextSeq(), r));
            t.audit(actor, "observe", TYPE, campaignId, Map.of("observation", r.id()));
            return r;
        }
    }

    @Override
    public Page<ObservationRecord> observations(String campaignId, PageRequest page) {
        synchronized (t) {
            return MemoryPages.page(t.observations.getOrDefault(campaignId, List.of()), o -> true, page);
        }
    }

    @Override
    public Page<CampaignRecord> query(CampaignFilter f, PageRequest page) {
        synchronized (t) {
            return MemoryPages.page(t.campaigns.values(), r -> (f.project().isEmpty() || f.project().equals(r.project()))
                    && (f.statuses().isEmpty() || f.statuses().contains(r.status())), page);
        }
    }
}
