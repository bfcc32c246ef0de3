package dev.orion.store.jdbc;

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

final class JdbcTenantStores implements TenantStores {

    private final View v;
    private final PgVector pgvector;

    JdbcTenantStores(View v, PgVector pgvector) {
        this.v = v;
        this.pgvector = pgvector;
    }

    @Override public TenantId tenant() { return v.tenant(); }
    @Override public Principal actor() { return v.actor(); }
    @Override public StructureStore structures() { return new JdbcStructureStore(v); }
    @Override public JobStore jobs() { return new JdbcJobStore(v); }
    @Override public CampaignStore campaigns() { return new JdbcCampaignStore(v); }
    @Override public LlmCallStore llmCalls() { return new JdbcLlmCallStore(v); }
    @Override public LlmCacheStore llmCache() { return new JdbcLlmCacheStore(v); }
    @Override public ResponseCacheStore responseCache() { return new JdbcResponseCacheStore(v); }
    @Override public BudgetStore budgets() { return new JdbcBudgetStore(v); }
    @Override public UsageStore usage() { return new JdbcUsageStore(v); }
    @Override public RateLimiterStore rateLimits() { return new JdbcRateLimiterStore(v); }
    @Override public AuditStore audit() { return new JdbcAuditStore(v); }
    @Override public ApiKeyStore apiKeys() { return new JdbcApiKeyStore(v); }
    @Override public ModelStore models() { return new JdbcModelStore(v); }
    @Override public ProvenanceStore provenance() { return new JdbcProvenanceStore(v); }
    @Override public WorkQueue workQueue() { return new JdbcWorkQueue(v); }
    @Override public VerdictStore verdicts() { return new JdbcVerdictStore(v); }
    @Override public WorkflowTemplateStore workflowTemplates() { return new JdbcWorkflowTemplateStore(v); }
    @Override public WorkflowRunStore workflowRuns() { return new JdbcWorkflowRunStore(v); }
    @Override public VectorIndex vectors() { return new JdbcVectorIndex(v, pgvector); }
    @Override public ReviewStore reviews() { return new JdbcReviewStore(v); }
    @Override public OrchestratorStore orchestration() { return new JdbcOrchestratorStore(v); }

    @Override
    public String toString() {
        return "TenantStores[jdbc, tenant=" + v.tenant() + ", actor=" + v.actor() + "]";
    }
}
