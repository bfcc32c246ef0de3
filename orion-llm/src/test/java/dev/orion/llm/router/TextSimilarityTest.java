package dev.orion.llm.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orion.core.Orion;
import dev.orion.core.OrionTenant;
import dev.orion.core.Stores;
import dev.orion.core.similarity.TextSimilarity;
import dev.orion.llm.provider.ProviderSettings;
import dev.orion.llm.provider.Providers;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.VectorMatch;
import dev.orion.tenant.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TextSimilarity} over the in-memory store, with embeddings from a loopback server that speaks Ollama's
 * {@code /api/embed} and embeds each text as its hashed bag of words (so texts sharing words are near), reached
 * through {@code Orion}'s tenant view and the real router.
 */
class TextSimilarityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DIM = 509; // prime, so few words of these texts share a bucket

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    JsonNode body = JSON.readTree(request.getBody().utf8());
                    ObjectNode answer = JSON.createObjectNode().put("model", body.get("model").asText());
                    ArrayNode embeddings = answer.putArray("embeddings");
                    int tokens = 0;
                    for (JsonNode input : body.get("input")) {
                        String[] words = input.asText().toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
                        double[] v = new double[DIM];
                        for (String w : words) {
                            if (!w.isEmpty()) {
                                v[Math.floorMod(w.hashCode(), DIM)] += 1;
                                tokens++;
                            }
                        }
                        ArrayNode out = embeddings.addArray();
                        for (double x : v) {
                            out.add(x);
                        }
                    }
                    answer.put("prompt_eval_count", tokens);
                    return new MockResponse.Builder().body(JSON.writeValueAsString(answer)).build();
                } catch (Exception e) {
                    return new MockResponse.Builder().code(400).body("{\"error\":\"" + e.getMessage() + "\"}").build();
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void indexesTextsAndFindsTheNearestByMeaningOfWordsPerTenant() {
        ProviderSettings ollama = ProviderSettings.builder().baseUrl(server.url("/").toString().replaceAll("/$", "")).build();
        try (LlmRouter router = LlmRouter.builder()
                .model(new ModelRoute("local", "ollama", "nomic-embed-text", Providers.ollama(ollama), 8192))
                .profile(Profile.builder("embeddings").models(List.of("local")).cache(CachePolicy.ttl(Duration.ofHours(1))).build())
                .build();
             Orion orion = Orion.builder().store(Stores.inMemory()).chatModel(router).build()) {
            OrionTenant acme = orion.tenant(TenantId.of("acme"));
            TextSimilarity templates = TextSimilarity.of(acme.embeddings().feature("template-search"), acme.vectors(), "templates");
            templates.index(Map.of(
                    "relax-bands", "relax the cell then compute the band structure",
                    "md-melt", "molecular dynamics heating until the crystal melts",
                    "elastic", "strain the cell and fit the elastic constants"));
            assertThat(templates.size()).isEqualTo(3);

            List<VectorMatch> like = templates.nearest("band structure of a relaxed cell", 2);
            assertThat(like).extracting(VectorMatch::id).first().isEqualTo("relax-bands");
            assertThat(like.get(0).metadata()).containsEntry(TextSimilarity.TEXT, "relax the cell then compute the band structure");
            assertThat(templates.nearest("heating until it melts", 1)).extracting(VectorMatch::id).containsExactly("md-melt");
            int requests = server.getRequestCount();
            assertThat(templates.nearest("heating until it melts", 1)).extracting(VectorMatch::id).containsExactly("md-melt");
            assertThat(server.getRequestCount()).as("a repeated query is answered by the cache").isEqualTo(requests);

            OrionTenant globex = orion.tenant(TenantId.of("globex"));
            TextSimilarity theirs = TextSimilarity.of(globex.embeddings(), globex.vectors(), "templates");
            assertThat(theirs.size()).isZero();
            assertThat(theirs.nearest("band structure", 3)).isEmpty();

            assertThat(templates.remove("md-melt")).isTrue();
            assertThat(templates.nearest("heating until it melts", 3)).extracting(VectorMatch::id).doesNotContain("md-melt");

            assertThat(router.flushCallLog(Duration.ofSeconds(5))).isTrue();
            // index, two distinct queries, two repeats from the cache; globex's empty index made no call
            List<dev.orion.store.LlmCall> calls = router.callLog().query(TenantId.of("acme"),
                    LlmCallFilter.all().withFeature("template-search"), 0, 100).stream().map(r -> r.call()).toList();
            assertThat(calls).hasSize(5);
            assertThat(calls).filteredOn(dev.orion.store.LlmCall::cacheHit).hasSize(2);
            assertThat(router.callLog().count(TenantId.of("globex"), LlmCallFilter.all())).isZero();
        }
    }
}
