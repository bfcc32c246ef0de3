package dev.orion.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.BudgetExceededException;
import dev.orion.core.Orion;
import dev.orion.llm.router.LlmRouter;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.LlmProviderException;
import dev.orion.llm.TenantChat;
import dev.orion.spring.autoconfigure.OrionAutoConfiguration;
import dev.orion.spring.autoconfigure.OrionLlmAutoConfiguration;
import dev.orion.tenant.TenantId;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OrionMetricsAutoConfigurationTest {

    private static final String ANSWER = """
            {"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4o-mini-2024-07-18",
             "choices":[{"index":0,"message":{"role":"assistant","content":"SrTiO3"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}}
            """;
    private static final String UNAUTHORIZED = "{\"error\":{\"message\":\"bad key\",\"type\":\"invalid_request_error\"}}";

    @TempDir
    Path dir;
    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(OrionAutoConfiguration.class, OrionLlmAutoConfiguration.class,
                        OrionMetricsAutoConfiguration.class))
                .withPropertyValues("orion.store.type=memory", "orion.work-root=" + dir.resolve("work"),
                        "orion.llm.providers.openai.base-url=" + server.url("/v1"),
                        "orion.llm.providers.openai.api-key=sk-test",
                        "orion.llm.models.fast.provider=openai", "orion.llm.models.fast.id=gpt-4o-mini",
                        "orion.llm.models.broken.provider=openai", "orion.llm.models.broken.id=gpt-4o",
                        "orion.llm.profiles=classpath:llm-profiles-metrics.yaml");
    }

    private static TenantChat acme(AssertableApplicationContext context) {
        return context.getBean(Orion.class).tenant(TenantId.of("acme")).llm();
    }

    @Test
    void aRoutedCallIsRecordedWithTheGenAiNamesAndBuckets() {
        server.enqueue(new MockResponse.Builder().body(ANSWER).build());
        runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            acme(context).chat(ChatRequest.builder().model("fast").user("Name a perovskite.").build());
            MeterRegistry registry = context.getBean(MeterRegistry.class);

            Timer duration = registry.get(GenAiMetricsLink.DURATION).tag("gen_ai.operation.name", "chat")
                    .tag("gen_ai.provider.name", "openai").tag("gen_ai.request.model", "gpt-4o-mini")
                    .tag("gen_ai.response.model", "gpt-4o-mini-2024-07-18").timer();
            assertThat(duration.count()).isEqualTo(1);
            assertThat(duration.getId().getTag("error.type")).isNull();
            assertThat(Arrays.stream(duration.takeSnapshot().histogramCounts())
                    .map(b -> b.bucket(TimeUnit.SECONDS)).toList())
                    .containsExactly(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);

            DistributionSummary input = registry.get(GenAiMetricsLink.TOKEN_USAGE).tag("gen_ai.token.type", "input")
                    .tag("gen_ai.provider.name", "openai").summary();
            DistributionSummary output = registry.get(GenAiMetricsLink.TOKEN_USAGE).tag("gen_ai.token.type", "output")
                    .summary();
            assertThat(input.totalAmount()).isEqualTo(12);
            assertThat(output.totalAmount()).isEqualTo(3);
            assertThat(Arrays.stream(input.takeSnapshot().histogramCounts()).mapToDouble(CountAtBucket::bucket).toArray())
                    .containsExactly(GenAiMetricsLink.TOKEN_BUCKETS);
            assertThat(registry.get(GenAiMetricsLink.COST).counter().count()).isPositive();
            assertThat(registry.find(GenAiMetricsLink.FALLBACKS).counter()).isNull();
            // nothing of the prompt or the answer in any tag
            assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getTags().toString())
                    .doesNotContain("perovskite", "SrTiO3"));
        });
    }

    @Test
    void failuresFallbacksAndBudgetRefusalsAreCounted() {
        server.enqueue(new MockResponse.Builder().code(401).body(UNAUTHORIZED).build());
        server.enqueue(new MockResponse.Builder().body(ANSWER).build());
        server.enqueue(new MockResponse.Builder().code(401).body(UNAUTHORIZED).build());
        runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            acme(context).chat(ChatRequest.builder().profile("chain").user("hi").build());
            assertThat(registry.get(GenAiMetricsLink.FALLBACKS).tag("orion.profile", "chain").counter().count())
                    .isEqualTo(1);

            assertThatThrownBy(() -> acme(context).chat(ChatRequest.builder().model("fast").user("hi").build()))
                    .isInstanceOf(LlmProviderException.class);
            Timer failed = registry.get(GenAiMetricsLink.DURATION)
                    .tag("error.type", LlmProviderException.class.getName()).timer();
            assertThat(failed.count()).isEqualTo(1);
            assertThat(failed.getId().getTag("gen_ai.request.model")).isEqualTo("gpt-4o-mini");

            assertThatThrownBy(() -> acme(context).chat(ChatRequest.builder().profile("stingy").user("hi").build()))
                    .isInstanceOf(BudgetExceededException.class);
            assertThat(registry.get(GenAiMetricsLink.BUDGET_REFUSALS).tag("orion.profile", "stingy").counter().count())
                    .isEqualTo(1);
        });
    }

    @Test
    void withoutAMeterRegistryOrWhenSwitchedOffThereIsNoLink() {
        runner().run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(GenAiMetricsLink.class));
        runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("orion.llm.metrics.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(GenAiMetricsLink.class)
                        .doesNotHaveBean(LlmCacheMetrics.class).hasSingleBean(JobMetrics.class));
        runner().run(context -> assertThat(context).doesNotHaveBean(JobMetrics.class).doesNotHaveBean(CampaignMetrics.class));
        runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("orion.metrics.jobs.enabled=false", "orion.metrics.campaigns.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(JobMetrics.class)
                        .doesNotHaveBean(CampaignMetrics.class).hasSingleBean(LlmCacheMetrics.class));
    }

    @Test
    void cacheGetsAreCountedFromTheRoutersCallRecords() {
        server.enqueue(new MockResponse.Builder().body(ANSWER).build());
        runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            acme(context).chat(ChatRequest.builder().model("fast").user("Name a perovskite.").build());
            assertThat(context.getBean(LlmRouter.class).flushCallLog(java.time.Duration.ofSeconds(10))).isTrue();
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(LlmCacheMetrics.GETS).tag("result", "miss").counter().count()).isEqualTo(1);
            assertThat(registry.find(LlmCacheMetrics.GETS).tag("result", "hit").counter()).isNull();
            // the records still reach the store-backed call log
            assertThat(context.getBean(Orion.class).tenant(TenantId.of("acme")).llmCalls()
                    .count(dev.orion.store.LlmCallFilter.all())).isEqualTo(1);
        });
    }
}
