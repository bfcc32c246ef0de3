package dev.orion.store.memory;

import dev.orion.store.ApiKeyStore;
import dev.orion.store.AuditStore;
import dev.orion.store.BudgetStore;
import dev.orion.store.CampaignStore;
import dev.orion.store.JobStore;
import dev.orion.store.LlmCacheStore;
import dev.orion.store.LlmCallStore;
import dev.orion.store.ModelStore;
import dev.orion.store.OrchestratorStore;
import dev.orion.store.ResponseCacheStore;
import dev.orion.store.ReviewStore;
import dev.orion.store.ProvenanceStore;
import dev.orion.store.RateLimiterStore;
import dev.orion.store.StructureStore;
import dev.orion.store.TenantStores;
import dev.orion.store.UsageStore;
import dev.orion.store.VerdictStore;
import dev.orion.store.WorkflowRunStore;
import dev.orion.store.WorkflowTemplateStore;
import dev.orion.store.VectorIndex;
import dev.orion.store.WorkQueue;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;

final class MemoryTenantStores implements TenantStores {

    private final MemoryTenant t;
    private final Principal actor;

    MemoryTenantStores(MemoryTenant t, Principal actor) {
        this.t = t;
        this.actor = actor;
    }

    @Override public TenantId tenant() { return t.tenant; }
    @Override public Principal actor() { return actor; }
    @Override public StructureStore structures() { return new MemoryStructureStore(t, actor); }
    @Override public JobStore jobs() { return new MemoryJobStore(t, actor); }
    @Override public CampaignStore campaigns() { return new MemoryCampaignStore(t, actor); }
    @Override public LlmCallStore llmCalls() { return new MemoryLlmCallStore(t); }
    @Override public LlmCacheStore llmCache() { return new MemoryLlmCacheStore(t, actor); }
    @Override public ResponseCacheStore responseCache() { return new MemoryResponseCacheStore(t); }
    @Override public BudgetStore budgets() { return new MemoryBudgetStore(t, actor); }
    @Override public UsageStore usage() { return new MemoryUsageStore(t); }
    @Override public RateLimiterStore rateLimits() { return new MemoryRateLimiterStore(t, actor); }
    @Override public AuditStore audit() { return new MemoryAuditStore(t, actor); }
    @Override public ApiKeyStore apiKeys() { return new MemoryApiKeyStore(t, actor); }
    @Override public ModelStore models() { return new MemoryModelStore(t, actor); }
    @Override public ProvenanceStore provenance() { return new MemoryProvenanceStore(t, actor); }
    @Override public WorkQueue workQueue() { return new MemoryWorkQueue(t, actor); }
    @Override public VerdictStore verdicts() { return new MemoryVerdictStore(t, actor); }
    @Override public WorkflowTemplateStore workflowTemplates() { return new MemoryWorkflowTemplateStore(t, actor); }
    @Override public WorkflowRunStore workflowRuns() { return new MemoryWorkflowRunStore(t, actor); }
    @Override public VectorIndex vectors() { return new MemoryVectorIndex(t, actor); }
    @Override public ReviewStore reviews() { return new MemoryReviewStore(t, actor); }
    @Override public OrchestratorStore orchestration() { return new MemoryOrchestratorStore(t, actor); }

    @Override
    public String toString() {
        return "TenantStores[memory, tenant=" + t.tenant + ", actor=" + actor + "]";
    }
}
