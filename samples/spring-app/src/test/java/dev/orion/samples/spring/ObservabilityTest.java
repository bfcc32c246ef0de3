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
}
