package dev.orion.store;

import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;

/**
 * One tenant's stores, acting as one principal. There is one getter per aggregate; each store it
 * returns is bound to {@link #tenant()} and cannot see other tenants' rows.
 *
 * <p>This is the SPI for the components that build on the stores (the job service, the LLM router,
 * store implementations and their tests). Applications use orion-core's {@code OrionTenant} view
 * instead, which runs jobs through the job service and leaves out the machinery (raw job
 * transitions, the LLM cache, budgets, rate limits, the work queue).
 */
public interface TenantStores {

    /** @return the tenant this view is bound to */
    TenantId tenant();

    /** @return who acts through this view (named in audit events) */
    Principal actor();

    /** @return crystal structures and molecules with metadata, tags and computed properties */
    StructureStore structures();

    /** @return simulation jobs */
    JobStore jobs();

    /** @return design campaigns with their iterations and observations */
    CampaignStore campaigns();

    /** @return one record per LLM call */
    LlmCallStore llmCalls();

    /** @return the deterministic LLM response cache */
    LlmCacheStore llmCache();

    /** @return the persistent cache of answers from external services (the Materials Project client's pages) */
    ResponseCacheStore responseCache();

    /** @return spending limits with atomic reservations */
    BudgetStore budgets();

    /** @return usage records (LLM tokens and cost, compute core-seconds) and their aggregation */
    UsageStore usage();

    /** @return token-bucket rate limiters whose state lives in the store */
    RateLimiterStore rateLimits();

    /** @return the audit log of this tenant (read, plus application-defined events) */
    AuditStore audit();

    /** @return API keys: issue, list, revoke */
    ApiKeyStore apiKeys();

    /** @return the model registry: every fitted surrogate by name and version */
    ModelStore models();

    /** @return provenance links between resources */
    ProvenanceStore provenance();

    /** @return the durable work queue */
    WorkQueue workQueue();

    /** @return the verdicts of checks on agent outputs, proposals and results */
    VerdictStore verdicts();
    /** @return named collections of vectors (structure fingerprints, text embeddings) with nearest-neighbour search */
    VectorIndex vectors();
    /** @return the review queue: flagged candidates and outputs waiting for an expert */
    ReviewStore reviews();

    /** @return workflow templates with their versioned history, search and run counts */
    WorkflowTemplateStore workflowTemplates();

    /** @return workflow runs with the results and costs of their steps */
    WorkflowRunStore workflowRuns();

    /** @return the orchestrator's settings, campaign leases and run history */
    OrchestratorStore orchestration();
}
