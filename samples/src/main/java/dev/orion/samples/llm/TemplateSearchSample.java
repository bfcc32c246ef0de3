package dev.orion.samples.llm;

import dev.orion.core.Orion;
import dev.orion.core.Stores;
import dev.orion.core.similarity.TextSimilarity;
import dev.orion.llm.provider.ProviderSettings;
import dev.orion.llm.provider.Providers;
import dev.orion.llm.router.CachePolicy;
import dev.orion.llm.router.LlmRouter;
import dev.orion.llm.router.ModelRoute;
import dev.orion.llm.router.Profile;
import dev.orion.llm.router.budget.BudgetLimit;
import dev.orion.store.LlmCall;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.OrionStores;
import dev.orion.store.VectorMatch;
import dev.orion.tenant.TenantId;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the workflow templates most like a sentence: the templates' descriptions are embedded through the
 * router's {@code embeddings} profile (an OpenAI-compatible model, with an Ollama model as fallback when
 * configured; a 30-day cache; a daily budget) and kept in the tenant's vector collection {@code templates};
 * the query is embedded the same way. Everything lives in the embedded store, so a second run re-embeds
 * nothing: the call log shows its embedding calls as cache hits costing $0.
 *
 * <pre>
 * ORION_EMBED_BASE_URL=https://api.openai.com/v1   (required: an OpenAI-compatible endpoint)
 * ORION_EMBED_API_KEY=sk-...                        (if it needs one)
 * ORION_EMBED_MODEL=text-embedding-3-small          (default)
 * ORION_OLLAMA_BASE_URL=http://localhost:11434      (optional fallback; model ORION_OLLAMA_MODEL, default nomic-embed-text)
 * ORION_DATA_DIR=orion-data                         (optional: where the embedded store lives)
 * </pre>
 * Run with {@code java -cp <samples classpath> dev.orion.samples.llm.TemplateSearchSample "band gap of a relaxed oxide"}.
 */
public final class TemplateSearchSample {

    /** The tenant the sample acts for. */
    static final TenantId DEMO = TenantId.of("demo");

    /** The feature every embedding call of the sample is recorded under. */
    static final String FEATURE = "template-search";

    /** Workflow templates by id, with the description that is embedded. */
    static final Map<String, String> TEMPLATES = templates();

    private TemplateSearchSample() {
    }

    private static Map<String, String> templates() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("relax-bands", "Relax the cell with DFT, then compute the electronic band structure and band gap");
        t.put("eos-fit", "Scale the lattice around equilibrium and fit an equation of state for the bulk modulus");
        t.put("elastic", "Strain the relaxed cell and fit the elastic constants");
        t.put("md-melt", "Heat the crystal in molecular dynamics until it melts and record the melting temperature");
        t.put("vacancy", "Remove one atom from a supercell and compute the vacancy formation energy");
        return Map.copyOf(t);
    }

    /**
     * The router serving the {@code embeddings} profile.
     *
     * @param env    the environment (variables as above)
     * @param stores where call records, cached embeddings and budgets are kept
     * @return the router
     */
    static LlmRouter router(Map<String, String> env, OrionStores stores) {
        String baseUrl = env.get("ORION_EMBED_BASE_URL");
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalStateException("set ORION_EMBED_BASE_URL to an OpenAI-compatible base URL, e.g. https://api.openai.com/v1");
        }
        ProviderSettings.Builder openai = ProviderSettings.builder().baseUrl(baseUrl);
        String key = env.get("ORION_EMBED_API_KEY");
        if (key != null && !key.isBlank()) {
            openai.apiKey(key);
        }
        List<String> chain = new ArrayList<>(List.of("remote"));
        LlmRouter.Builder b = LlmRouter.builder().stores(stores)
                .model(new ModelRoute("remote", "openai-compatible", env.getOrDefault("ORION_EMBED_MODEL", "text-embedding-3-small"),
                        Providers.openAiCompatible(openai.build()), 8192));
        String ollama = env.get("ORION_OLLAMA_BASE_URL");
        if (ollama != null && !ollama.isBlank()) {
            b.model(new ModelRoute("local", "ollama", env.getOrDefault("ORION_OLLAMA_MODEL", "nomic-embed-text"),
                    Providers.ollama(ProviderSettings.builder().baseUrl(ollama).build()), 8192));
            chain.add("local");
        }
        return b.profile(Profile.builder("embeddings").models(chain)
                        .cache(CachePolicy.ttl(Duration.ofDays(30)))
                        .budget(BudgetLimit.of(BudgetLimit.Scope.TENANT, BudgetLimit.Period.DAY, "0.50"))
                        .build())
                .build();
    }

    /**
     * The template search of the demo tenant, indexing the templates (their embeddings come from the cache after
     * the first run).
     *
     * @param orion ORION, built with the router as its chat model (which embeds too)
     * @return the search
     */
    static TextSimilarity templateSearch(Orion orion) {
        TextSimilarity search = TextSimilarity.of(orion.tenant(DEMO).embeddings().feature(FEATURE), orion.tenant(DEMO).vectors(),
                "templates");
        search.index(TEMPLATES);
        return search;
    }

    /**
     * Runs the sample.
     *
     * @param args the query sentence (default: a band-gap question)
     */
    public static void main(String[] args) {
        String query = args.length > 0 ? String.join(" ", args) : "band gap of a relaxed oxide";
        Path data = Path.of(System.getenv().getOrDefault("ORION_DATA_DIR", "orion-data"));
        OrionStores stores = Stores.embedded(data);
        LlmRouter router = router(System.getenv(), stores);
        try (Orion orion = Orion.builder().store(stores).chatModel(router).build()) {
            TextSimilarity search = templateSearch(orion);
            System.out.println("templates most like \"" + query + "\":");
            for (VectorMatch m : search.nearest(query, 3)) {
                System.out.printf(Locale.ROOT, "  %-12s cosine distance %.3f  %s%n", m.id(), m.distance(), m.metadata().get(TextSimilarity.TEXT));
            }
            router.flushCallLog(Duration.ofSeconds(5));
            List<LlmCall> calls = router.callLog().query(DEMO, LlmCallFilter.all().withFeature(FEATURE), 0, 1000)
                    .stream().map(r -> r.call()).toList();
            BigDecimal cost = calls.stream().map(LlmCall::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
            System.out.println("embedding calls over all runs: " + calls.size() + " (" + calls.stream().filter(LlmCall::cacheHit).count()
                    + " from the cache), $" + cost.toPlainString());
        }
    }
}
