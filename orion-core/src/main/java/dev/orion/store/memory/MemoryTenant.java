package dev.orion.store.memory;

import dev.orion.store.AuditEvent;
import dev.orion.store.CampaignRecord;
import dev.orion.store.IterationRecord;
import dev.orion.store.JobRecord;
import dev.orion.store.LlmCacheEntry;
import dev.orion.store.LlmCacheGenerations;
import dev.orion.store.LlmCallRecord;
import dev.orion.store.ModelRecord;
import dev.orion.store.ObservationRecord;
import dev.orion.store.ProvenanceLink;
import dev.orion.store.StructureRecord;
import dev.orion.store.UsageRecord;
import dev.orion.store.VerdictRecord;
import dev.orion.store.WorkItem;
import dev.orion.store.internal.StoreIds;
import dev.orion.store.internal.TokenBucket;
import dev.orion.tenant.ApiKey;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All data of one tenant. Every access holds the monitor of this object, which makes each store
 * call atomic: a mutation and its audit event are appended together or not at all.
 */
final class MemoryTenant {

    final TenantId tenant;
    final Clock clock;
    private long nextSeq = 1;

    final Map<String, Seq<StructureRecord>> structures = new LinkedHashMap<>();
    final Map<String, Seq<JobRecord>> jobs = new LinkedHashMap<>();
    /** Job id by idempotency key. */
    final Map<String, String> jobKeys = new HashMap<>();
    final Map<String, Seq<CampaignRecord>> campaigns = new LinkedHashMap<>();
    final Map<String, List<IterationRecord>> iterations = new HashMap<>();
    final Map<String, List<Seq<ObservationRecord>>> observations = new HashMap<>();
    final List<Seq<LlmCallRecord>> llmCalls = new ArrayList<>();
    final Map<String, LlmCallRecord> llmCallsById = new HashMap<>();
    final Map<String, LlmCacheEntry> cache = new HashMap<>();
    LlmCacheGenerations cacheGenerations = LlmCacheGenerations.NONE;
    /** Answers of external services by key (ResponseCacheStore). */
    final Map<String, MemoryResponseCacheStore.Cached> responses = new HashMap<>();
    final Map<String, BigDecimal> budgetLimits = new HashMap<>();
    final Map<String, BigDecimal[]> budgetCounters = new HashMap<>();
    final Map<String, MemoryBudgetStore.Held> reservations = new HashMap<>();
    final List<Seq<UsageRecord>> usage = new ArrayList<>();
    final Map<String, TokenBucket> buckets = new HashMap<>();
    final List<Seq<AuditEvent>> audit = new ArrayList<>();
    final Map<String, ApiKey> apiKeys = new LinkedHashMap<>();
    final Map<String, String> apiKeyHashes = new HashMap<>();
    final List<Seq<ProvenanceLink>> provenance = new ArrayList<>();
    /** Versions of each model name, oldest first. */
    final Map<String, List<ModelRecord>> models = new HashMap<>();
    final Map<String, Seq<WorkItem>> workItems = new LinkedHashMap<>();
    final Map<String, String> leaseTokens = new HashMap<>();
    final Map<String, Long> backoffMillis = new HashMap<>();
    final List<Seq<VerdictRecord>> verdicts = new ArrayList<>();
    /** Vector collections by name, entries by id in insertion order. */
    final Map<String, Map<String, dev.orion.store.VectorEntry>> vectors = new HashMap<>();
    final Map<String, Seq<dev.orion.store.ReviewItem>> reviews = new LinkedHashMap<>();
    /** Claim token by review item id. */
    final Map<String, String> reviewTokens = new HashMap<>();
    final Map<String, dev.orion.store.OrchestratorSettings> orchestrators = new java.util.TreeMap<>();
    final Map<String, Long> experimentSignals = new HashMap<>();
    /** The current (or last) lease by campaign id; a released lease is removed but its fence is kept. */
    final Map<String, dev.orion.store.CampaignLease> leases = new HashMap<>();
    final Map<String, Long> fences = new HashMap<>();
    final Map<String, Seq<dev.orion.store.OrchestratorRun>> runs = new LinkedHashMap<>();

    /** Versions of each workflow template, oldest first. */
    final Map<String, List<dev.orion.store.WorkflowTemplateRecord>> templates = new HashMap<>();
    /** Recorded template runs by run id. */
    final Map<String, TemplateRun> templateRuns = new HashMap<>();

    /** Workflow runs by run id (WorkflowRunStore). */
    final Map<String, Seq<dev.orion.store.WorkflowRunRecord>> workflowRuns = new LinkedHashMap<>();
    /** Step records of each workflow run, by step id and item (-1 for the whole step), in first-recorded order. */
    final Map<String, Map<String, dev.orion.store.WorkflowStepRecord>> workflowSteps = new HashMap<>();

    /** One recorded run of a workflow template. */
    record TemplateRun(String name, boolean succeeded) {
    }

    MemoryTenant(TenantId tenant, Clock clock) {
        this.tenant = tenant;
        this.clock = clock;
    }

    long nextSeq() {
        return nextSeq++;
    }

    AuditEvent audit(Principal actor, String action, String type, String id, Map<String, String> details) {
        AuditEvent e = new AuditEvent(StoreIds.newId(), tenant, actor, action, type, id, clock.instant(), details);
        audit.add(new Seq<>(nextSeq(), e));
        return e;
    }
}
