package dev.orion.core;

import dev.orion.core.jobs.JobService;
import dev.orion.llm.CallContext;
import dev.orion.llm.TenantChat;
import dev.orion.llm.TenantEmbeddings;
import dev.orion.store.ApiKeyStore;
import dev.orion.store.AuditStore;
import dev.orion.store.CampaignStore;
import dev.orion.store.LlmCallHistory;
import dev.orion.store.ModelStore;
import dev.orion.store.OrchestratorStore;
import dev.orion.store.ProvenanceStore;
import dev.orion.store.ResponseCacheStore;
import dev.orion.store.ReviewStore;
import dev.orion.store.StructureStore;
import dev.orion.store.TenantStores;
import dev.orion.store.UsageHistory;
import dev.orion.store.VerdictStore;
import dev.orion.store.WorkflowRunStore;
import dev.orion.store.WorkflowTemplateStore;
import dev.orion.store.VectorIndex;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.util.Objects;

/**
 * One tenant's view of an {@link Orion} instance, acting as one principal: everything an application
 * does with the tenant's data goes through it. Views are cheap; get one from
 * {@link Orion#tenant(TenantId)} whenever needed.
 *
 * <pre>{@code
 * OrionTenant acme = orion.tenant(TenantId.of("acme"));
 * acme.structures().save("Cu fcc", Structures.read(Path.of("Cu.cif")));
 * JobRecord job = acme.jobs().submit(JobRequest.of(relax, "orion-eam"));
 * }</pre>
 *
 * <p>The view hands out the application's side only. Jobs are submitted, read, awaited and cancelled
 * through the {@link JobService}, which keeps their lifecycle consistent (the raw job store's state
 * transitions, the work queue, the LLM cache, budgets and rate limits are the machinery of the job
 * service and the LLM router, not of the application). LLM call records and usage are read-only
 * here: the components that spend write them. Implementers of such components take the
 * {@link dev.orion.store.OrionStores} SPI from {@link Orion#stores()}.
 */
public final class OrionTenant {

    private final Orion orion;
    private final TenantStores stores;

    OrionTenant(Orion orion, TenantStores stores) {
        this.orion = Objects.requireNonNull(orion, "orion");
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    /** @return the tenant this view is bound to */
    public TenantId tenant() {
        return stores.tenant();
    }

    /** @return who acts through this view (named in audit events) */
    public Principal actor() {
        return stores.actor();
    }

    /** @return the tenant's crystal structures and molecules with metadata, tags and computed properties */
    public StructureStore structures() {
        return stores.structures();
    }

    /** @return the tenant's design campaigns with their iterations and observations */
    public CampaignStore campaigns() {
        return stores.campaigns();
    }

    /** @return the tenant's model registry: every fitted surrogate by name and version, reloadable */
    public ModelStore models() {
        return stores.models();
    }

    /**
     * @return the tenant's review queue store: flagged candidates and outputs, claims and labels (applications
     *         usually go through {@link dev.orion.core.review.ReviewQueue}, which feeds labels back into campaigns)
     */
    public ReviewStore reviews() {
        return stores.reviews();
    }

    /**
     * @return the orchestrator's state of the tenant: settings per campaign, activation, run history and
     *         statistics (the leases in it are taken by {@link dev.orion.core.orchestrator.Orchestrator})
     */
    public OrchestratorStore orchestration() {
        return stores.orchestration();
    }

    /** @return provenance links between the tenant's resources (which job made which structure, ...) */
    public ProvenanceStore provenance() {
        return stores.provenance();
    }

    /** @return the tenant's audit log: queries, statistics, exports, and application-defined events */
    public AuditStore audit() {
        return stores.audit();
    }

    /** @return the verdicts of checks on the tenant's agent outputs, proposals and results, per evaluation */
    public VerdictStore verdicts() {
        return stores.verdicts();
    }

    /** @return the tenant's workflow templates: versioned history, diffs, search and run counts */
    public WorkflowTemplateStore workflowTemplates() {
        return stores.workflowTemplates();
    }

    /**
     * @return the tenant's workflow runs: each run's inputs, state, outputs and cost, with the result of every step (and
     *         fan-out item); written by {@link dev.orion.core.workflow.WorkflowRunner} as a run goes, read here (list by
     *         workflow and state, get by run id)
     */
    public WorkflowRunStore workflowRuns() {
        return stores.workflowRuns();
    }

    /** @return the tenant's API keys: issue, list, revoke */
    public ApiKeyStore apiKeys() {
        return stores.apiKeys();
    }

    /**
     * @return the tenant's vector collections (structure fingerprints, text embeddings) with nearest-neighbour
     *         search; wrap a collection of structure fingerprints as a
     *         {@link dev.orion.core.similarity.VectorSimilarityIndex} to search by structure
     */
    public VectorIndex vectors() {
        return stores.vectors();
    }

    /**
     * @return the tenant's persistent cache of answers from external services; give it to
     *         {@link dev.orion.data.mp.MaterialsProjectClient.Builder#responseStore} so that repeated
     *         Materials Project queries survive a restart
     */
    public ResponseCacheStore responseCache() {
        return stores.responseCache();
    }

    /** @return the tenant's metered usage (LLM tokens and cost, compute), read-only */
    public UsageHistory usage() {
        return stores.usage();
    }

    /** @return one record per LLM call made for the tenant, read-only */
    public LlmCallHistory llmCalls() {
        return stores.llmCalls();
    }

    /**
     * Returns the tenant's job service, built from the engines, executors and work root of the
     * {@link Orion.Builder} and started on first use. It is one per tenant (all views of the tenant share
     * it, whatever their actor), acts as the builder's default actor, and is shut down by
     * {@link Orion#close()}.
     *
     * @return the started job service
     * @throws IllegalStateException if ORION was built without an engine, or is closed
     */
    public JobService jobs() {
        return orion.jobs(stores.tenant());
    }

    /**
     * Returns the tenant's chat model: the {@link Orion.Builder#chatModel chat model} of the builder (usually
     * an orion-llm router) bound to {@link #tenant()}, so every call through it is billed to, rate-limited for
     * and recorded under this tenant; derive views that say what the calls are for with
     * {@link TenantChat#feature}, {@link TenantChat#project} or {@link TenantChat#run}. No method of it can
     * name another tenant.
     *
     * @return the tenant-bound chat model
     * @throws IllegalStateException if ORION was built without a chat model
     */
    public TenantChat llm() {
        return TenantChat.bind(orion.chatModel(), CallContext.of(stores.tenant()));
    }

    /**
     * Returns the tenant's embedding model: the builder's {@link Orion.Builder#embeddingModel embedding model}
     * (or its chat model, when that embeds too, as the orion-llm router does) bound to {@link #tenant()}, using
     * profile {@value TenantEmbeddings#DEFAULT_PROFILE} until {@link TenantEmbeddings#profile} names another.
     * Every call is billed to, cached for and recorded under this tenant.
     *
     * @return the tenant-bound embedding model
     * @throws IllegalStateException if ORION was built with no model that embeds
     */
    public TenantEmbeddings embeddings() {
        return TenantEmbeddings.bind(orion.embeddingModel(), CallContext.of(stores.tenant()));
    }

    @Override
    public String toString() {
        return "OrionTenant[" + stores.tenant().value() + " as " + stores.actor() + "]";
    }
}
