package dev.orion.store.memory;

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
import dev.orion.tenant.Principal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

final class MemoryJobStore implements JobStore {

    private static final String TYPE = "job";
    private final MemoryTenant t;
    private final Principal actor;

    MemoryJobStore(MemoryTenant t, Principal actor) {
        this.t = t;
        this.actor = actor;
    }

    @Override
    public JobCreation createIfAbsent(NewJob j) {
        Objects.requireNonNull(j, "job");
        synchronized (t) {
            Optional<JobRecord> existing = j.idempotencyKey().flatMap(this::byKey);
            if (existing.isPresent()) {
                return new JobCreation(existing.get(), false);
            }
            Instant now = t.clock.instant();
            JobRecord r = new JobRecord(StoreIds.newId(), j.project(), j.engine(), j.executor(), j.inputJson(),
                    j.structureId(), j.idempotencyKey(), JobStatus.SUBMITTED, Optional.empty(), Optional.empty(),
                    Optional.empty(), now, now, Optional.empty(), Optional.empty(), 1);
            t.jobs.put(r.id(), new Seq<>(t.nextSeq(), r));
            j.idempotencyKey().ifPresent(k -> t.jobKeys.put(k, r.id()));
            t.audit(actor, "create", TYPE, r.id(), Map.of("engine", r.engine()));
            return new JobCreation(r, true);
        }
    }

    @Override
    public Optional<JobRecord> findByIdempotencyKey(String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        synchronized (t) {
            return byKey(idempotencyKey);
        }
    }

    private Optional<JobRecord> byKey(String key) {
        return Optional.ofNullable(t.jobKeys.get(key)).map(t.jobs::get).map(Seq::value);
    }

    @Override
    public Optional<JobRecord> find(String id) {
        synchronized (t) {
            return Optional.ofNullable(t.jobs.get(id)).map(Seq::value);
        }
    }

    @Override
    public JobRecord transition(String id, JobTransition tr) {
        synchronized (t) {
            Seq<JobRecord> row = t.jobs.get(id);
            if (row == null) {
                throw new NotFoundException(TYPE, id);
            }
            JobRecord r = row.value();
            if (r.status() != tr.from()) {
                throw new ConflictException("job " + id + " is " + r.status() + ", not " + tr.from());
            }
            Instant now = t.clock.instant();
            JobRecord n = new JobRecord(r.id(), r.project(), r.engine(), r.executor(), r.inputJson(), r.structureId(),
                    r.idempotencyKey(), tr.to(), tr.externalId().or(r::externalId), tr.resultJson().or(r::resultJson),
                    tr.error().or(r::error), r.createdAt(), now,
                    tr.to() == JobStatus.RUNNING ? Optional.of(now) : r.startedAt(),
                    tr.to().isTerminal() ? Optional.of(now) : r.finishedAt(), r.version() + 1);
            t.jobs.put(id, new Seq<>(row.seq(), n));
            t.audit(actor, "transition", TYPE, id, Map.of("from", tr.from().name(), "to", tr.to().name()));
            return n;
        }
    }

    @Override
    public Page<JobRecord> query(JobFilter filter, PageRequest page) {
        synchronized (t) {
            return MemoryPages.page(t.jobs.values(), r -> matches(filter, r), page);
        }
    }

    @Override
    public long count(JobFilter filter) {
        synchronized (t) {
            return t.jobs.values().stream().filter(r -> matches(filter, r.value())).count();
        }
    }

    private static boolean matches(JobFilter f, JobRecord r) {
        return (f.project().isEmpty() || f.project().equals(r.project()))
                && (f.statuses().isEmpty() || f.statuses().contains(r.status()))
                && (f.engine().isEmpty() || f.engine().get().equals(r.engine()));
    }
}
