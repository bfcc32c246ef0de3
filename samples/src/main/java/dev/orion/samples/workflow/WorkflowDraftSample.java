package dev.orion.samples.workflow;

import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.workflow.Workflow;
import dev.orion.core.workflow.WorkflowDraft;
import dev.orion.core.workflow.WorkflowDraftException;
import dev.orion.core.workflow.WorkflowDrafter;
import dev.orion.core.workflow.WorkflowLoader;
import dev.orion.core.workflow.WorkflowRun;
import dev.orion.core.workflow.WorkflowRunner;
import dev.orion.engines.eam.EamEngine;
import dev.orion.llm.provider.ProviderSettings;
import dev.orion.llm.provider.Providers;
import dev.orion.llm.router.LlmRetryPolicy;
import dev.orion.llm.router.LlmRouter;
import dev.orion.llm.router.ModelRoute;
import dev.orion.llm.router.Profile;
import dev.orion.llm.router.budget.BudgetLimit;
import dev.orion.store.OrionStores;
import dev.orion.store.PageRequest;
import dev.orion.store.WorkflowRunFilter;
import dev.orion.store.WorkflowRunRecord;
import dev.orion.store.WorkflowTemplateVersion;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A workflow written by a model: a request in words goes to an OpenAI-compatible model through the ORION router,
 * the validator's errors go back for repair, and the valid draft is stored in the template store awaiting a person's
 * approval, and printed. With {@code --approve-and-run} the person at the terminal approves it, it runs from the store
 * (only approved versions run), and the runs of the workflow are listed from the run store.
 *
 * <pre>
 * ORION_LLM_BASE_URL=https://api.openai.com/v1 ORION_LLM_API_KEY=... ORION_LLM_MODEL=gpt-4o-mini \
 *   java ... dev.orion.samples.workflow.WorkflowDraftSample "bulk modulus of fcc Cu, Ni and Al with EAM potentials" [--approve-and-run]
 * </pre>
 */
public final class WorkflowDraftSample {

    static final TenantId DEMO = TenantId.of("demo");
    static final String PROFILE = "workflow-writer";

    private WorkflowDraftSample() {
    }

    /**
     * @param args the request, in words
     * @throws Exception if the store cannot be opened
     */
    public static void main(String[] args) throws Exception {
        boolean approveAndRun = args.length == 2 && args[1].equals("--approve-and-run");
        if (args.length != 1 && !approveAndRun) {
            System.err.println("usage: WorkflowDraftSample \"what the workflow should do\" [--approve-and-run]");
            System.exit(2);
        }
        OrionStores stores = Stores.embedded(Path.of("orion-data"));
        try (Orion orion = Orion.builder().store(stores).chatModel(router(System.getenv(), stores)).engine(EamEngine.builder().build())
                .build()) {
            WorkflowDraft draft = drafter(orion).draft(args[0]);
            System.out.println(draft.text());
            System.err.printf("draft %s: valid after %d attempt(s), $%s; stored as %s, %s%n", draft.draftId(), draft.attempts(),
                    draft.costUsd().toPlainString(), draft.template().id(), draft.template().state());
            if (!approveAndRun) {
                System.err.printf("review it, then: scripts/workflow approve %s %d --store orion-data%n", draft.template().name(),
                        draft.template().version());
                return;
            }
            WorkflowRunRecord run = approveAndRun(orion, draft, Principal.user(System.getProperty("user.name", "reviewer")));
            System.err.printf("run %s of %s: %s, $%s%n", run.runId(), run.workflow(), run.state(), run.llmUsd().toPlainString());
            for (WorkflowRunRecord r : runsOf(orion, draft.workflow().name())) {
                System.err.printf("  %s  %s  %s  started %s%n", r.runId(), r.template().map(WorkflowTemplateVersion::id).orElse("-"),
                        r.state(), r.startedAt());
            }
        } catch (WorkflowDraftException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /**
     * A person approves the draft (named in the template store and the audit log), then the approved version runs from
     * the store.
     */
    static WorkflowRunRecord approveAndRun(Orion orion, WorkflowDraft draft, Principal reviewer) throws InterruptedException {
        OrionTenant asReviewer = orion.tenant(DEMO, reviewer);
        asReviewer.workflowTemplates().approve(draft.template().name(), draft.template().version());
        Workflow approved = WorkflowLoader.standard().loadTemplate(asReviewer.workflowTemplates(), draft.template().name()).orThrow();
        WorkflowRun run = WorkflowRunner.builder(asReviewer).build().run(approved, Map.of());
        return asReviewer.workflowRuns().find(run.runId()).orElseThrow();
    }

    /** The stored runs of a workflow, newest first. */
    static List<WorkflowRunRecord> runsOf(Orion orion, String workflow) {
        return orion.tenant(DEMO).workflowRuns().query(WorkflowRunFilter.all().withWorkflow(workflow), PageRequest.first(20).newestFirst())
                .items();
    }

    static WorkflowDrafter drafter(Orion orion) {
        return WorkflowDrafter.builder(orion.tenant(DEMO)).profile(PROFILE).maxRepairs(2).build();
    }

    static LlmRouter router(Map<String, String> env, OrionStores stores) {
        String baseUrl = env.get("ORION_LLM_BASE_URL");
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("set ORION_LLM_BASE_URL (an OpenAI-compatible endpoint)");
        }
        ProviderSettings.Builder settings = ProviderSettings.builder().baseUrl(baseUrl).readTimeout(Duration.ofSeconds(120));
        String key = env.get("ORION_LLM_API_KEY");
        if (key != null && !key.isBlank()) {
            settings.apiKey(key);
        }
        Profile writer = Profile.builder(PROFILE).models(List.of("writer")).temperature(0.0).maxTokens(2000)
                .retry(new LlmRetryPolicy(1, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(10)))
                .maxCostPerRequest(new BigDecimal("0.20"))
                .budget(BudgetLimit.of(BudgetLimit.Scope.TENANT, BudgetLimit.Period.DAY, "5.00"))
                .build();
        return LlmRouter.builder()
                .model(new ModelRoute("writer", "openai-compatible", env.getOrDefault("ORION_LLM_MODEL", "gpt-4o-mini"),
                        Providers.openAiCompatible(settings.build()), 128_000))
                .profile(writer).stores(stores).build();
    }
}
