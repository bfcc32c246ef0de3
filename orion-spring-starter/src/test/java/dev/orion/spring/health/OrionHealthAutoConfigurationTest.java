package dev.orion.spring.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orion.engines.ProgramVersion;
import dev.orion.llm.ChatRequest;
import dev.orion.core.Orion;
import dev.orion.store.OrionStores;
import dev.orion.spring.autoconfigure.OrionAutoConfiguration;
import dev.orion.spring.autoconfigure.OrionLlmAutoConfiguration;
import dev.orion.tenant.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class OrionHealthAutoConfigurationTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(OrionAutoConfiguration.class, OrionLlmAutoConfiguration.class,
                        OrionHealthAutoConfiguration.class))
                .withPropertyValues("orion.store.folder=" + dir.resolve("data"), "orion.work-root=" + dir.resolve("work"));
    }

    private static Health indicator(AssertableApplicationContext context, String bean) {
        return context.getBean(bean, HealthIndicator.class).health();
    }

    private static Health component(AssertableApplicationContext context, String bean, String name) {
        CompositeHealthContributor composite = context.getBean(bean, CompositeHealthContributor.class);
        assertThat(composite.getContributor(name)).as("component %s of %s", name, bean).isNotNull();
        return ((HealthIndicator) composite.getContributor(name)).health();
    }

    @Test
    void theStoreIsUpWhileItAnswersAndDownOnceItIsClosed() {
        runner().run(context -> {
            Health up = indicator(context, "orionStoreHealthIndicator");
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsEntry("type", "h2");
            context.getBean(OrionStores.class).close();
            assertThat(indicator(context, "orionStoreHealthIndicator").getStatus()).isEqualTo(Status.DOWN);
        });
        runner().withPropertyValues("orion.store.type=memory").run(context ->
                assertThat(indicator(context, "orionStoreHealthIndicator").getDetails()).containsEntry("type", "memory"));
    }

    @Test
    void eachEngineReportsItsVersionAndAProgramEngineItsProgram() {
        runner().run(context -> {
            Health eam = component(context, "orionEnginesHealthContributor", "orion-eam");
            assertThat(eam.getStatus()).isEqualTo(Status.UP);
            assertThat(eam.getDetails()).containsKey("version").doesNotContainKey("program");
            if (ProgramVersion.find("lmp").isPresent()) {
                Health lammps = component(context, "orionEnginesHealthContributor", "lammps");
                assertThat(lammps.getStatus()).isEqualTo(Status.UP);
                assertThat((String) lammps.getDetails().get("version")).startsWith("LAMMPS ").doesNotContain("unknown");
                assertThat((String) lammps.getDetails().get("program")).endsWith("/lmp");
            }
        });
    }

    @Test
    void aProgramThatPrintsNoVersionOrHasGoneIsDown() throws Exception {
        Path fake = dir.resolve("lmp-broken");
        Files.writeString(fake, "#!/bin/sh\nexit 3\n");
        fake.toFile().setExecutable(true);
        runner().withPropertyValues("orion.engines.lammps.executable=" + fake).run(context -> {
            Health broken = component(context, "orionEnginesHealthContributor", "lammps");
            assertThat(broken.getStatus()).isEqualTo(Status.DOWN);
            assertThat(broken.getDetails()).containsEntry("error", "the program printed no version");
            Files.delete(fake);
            Health gone = component(context, "orionEnginesHealthContributor", "lammps");
            assertThat(gone.getStatus()).isEqualTo(Status.DOWN);
            assertThat(gone.getDetails()).containsEntry("error", "program not found");
        });
    }

    @Test
    void slurmIsUpWhenTheControllerAnswersUp() {
        runner().withPropertyValues("orion.slurm.enabled=true",
                "orion.slurm.command-prefix=sh,-c,echo 'Slurmctld(primary) at login is UP'").run(context -> {
                    Health h = indicator(context, "orionSlurmHealthIndicator");
                    assertThat(h.getStatus()).isEqualTo(Status.UP);
                    assertThat(h.getDetails()).containsEntry("answer", "Slurmctld(primary) at login is UP");
                });
        runner().withPropertyValues("orion.slurm.enabled=true", "orion.slurm.command-prefix=false").run(context -> {
            Health h = indicator(context, "orionSlurmHealthIndicator");
            assertThat(h.getStatus()).isEqualTo(Status.DOWN);
            assertThat(h.getDetails()).containsEntry("exitCode", 1);
        });
        runner().withPropertyValues("orion.slurm.enabled=true", "orion.slurm.command-prefix=" + dir.resolve("no-ssh"))
                .run(context -> assertThat(indicator(context, "orionSlurmHealthIndicator").getStatus()).isEqualTo(Status.DOWN));
        runner().run(context -> assertThat(context).doesNotHaveBean("orionSlurmHealthIndicator"));
    }

    @Test
    void theRealSlurmControllerIsUp() {
        boolean required = "1".equals(System.getenv("ORION_REQUIRE_ENGINES"));
        assumeTrue(required || ProgramVersion.find("scontrol").isPresent(), "scontrol not installed");
        runner().withPropertyValues("orion.slurm.enabled=true").run(context ->
                assertThat(indicator(context, "orionSlurmHealthIndicator").getStatus()).isEqualTo(Status.UP));
    }

    @Test
    void eachLlmProviderReportsItsConfigurationAndIsDownWhenAllItsRecentCallsFailed() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(401)
                    .body("{\"error\":{\"message\":\"bad key\",\"type\":\"invalid_request_error\"}}").build());
            runner().withPropertyValues("orion.store.type=memory",
                    "orion.llm.providers.openai.base-url=" + server.url("/v1"),
                    "orion.llm.providers.openai.api-key=sk-secret-9",
                    "orion.llm.providers.spare.kind=ollama", "orion.llm.providers.spare.base-url=" + server.url("/"),
                    "orion.llm.models.fast.provider=openai").run(context -> {
                        Health before = component(context, "orionLlmHealthContributor", "openai");
                        assertThat(before.getStatus()).isEqualTo(Status.UP);
                        assertThat(before.getDetails()).containsEntry("kind", "openai").containsEntry("apiKey", "configured");
                        assertThat(before.toString()).doesNotContain("sk-secret-9");
                        assertThat(component(context, "orionLlmHealthContributor", "spare").getDetails())
                                .containsEntry("apiKey", "none").containsEntry("last5Minutes", Map.of());

                        try {
                            context.getBean(Orion.class).tenant(TenantId.of("acme")).llm()
                                    .chat(ChatRequest.builder().model("fast").user("hi").build());
                        } catch (dev.orion.llm.LlmException expected) {
                            // the provider refused the key
                        }
                        Health after = component(context, "orionLlmHealthContributor", "openai");
                        assertThat(after.getStatus()).isEqualTo(Status.DOWN);
                        assertThat(after.getDetails()).containsEntry("last5Minutes",
                                Map.of("fast", Map.of("calls", 1L, "successes", 0L)));
                    });
        }
    }

    @Test
    void theOptionalPingSendsOneTokenAtMostOncePerIntervalAndADeadProviderIsDown() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().body("{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":"
                    + "\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                    + "\"content\":\"pong\"},\"finish_reason\":\"length\"}],\"usage\":{\"prompt_tokens\":8,"
                    + "\"completion_tokens\":1,\"total_tokens\":9}}").build());
            runner().withPropertyValues("orion.store.type=memory", "management.health.orion.llm.ping.enabled=true",
                    "orion.llm.providers.openai.base-url=" + server.url("/v1"), "orion.llm.providers.openai.api-key=sk-p",
                    "orion.llm.providers.gone.base-url=http://127.0.0.1:9/v1",
                    "orion.llm.models.fast.provider=openai", "orion.llm.models.fast.id=gpt-4o-mini",
                    "orion.llm.models.lost.provider=gone").run(context -> {
                        Health up = component(context, "orionLlmHealthContributor", "openai");
                        assertThat(up.getStatus()).isEqualTo(Status.UP);
                        @SuppressWarnings("unchecked")
                        Map<String, Object> ping = (Map<String, Object>) up.getDetails().get("ping");
                        assertThat(ping).containsEntry("model", "fast").containsEntry("answeredBy", "gpt-4o-mini-2024-07-18");
                        var sent = server.takeRequest();
                        assertThat(sent.getBody().utf8()).contains("\"ping\"").containsPattern("\"max_(completion_)?tokens\":1");
                        // within the interval the health check reuses the ping
                        assertThat(component(context, "orionLlmHealthContributor", "openai").getStatus()).isEqualTo(Status.UP);
                        assertThat(server.getRequestCount()).isEqualTo(1);
                        // the ping is recorded like any call, for its own tenant and feature
                        context.getBean(dev.orion.llm.router.LlmRouter.class).flushCallLog(java.time.Duration.ofSeconds(10));
                        assertThat(context.getBean(Orion.class).tenant(TenantId.of("orion-health")).llmCalls()
                                .count(dev.orion.store.LlmCallFilter.all().withFeature("health-ping"))).isEqualTo(1);

                        Health down = component(context, "orionLlmHealthContributor", "gone");
                        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                        assertThat(down.getDetails().get("ping").toString()).contains("lost").contains("error");
                    });
        }
        runner().withPropertyValues("orion.store.type=memory", "management.health.orion.llm.ping.interval=0s",
                "orion.llm.providers.openai.base-url=http://127.0.0.1:9/v1", "orion.llm.models.fast.provider=openai")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void theIndicatorsCanBeSwitchedOffOrReplaced() {
        runner().withPropertyValues("management.health.orion.enabled=false").run(context -> assertThat(context)
                .hasNotFailed().doesNotHaveBean("orionStoreHealthIndicator").doesNotHaveBean("orionEnginesHealthContributor"));
        runner().withUserConfiguration(MyStoreHealth.class).run(context ->
                assertThat(indicator(context, "orionStoreHealthIndicator").getDetails()).containsEntry("mine", true));
    }

    @Configuration(proxyBeanMethods = false)
    static class MyStoreHealth {
        @Bean
        HealthIndicator orionStoreHealthIndicator() {
            return () -> Health.up().withDetail("mine", true).build();
        }
    }
}
