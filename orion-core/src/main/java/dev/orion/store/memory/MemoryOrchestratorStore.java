package dev.orion.store.memory;

import dev.orion.store.CampaignLease;
import dev.orion.store.ConflictException;
import dev.orion.store.NotFoundException;
import dev.orion.store.OrchestratorRun;
import dev.orion.store.OrchestratorRunStatus;
import dev.orion.store.OrchestratorSettings;
import dev.orion.store.OrchestratorStats;
import dev.orion.store.OrchestratorStore;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.StoreArguments;
import dev.orion.store.internal.ClaimRules;
import dev.orion.store.internal.StoreIds;
import dev.orion.tenant.Principal;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

final class MemoryOrchestratorStore implements OrchestratorStore {

    private final MemoryTenant t;
    private final Principal actor;

    MemoryOrchestratorStore(MemoryTenant t, Principal actor) {
        this.t = t;
        this.actor = actor;
    }

    @Override
    public OrchestratorSettings save(OrchestratorSettings s) {
        Objects.requireNonNull(s, "settings");
        synchronized (t) {
            if (!t.campaigns.containsKey(s.campaignId())) {
                throw new NotFoundException("campaign", s.campaignId());
            }
            t.orchestrators.put(s.campaignId(), s);
            t.experimentSignals.putIfAbsent(s.campaignId(), 0L);
            t.audit(actor, "configure", ClaimRules.ORCHESTRATOR, s.campaignId(), Map.of("mode", s.mode().name(),
                    "active", Boolean.toString(s.active())));
            return s;
        }
    }

    @Override
    public Optional<OrchestratorSettings> find(String campaignId) {
        Objects.requireNonNull(campaignId, "campaignId");
        synchronized (t) {
            return Optional.ofNullable(t.orchestrators.get(campaignId));
        }
    }

    @Override
    public List<OrchestratorSettings> list(boolean activeOnly) {
        synchronized (t) {
            return t.orchestrators.values().stream().filter(s -> !activeOnly || s.active()).toList();
        }
    }

    private OrchestratorSettings existing(String campaignId) {
        OrchestratorSettings s = t.orchestrators.get(campaignId);
        if (s == null) {
            throw new NotFoundException(ClaimRules.ORCHESTRATOR, campaignId);
        }
        return s;
    }

    @Override
    public OrchestratorSettings setActive(String campaignId, boolean active) {
        Objects.requireNonNull(campaignId, "campaignId");
        synchronized (t) {
            OrchestratorSettings s = existing(campaignId).withActive(active);
            t.orchestrators.put(campaignId, s);
            t.audit(actor, active ? "activate" : "deactivate", ClaimRules.ORCHESTRATOR, campaignId, Map.of());
            return s;
        }
    }

    @Override
    public long signalExperiment(String campaignId) {
        Objects.requireNonNull(campaignId, "campaignId");
        synchronized (t) {
            existing(campaignId);
            return t.experimentSignals.merge(campaignId, 1L, Long::sum);
        }
    }

    @Override
    public long experimentSignals(String campaignId) {
        Objects.requireNonNull(campaignId, "campaignId");
        synchronized (t) {
            return t.experimentSignals.getOrDefault(campaignId, 0L);
        }
    }

    @Override
    public Optional<CampaignLease> acquire(String campaignId, String owner, Duration ttl) {
        StoreArguments.text("campaignId", campaignId, 100);
        ClaimRules.who("owner", owner);
        ClaimRules.ttl(ttl, ClaimRules.MAX_LEASE);
        synchronized (t) {
            Instant now = t.clock.instant();
            CampaignLease current = t.leases.get(campaignId);
            if (current != null && current.expiresAt().isAfter(now)) {
                return Optional.empty();
            }
            long fence = t.fences.getOrDefault(campaignId, 0L) + 1;
            CampaignLease lease = new CampaignLease(campaignId, owner, StoreIds.newId(), fence, now.plus(ttl));
            t.leases.put(campaignId, lease);
            t.fences.put(campaignId, fence);
            if (current != null) {
                t.audit(actor, "take-over", ClaimRules.ORCHESTRATOR, campaignId, Map.of("from", current.owner(), "to", owner));
            }
            return Optional.of(lease);
        }
    }

    private boolean held(CampaignLease lease, Instant now) {
        CampaignLease current = t.leases.get(lease.campaignId());
        return current != null && current.token().equals(lease.token()) && current.fence() == lease.fence()
                && current.expiresAt().isAfter(now);
    }

    @Override
    public Optional<CampaignLease> renew(CampaignLease lease, Duration ttl) {
        Objects.requireNonNull(lease, "lease");
        ClaimRules.ttl(ttl, ClaimRules.MAX_LEASE);
        synchronized (t) {
            Instant now = t.clock.instant();
            if (!held(lease, now)) {
                return Optional.empty();
            }
            CampaignLease renewed = new CampaignLease(lease.campaignId(), lease.owner(), lease.token(), lease.fence(), now.plus(ttl));
            t.leases.put(lease.campaignId(), renewed);
            return Optional.of(renewed);
        }
    }

    @Override
    public boolean release(CampaignLease lease) {
        Objects.requireNonNull(lease, "lease");
        synchronized (t) {
            CampaignLease current = t.leases.get(lease.campaignId());
            if (current == null || !current.token().equals(lease.token()) || current.fence() != lease.fence()) {
                return false;
            }
            t.leases.remove(lease.campaignId());
            return true;
        }
    }

