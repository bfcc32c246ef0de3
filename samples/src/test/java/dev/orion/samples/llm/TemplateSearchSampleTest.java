package dev.orion.samples.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orion.core.Orion;
import dev.orion.core.Stores;
import dev.orion.store.LlmCall;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.OrionStores;
import dev.orion.store.VectorMatch;
import dev.orion.llm.router.LlmRouter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the sample's router and search against a loopback server speaking OpenAI's {@code /v1/embeddings}, which
 * embeds texts as hashed bags of words, on an embedded store that a second "process" reopens.
 */
class TemplateSearchSampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static MockResponse embed(RecordedRequest request) throws Exception {
        JsonNode body = JSON.readTree(request.getBody().utf8());
        ObjectNode answer = JSON.createObjectNode().put("object", "list").put("model", body.get("model").asText());
        ArrayNode data = answer.putArray("data");
        int tokens = 0;
        int index = 0;
        for (JsonNode input : body.get("input")) {
            double[] v = new double[509];
            for (String w : input.asText().toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
                if (w.length() > 2) { // drop "a", "of", ...: the server is a crude but honest embedder
                    v[Math.floorMod(w.hashCode(), v.length)] += 1;
                    tokens++;
                }
            }
            ArrayNode e = data.addObject().put("object", "embedding").put("index", index++).putArray("embedding");
            for (double x : v) {
                e.add(x);
            }
        }
        answer.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        return new MockResponse.Builder().body(JSON.writeValueAsString(answer)).build();
    }

    @Test
    void findsTheBandStructureTemplateAndASecondRunEmbedsNothingNew(@TempDir Path data) throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    try {
                        return embed(request);
                    } catch (Exception e) {
                        return new MockResponse.Builder().code(400).body("{\"error\":{\"message\":\"bad\"}}").build();
                    }
                }
            });
            server.start();
            Map<String, String> env = Map.of("ORION_EMBED_BASE_URL", server.url("/v1").toString(), "ORION_EMBED_API_KEY", "sk-k");
            OrionStores stores = Stores.embedded(data);
            try (Orion orion = Orion.builder().store(stores).chatModel(TemplateSearchSample.router(env, stores)).build()) {
                List<VectorMatch> like = TemplateSearchSample.templateSearch(orion).nearest("band gap of a relaxed oxide", 3);
                assertThat(like.get(0).id()).isEqualTo("relax-bands");
            }
            assertThat(server.getRequestCount()).isEqualTo(2); // the templates in one call, then the query

            OrionStores reopened = Stores.embedded(data);
            LlmRouter router = TemplateSearchSample.router(env, reopened);
            try (Orion orion = Orion.builder().store(reopened).chatModel(router).build()) {
                assertThat(TemplateSearchSample.templateSearch(orion).nearest("melting temperature from molecular dynamics", 1))
                        .extracting(VectorMatch::id).containsExactly("md-melt");
                router.flushCallLog(Duration.ofSeconds(5));
                List<LlmCall> calls = router.callLog().query(TemplateSearchSample.DEMO,
                        LlmCallFilter.all().withFeature(TemplateSearchSample.FEATURE), 0, 100).stream().map(r -> r.call()).toList();
                assertThat(calls).hasSize(4);
                assertThat(calls).filteredOn(LlmCall::cacheHit).singleElement()
                        .satisfies(c -> assertThat(c.cost()).isZero());
                assertThat(calls).filteredOn(c -> !c.cacheHit()).allSatisfy(c -> assertThat(c.cost()).isPositive());
            }
            assertThat(server.getRequestCount()).as("the second run re-embedded only the new query").isEqualTo(3);
        }
    }
}
