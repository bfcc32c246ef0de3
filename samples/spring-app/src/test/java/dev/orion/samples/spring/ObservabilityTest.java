package dev.orion.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Actuator's health shows each ORION component; its metrics show the OpenTelemetry GenAI names after a routed call. */
class ObservabilityTest extends SampleAppTest {

    @Test
    void healthShowsEachOrionComponent() {
        JsonNode health = json(get("/actuator/health", null));
        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode components = health.path("components");
        assertThat(components.path("orionStore").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("orionStore").path("details").path("type").asText()).isEqualTo("h2");
        assertThat(components.path("orionEngines").path("components").path("orion-eam").path("status").asText()).isEqualTo("UP");
        JsonNode llm = components.path("orionLlm").path("components").path("local");
        assertThat(llm.path("status").asText()).isEqualTo("UP");
        assertThat(llm.path("details").path("kind").asText()).isEqualTo("openai");
        assertThat(llm.path("details").path("apiKey").asText()).isEqualTo("configured");
        assertThat(health.toString()).doesNotContain("sk-loopback");
    }

    @Test
    void metricsShowTheGenAiNamesAfterARoutedCall() {
        String key = key(freshTenant("metrics"), "*");
        assertThat(send("POST", "/api/profiles/assistant/test", key, "{\"prompt\":\"count me\"}").statusCode()).isEqualTo(200);
        JsonNode names = json(get("/actuator/metrics", null)).path("names");
        assertThat(names.toString()).contains("\"gen_ai.client.operation.duration\"", "\"gen_ai.client.token.usage\"");
        JsonNode duration = json(get("/actuator/metrics/gen_ai.client.operation.duration", null));
        assertThat(duration.path("availableTags").findValuesAsText("tag")).contains("gen_ai.operation.name",
                "gen_ai.provider.name", "gen_ai.request.model", "gen_ai.response.model");
        assertThat(duration.path("availableTags").toString()).doesNotContain("gen_ai.system");
        JsonNode tokens = json(get("/actuator/metrics/gen_ai.client.token.usage?tag=gen_ai.token.type:input"
                + "&tag=gen_ai.provider.name:local", null));
        assertThat(tokens.path("measurements").findValues("value").stream().mapToDouble(JsonNode::asDouble).max().orElse(0))
                .isGreaterThanOrEqualTo(12);
    }

    @Test
    void metricsShowJobsByStateAndDurationCampaignIterationsAndRouterCacheGets() {
        String key = key(freshTenant("ops"), "*");
        String cu = uploadCopper(key);
        String job = json(send("POST", "/api/jobs", key, "{\"structureId\":\"" + cu + "\"}")).path("id").asText();
        assertThat(json(get("/api/jobs/" + job + "?waitSeconds=60", key)).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(send("POST", "/api/campaigns", key, "{\"name\":\"m\",\"element\":\"Cu\",\"strategy\":\"random\","
                + "\"evaluations\":2}").statusCode()).isEqualTo(201);
        // the summariser profile caches: the second identical prompt is a hit
        for (int i = 0; i < 2; i++) {
            assertThat(send("POST", "/api/profiles/summariser/test", key, "{\"prompt\":\"same words\"}").statusCode()).isEqualTo(200);
        }
        flushLlmLog();

        assertThat(measurement("/actuator/metrics/orion.jobs.duration?tag=state:succeeded", "COUNT")).isGreaterThanOrEqualTo(3);
        assertThat(json(get("/actuator/metrics/orion.jobs?tag=state:running", null)).path("measurements")).isNotEmpty();
        assertThat(measurement("/actuator/metrics/orion.jobs.events?tag=type:started", "COUNT")).isGreaterThanOrEqualTo(3);
        assertThat(measurement("/actuator/metrics/orion.campaign.iterations", "COUNT")).isGreaterThanOrEqualTo(2);
        assertThat(measurement("/actuator/metrics/orion.campaign.evaluations?tag=outcome:success", "COUNT")).isGreaterThanOrEqualTo(2);
        assertThat(measurement("/actuator/metrics/orion.llm.cache.gets?tag=result:hit&tag=orion.profile:summariser", "COUNT"))
                .isGreaterThanOrEqualTo(1);
        assertThat(measurement("/actuator/metrics/orion.llm.cache.gets?tag=result:miss&tag=orion.profile:summariser", "COUNT"))
                .isGreaterThanOrEqualTo(1);
    }

    private double measurement(String path, String statistic) {
        JsonNode m = json(get(path, null));
        for (JsonNode s : m.path("measurements")) {
            if (s.path("statistic").asText().equals(statistic)) {
                return s.path("value").asDouble();
            }
        }
        throw new AssertionError("no " + statistic + " in " + path + ": " + m);
    }
}