    private void requireHeld(CampaignLease lease, Instant now) {
        if (!held(lease, now)) {
            throw new ConflictException("the lease of campaign " + lease.campaignId() + " with fence " + lease.fence()
                    + " is lost or expired; another orchestrator may hold it");
        }
    }

    @Override
    public OrchestratorRun startRun(CampaignLease lease, String trigger, long observationsSeen, long signalsSeen) {
        Objects.requireNonNull(lease, "lease");
        StoreArguments.text("trigger", trigger, 100);
        synchronized (t) {
            Instant now = t.clock.instant();
            requireHeld(lease, now);
            int abandoned = 0;
            for (Seq<OrchestratorRun> row : List.copyOf(t.runs.values())) {
                OrchestratorRun r = row.value();
                if (r.campaignId().equals(lease.campaignId()) && r.status() == OrchestratorRunStatus.RUNNING && r.fence() < lease.fence()) {
                    t.runs.put(r.id(), new Seq<>(row.seq(), new OrchestratorRun(r.id(), r.campaignId(), r.owner(), r.fence(), r.trigger(),
                            OrchestratorRunStatus.ABANDONED, r.startedAt(), Optional.of(now), r.observationsSeen(), r.signalsSeen(),
                            Optional.empty())));
                    abandoned++;
                }
            }
            OrchestratorRun r = new OrchestratorRun(StoreIds.newId(), lease.campaignId(), lease.owner(), lease.fence(), trigger,
                    OrchestratorRunStatus.RUNNING, now, Optional.empty(), observationsSeen, signalsSeen, Optional.empty());
            t.runs.put(r.id(), new Seq<>(t.nextSeq(), r));
            t.audit(actor, "start-run", ClaimRules.ORCHESTRATOR, lease.campaignId(), Map.of("run", r.id(), "trigger", trigger,
                    "fence", Long.toString(lease.fence()), "abandoned", Integer.toString(abandoned)));
            return r;
        }
    }

    @Override
    public OrchestratorRun finishRun(CampaignLease lease, String runId, OrchestratorRun.StepRecord result) {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(result, "result");
        synchronized (t) {
            Instant now = t.clock.instant();
            requireHeld(lease, now);
            Seq<OrchestratorRun> row = t.runs.get(runId);
            if (row == null) {
                throw new NotFoundException("orchestrator-run", runId);
            }
            OrchestratorRun r = row.value();
            if (r.status() != OrchestratorRunStatus.RUNNING || r.fence() != lease.fence()) {
                throw new ConflictException("orchestrator run " + runId + " is " + r.status() + " under fence " + r.fence()
                        + ", not running under fence " + lease.fence());
            }
            OrchestratorRun done = new OrchestratorRun(r.id(), r.campaignId(), r.owner(), r.fence(), r.trigger(),
                    result.error().isPresent() ? OrchestratorRunStatus.FAILED : OrchestratorRunStatus.SUCCEEDED, r.startedAt(),
                    Optional.of(now), r.observationsSeen(), r.signalsSeen(), Optional.of(result));
            t.runs.put(runId, new Seq<>(row.seq(), done));
            t.audit(actor, "finish-run", ClaimRules.ORCHESTRATOR, lease.campaignId(), ClaimRules.stepDetails(result));
            return done;
        }
    }

    @Override
    public Page<OrchestratorRun> runs(String campaignId, PageRequest page) {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(page, "page");
        synchronized (t) {
            return MemoryPages.page(t.runs.values(), r -> r.campaignId().equals(campaignId), page);
        }
    }

    @Override
    public Optional<OrchestratorRun> lastRun(String campaignId) {
        return runs(campaignId, PageRequest.first(1).newestFirst()).items().stream().findFirst();
    }

    @Override
    public OrchestratorStats stats(String campaignId) {
        Objects.requireNonNull(campaignId, "campaignId");
        synchronized (t) {
            long runs = 0, succeeded = 0, failed = 0, abandoned = 0, iterations = 0, evaluations = 0, improvements = 0;
            BigDecimal cost = BigDecimal.ZERO;
            Optional<Instant> last = Optional.empty();
            for (Seq<OrchestratorRun> row : t.runs.values()) {
                OrchestratorRun r = row.value();
                if (!r.campaignId().equals(campaignId)) {
                    continue;
                }
                runs++;
                succeeded += r.status() == OrchestratorRunStatus.SUCCEEDED ? 1 : 0;
                failed += r.status() == OrchestratorRunStatus.FAILED ? 1 : 0;
                abandoned += r.status() == OrchestratorRunStatus.ABANDONED ? 1 : 0;
                if (r.result().isPresent()) {
                    OrchestratorRun.StepRecord s = r.result().get();
                    iterations += s.iterations();
                    evaluations += s.evaluations();
                    cost = cost.add(s.cost());
                    improvements += s.improved() ? 1 : 0;
                }
                last = last.isEmpty() || r.startedAt().isAfter(last.get()) ? Optional.of(r.startedAt()) : last;
            }
            return new OrchestratorStats(runs, succeeded, failed, abandoned, iterations, evaluations, cost.stripTrailingZeros(),
                    improvements, last);
        }
    }
}
