package dev.orion.samples.workflow;

import dev.orion.core.Orion;
import dev.orion.core.Stores;
import dev.orion.core.workflow.WorkflowDraft;
import dev.orion.core.workflow.WorkflowDraftException;
import dev.orion.core.workflow.WorkflowDrafter;
import dev.orion.llm.provider.ProviderSettings;
import dev.orion.llm.provider.Providers;
import dev.orion.llm.router.LlmRetryPolicy;
import dev.orion.llm.router.LlmRouter;
import dev.orion.llm.router.ModelRoute;
import dev.orion.llm.router.Profile;
import dev.orion.llm.router.budget.BudgetLimit;
import dev.orion.store.OrionStores;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A workflow written by a model: a request in words goes to an OpenAI-compatible model through the ORION router,
 * the validator's errors go back for repair, and the valid draft is printed for a person to approve.
 *
 * <pre>
 * ORION_LLM_BASE_URL=https://api.openai.com/v1 ORION_LLM_API_KEY=... ORION_LLM_MODEL=gpt-4o-mini \
 *   java ... dev.orion.samples.workflow.WorkflowDraftSample "bulk modulus of fcc Cu, Ni and Al with EAM potentials"
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
        if (args.length != 1) {
            System.err.println("usage: WorkflowDraftSample \"what the workflow should do\"");
            System.exit(2);
        }
        OrionStores stores = Stores.embedded(Path.of("orion-data"));
        try (Orion orion = Orion.builder().store(stores).chatModel(router(System.getenv(), stores)).build()) {
            WorkflowDraft draft = drafter(orion).draft(args[0]);
            System.out.println(draft.text());
            System.err.printf("draft %s: valid after %d attempt(s), $%s; review it, then run it with scripts/workflow run%n",
                    draft.draftId(), draft.attempts(), draft.costUsd().toPlainString());
        } catch (WorkflowDraftException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
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
