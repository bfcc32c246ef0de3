package dev.orion.samples.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.core.Orion;
import dev.orion.core.Stores;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.TenantChat;
import dev.orion.llm.router.LlmRouter;
import dev.orion.store.LlmCallFilter;
import dev.orion.store.OrionStores;
import dev.orion.store.TenantStores;
import dev.orion.tenant.Principal;
import dev.orion.tenant.TenantId;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the sample's router, on an embedded store, against a loopback OpenAI-compatible server whose primary model is down. */
class CampaignAdvisorSampleTest {

    @Test
    void fallsBackAndThenAnswersFromTheCache(@TempDir Path data) throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            String error = "{\"error\":{\"message\":\"The model is overloaded\",\"type\":\"server_error\",\"param\":null,\"code\":null}}";
            for (int i = 0; i < 3; i++) {
                server.enqueue(new MockResponse.Builder().code(503).body(error).build());
            }
            server.enqueue(new MockResponse.Builder().body("{\"id\":\"c1\",\"model\":\"gpt-4.1-mini\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"formula\\\":\\\"Li2MnSiO4\\\",\\\"reason\\\":\\\"largest uncertainty\\\"}\"},"
                    + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":180,\"completion_tokens\":20,\"total_tokens\":200}}").build());
            Map<String, String> env = Map.of("ORION_LLM_BASE_URL", server.url("/v1").toString(), "ORION_LLM_API_KEY", "k",
                    "ORION_LLM_MODEL", "gpt-4o-mini", "ORION_LLM_FALLBACK_MODEL", "gpt-4.1-mini");
            OrionStores stores = Stores.embedded(data);
            LlmRouter router = CampaignAdvisorSample.router(env, stores);
            try (Orion orion = Orion.builder().store(stores).chatModel(router).build()) {
                TenantChat advisor = CampaignAdvisorSample.advisor(orion);
                ChatResponse first = advisor.chat(CampaignAdvisorSample.request(CampaignAdvisorSample.CANDIDATES));
                assertThat(first.text()).contains("Li2MnSiO4");
                assertThat(first.modelsTried()).containsExactly("primary", "fallback");
                assertThat(first.costUsd()).isPositive();
                ChatResponse second = advisor.chat(CampaignAdvisorSample.request(CampaignAdvisorSample.CANDIDATES));
                assertThat(second.cacheHit()).isTrue();
                router.flushCallLog(java.time.Duration.ofSeconds(10));
                TenantStores demo = stores.tenant(TenantId.of("demo"), Principal.system("test"));
                assertThat(demo.llmCalls().count(LlmCallFilter.all().withFeature(CampaignAdvisorSample.FEATURE)
                        .withRunId("iteration-12"))).as("the calls are the demo tenant's, with the advisor feature").isEqualTo(2);
                assertThat(stores.tenant(TenantId.of("other"), Principal.system("test")).llmCalls().count(LlmCallFilter.all()))
                        .isZero();
            }
            OrionStores reopened = Stores.embedded(data);
            try (Orion orion = Orion.builder().store(reopened).chatModel(CampaignAdvisorSample.router(env, reopened)).build()) {
                assertThat(CampaignAdvisorSample.advisor(orion).chat(CampaignAdvisorSample.request(CampaignAdvisorSample.CANDIDATES))
                        .cacheHit()).as("a new process is answered from the embedded store").isTrue();
            }
            assertThat(server.getRequestCount()).isEqualTo(4);
            String sent = server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8();
            assertThat(sent).contains("\"model\":\"gpt-4o-mini\"").contains("json_object").contains("LiCoPO4");
        }
    }
}
