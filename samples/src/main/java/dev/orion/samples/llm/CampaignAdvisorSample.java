package dev.orion.samples.llm;

import dev.orion.core.Orion;
import dev.orion.core.Stores;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.ResponseFormat;
import dev.orion.llm.TenantChat;
import dev.orion.llm.provider.ProviderSettings;
import dev.orion.llm.provider.Providers;
import dev.orion.llm.router.CachePolicy;
import dev.orion.llm.router.LlmRetryPolicy;
import dev.orion.llm.router.LlmRouter;
import dev.orion.llm.router.ModelRoute;
import dev.orion.llm.router.Profile;
import dev.orion.llm.router.budget.BudgetLimit;
import dev.orion.llm.router.log.CallLogExport;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.OrionStores;
import dev.orion.tenant.Principal;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Asks an LLM which candidate of a (toy) battery-cathode campaign to simulate next, through a router
 * profile with a primary and a fallback model, a cache, a cost cap and a daily budget. The router keeps
 * its call log, cached answers and budget in ORION's embedded store (an H2 file in
 * {@code ORION_DATA_DIR}, default {@code orion-data}), so a second run is answered from the cache and
 * counts against the same daily budget. The calls go through the tenant view of an {@link Orion}
 * ({@code orion.tenant(demo).llm()}), which bills them to that tenant and records their feature.
 *
 * <p>Point it at any OpenAI-compatible endpoint (OpenAI, OpenRouter, vLLM, llama.cpp server, LiteLLM,
 * Ollama's {@code /v1}) with environment variables:
 * <pre>
 * ORION_LLM_BASE_URL=https://api.openai.com/v1   (required)
 * ORION_LLM_API_KEY=sk-...                        (if the endpoint needs one)
 * ORION_LLM_MODEL=gpt-4o-mini                     (primary model id)
 * ORION_LLM_FALLBACK_MODEL=gpt-4.1-mini           (fallback model id, same endpoint; defaults to the primary)
 * ORION_LLM_FALLBACK_BASE_URL=...                 (optional: the fallback on another endpoint)
 * ORION_DATA_DIR=orion-data                       (optional: where the embedded store lives)
 * </pre>
 * Run with {@code java -cp <samples classpath> dev.orion.samples.llm.CampaignAdvisorSample}.
 */
public final class CampaignAdvisorSample {

    /** The tenant the sample acts for. */
    static final TenantId DEMO = TenantId.of("demo");

    /** The feature recorded with every call of the sample. */
    static final String FEATURE = "campaign-advisor";

    /** A candidate the campaign could simulate next, with the surrogate's prediction. */
    record Candidate(String formula, double predictedVoltage, double uncertainty) {
    }

    static final List<Candidate> CANDIDATES = List.of(
            new Candidate("LiNi0.8Mn0.1Co0.1O2", 3.80, 0.05),
            new Candidate("LiFe0.5Mn0.5PO4", 3.75, 0.20),
            new Candidate("Li2MnSiO4", 3.10, 0.45),
            new Candidate("LiCoPO4", 4.70, 0.30));

    private CampaignAdvisorSample() {
    }

    /**
     * Builds the router for an endpoint, with its state in {@code stores}.
     *
     * @param env    the environment (variables as above)
     * @param stores where call records, cached answers, budgets and rate limits are kept
     * @return the router
     */
    static LlmRouter router(Map<String, String> env, OrionStores stores) {
        String baseUrl = required(env, "ORION_LLM_BASE_URL");
        String primaryModel = env.getOrDefault("ORION_LLM_MODEL", "gpt-4o-mini");
        String fallbackModel = env.getOrDefault("ORION_LLM_FALLBACK_MODEL", primaryModel);
        ChatModel primary = Providers.openAiCompatible(settings(baseUrl, env));
        ChatModel fallback = Providers.openAiCompatible(settings(env.getOrDefault("ORION_LLM_FALLBACK_BASE_URL", baseUrl), env));
        Profile advisor = Profile.builder("campaign-advisor")
                .models(List.of("primary", "fallback"))
                .temperature(0.0).maxTokens(400)
                .retry(new LlmRetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(30)))
                .cache(CachePolicy.ttl(Duration.ofHours(6)))
                .maxCostPerRequest(new BigDecimal("0.05"))
                .budget(BudgetLimit.of(BudgetLimit.Scope.TENANT, BudgetLimit.Period.DAY, "2.00"))
                .build();
        return LlmRouter.builder()
                .model(new ModelRoute("primary", "openai-compatible", primaryModel, primary, 128_000))
                .model(new ModelRoute("fallback", "openai-compatible", fallbackModel, fallback, 128_000))
                .profile(advisor)
                .stores(stores)
                .build();
    }

    /**
     * The tenant's model as the campaign advisor uses it: its calls are for the cathode project's run 12,
     * recorded under the advisor feature, and cached under the advisor's system prompt version.
     *
     * @param orion the ORION instance, built with the router as its chat model
     * @return the tenant-bound model
     */
    static TenantChat advisor(Orion orion) {
        return orion.tenant(DEMO).llm().feature(FEATURE).project(ProjectId.of("cathodes")).run("iteration-12")
                .with(c -> c.systemPromptVersion("advisor-v1"));
    }

    /**
     * The campaign-style request: the candidates with their predictions, asking for the next one to
     * simulate as JSON.
     *
     * @param candidates the candidates
     * @return the request
     */
    static ChatRequest request(List<Candidate> candidates) {
        StringBuilder table = new StringBuilder("formula | predicted voltage (V) | uncertainty (V)\n");
        for (Candidate c : candidates) {
            table.append(String.format(Locale.ROOT, "%s | %.2f | %.2f%n", c.formula(), c.predictedVoltage(), c.uncertainty()));
        }
        return ChatRequest.builder()
                .profile("campaign-advisor")
                .system("You advise an active-learning campaign searching for high-voltage, stable Li-ion cathodes. "
                        + "Balance exploitation (high predicted voltage) against exploration (high uncertainty).")
                .user("Candidates and surrogate predictions:\n" + table
                        + "Which one should we simulate next with DFT? Answer as JSON: "
                        + "{\"formula\": ..., \"reason\": ...}")
                .responseFormat(ResponseFormat.json())
                .build();
    }

    /**
     * Runs the sample.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        Path data = Path.of(System.getenv().getOrDefault("ORION_DATA_DIR", "orion-data"));
        OrionStores stores = Stores.embedded(data);
        LlmRouter router = router(System.getenv(), stores);
        // ORION owns both: it closes the router first (flushing its call log), then the store
        try (Orion orion = Orion.builder().store(stores).chatModel(router).build()) {
            TenantChat advisor = advisor(orion);
            ChatResponse first = advisor.chat(request(CANDIDATES));
            ChatResponse again = advisor.chat(request(CANDIDATES));
            System.out.println("advice:        " + first.text());
            System.out.println("models tried:  " + first.modelsTried());
            System.out.println("tokens:        " + first.usage().inputTokens() + " in, " + first.usage().outputTokens() + " out");
            System.out.println("cost:          $" + first.costUsd().toPlainString());
            System.out.println("second call:   cache hit = " + again.cacheHit() + ", cost $" + again.costUsd().toPlainString());
            router.flushCallLog(Duration.ofSeconds(5));
            StringWriter csv = new StringWriter();
            CallLogExport.csv(router.callLog(), DEMO, LlmCallFilter.all().withFeature(FEATURE), new PrintWriter(csv));
            System.out.println("call log (CSV):");
            System.out.print(csv);
            long stored = stores.tenant(DEMO, Principal.system("sample")).llmCalls().count(LlmCallFilter.all());
            System.out.println("calls stored in " + data.toAbsolutePath() + " over all runs: " + stored);
        }
    }

    private static ProviderSettings settings(String baseUrl, Map<String, String> env) {
        ProviderSettings.Builder b = ProviderSettings.builder().baseUrl(baseUrl)
                .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(60)).callTimeout(Duration.ofSeconds(120));
        String key = env.get("ORION_LLM_API_KEY");
        if (key != null && !key.isBlank()) {
            b.apiKey(key);
        }
        return b.build();
    }

    private static String required(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("set " + name + " to an OpenAI-compatible base URL, e.g. https://api.openai.com/v1");
        }
        return v;
    }
}
