package dev.orion.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.core.Orion;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.provider.ProviderSettings;
import dev.orion.llm.provider.Providers;
import dev.orion.llm.router.LlmRouter;
import dev.orion.llm.router.ModelRoute;
import dev.orion.llm.router.RouterLink;
import dev.orion.spring.autoconfigure.OrionLlmProperties.ProviderKind;
import dev.orion.store.LlmCallFilter;
import dev.orion.tenant.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class OrionLlmAutoConfigurationTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final String ANSWER = """
            {"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4o-mini-2024-07-18",
             "choices":[{"index":0,"message":{"role":"assistant","content":"SrTiO3"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}}
            """;

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
                .withConfiguration(AutoConfigurations.of(OrionAutoConfiguration.class, OrionLlmAutoConfiguration.class))
                .withPropertyValues("orion.store.type=memory", "orion.work-root=" + dir.resolve("work"));
    }

    private ApplicationContextRunner withOneModel() {
        return runner().withPropertyValues(
                "orion.llm.providers.openai.kind=openai",
                "orion.llm.providers.openai.base-url=" + server.url("/v1"),
                "orion.llm.providers.openai.api-key=sk-test",
                "orion.llm.providers.openai.headers.X-Title=orion-test",
                "orion.llm.models.fast.provider=openai",
                "orion.llm.models.fast.id=gpt-4o-mini",
                "orion.llm.models.fast.context-window=16000");
    }

    @Test
    void aConfiguredModelGivesARouterThatIsOrionsChatModel() throws Exception {
        server.enqueue(new MockResponse.Builder().body(ANSWER).build());
        withOneModel().run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(LlmRouter.class);
            Orion orion = context.getBean(Orion.class);
            ChatResponse r = orion.tenant(ACME).llm().feature("test")
                    .chat(ChatRequest.builder().model("fast").user("Name a perovskite.").build());
            assertThat(r.text()).isEqualTo("SrTiO3");
            RecordedRequest sent = server.takeRequest();
            assertThat(sent.getTarget()).isEqualTo("/v1/chat/completions");
            assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test");
            assertThat(sent.getHeaders().get("X-Title")).isEqualTo("orion-test");
            assertThat(sent.getBody().utf8()).contains("\"model\":\"gpt-4o-mini\"");
            // orion.llm.persist (default true): the call is recorded in ORION's store
            LlmRouter router = context.getBean(LlmRouter.class);
            assertThat(router.flushCallLog(Duration.ofSeconds(10))).isTrue();
            assertThat(orion.tenant(ACME).llmCalls().count(LlmCallFilter.all())).isEqualTo(1);
        });
    }

    @Test
    void theModelIdDefaultsToItsRouterNameAndTheKindToOpenAi() {
        runner().withPropertyValues("orion.llm.providers.local.base-url=" + server.url("/v1"),
                "orion.llm.models.llama3.provider=local").run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(LlmRouter.class);
                    OrionLlmProperties p = context.getBean(OrionLlmProperties.class);
                    assertThat(p.providers().get("local").kind()).isEqualTo(ProviderKind.OPENAI);
                    assertThat(p.models().get("llama3").contextWindow()).isEqualTo(128_000);
                    assertThat(p.providers().get("local").toString()).contains("apiKey=none");
                });
    }

    @Test
    void anthropicAndOllamaProvidersAreBuilt() {
        runner().withPropertyValues(
                "orion.llm.providers.claude.kind=anthropic", "orion.llm.providers.claude.base-url=" + server.url("/"),
                "orion.llm.providers.claude.api-key=sk-ant-secret",
                "orion.llm.providers.ollama.kind=ollama", "orion.llm.providers.ollama.base-url=" + server.url("/"),
                "orion.llm.models.careful.provider=claude", "orion.llm.models.careful.id=claude-sonnet-4",
                "orion.llm.models.local.provider=ollama", "orion.llm.models.local.id=llama3.2").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(LlmRouter.class).toString()).contains("careful", "local");
                    assertThat(context.getBean(OrionLlmProperties.class).providers().get("claude").toString())
                            .doesNotContain("sk-ant-secret");
                });
    }

    @Test
    void aProfileFileOnTheClassPathIsLoaded() {
        withOneModel().withPropertyValues("orion.llm.profiles=classpath:llm-profiles.yaml").run(context ->
                assertThat(context.getBean(LlmRouter.class).profiles().names()).containsExactly("advisor"));
    }

    @Test
    void aProfileFileOnDiskIsReloadedWhenItChangesAndABadVersionKeepsTheProfilesInForce() throws Exception {
        Path file = dir.resolve("profiles.yaml");
        Files.writeString(file, "profiles:\n  advisor:\n    models: [fast]\n");
        withOneModel().withPropertyValues("orion.llm.profiles=file:" + file, "orion.llm.reload-interval=20ms")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(ProfileReloader.class);
                    LlmRouter router = context.getBean(LlmRouter.class);
                    assertThat(router.profiles().names()).containsExactly("advisor");

                    rewrite(file, "profiles:\n  advisor:\n    models: [fast]\n  summary:\n    models: [fast]\n", 10);
                    awaitProfiles(router, "advisor", "summary");

                    rewrite(file, "profiles:\n  other:\n    models: [nonesuch]\n", 20);
                    // the bad version is seen (and refused) by an explicit check; the profiles stay
                    context.getBean(ProfileReloader.class).check();
                    assertThat(router.profiles().names()).containsExactlyInAnyOrder("advisor", "summary");
                });
    }

    @Test
    void reloadingNeedsAFileOnDisk() {
        withOneModel().withPropertyValues("orion.llm.profiles=classpath:llm-profiles.yaml",
                "orion.llm.reload-interval=1s").run(context ->
                StartupFailures.namesProperty(context, "orion.llm.reload-interval", "use file:"));
    }

    @Test
    void routerLinkBeansJoinTheChain() {
        server.enqueue(new MockResponse.Builder().body(ANSWER).build());
        withOneModel().withUserConfiguration(CountingLink.class).run(context -> {
            context.getBean(Orion.class).tenant(ACME).llm()
                    .chat(ChatRequest.builder().model("fast").user("Name a perovskite.").build());
            assertThat(CountingLink.CALLS.get()).isEqualTo(1);
        });
    }

    @Test
    void aUserRouterReplacesOrions() {
        withOneModel().withUserConfiguration(UserRouter.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(LlmRouter.class);
            assertThat(context.getBean(LlmRouter.class).toString()).contains("mine").doesNotContain("fast");
        });
    }

    @Test
    void withoutModelsThereIsNoRouterEvenWithProviders() {
        runner().withPropertyValues("orion.llm.providers.openai.base-url=" + server.url("/v1")).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(LlmRouter.class).hasSingleBean(Orion.class));
    }

    @Test
    void badLlmPropertiesFailStartUpNamingTheProperty() {
        runner().withPropertyValues("orion.llm.models.fast.provider=nonesuch").run(context ->
                StartupFailures.namesProperty(context, "orion.llm.models.fast.provider",
                        "must name one of the providers under orion.llm.providers [], was 'nonesuch'"));
        runner().withPropertyValues("orion.llm.providers.openai.api-key=sk-secret-1",
                "orion.llm.models.fast.provider=openai").run(context -> {
                    StartupFailures.namesProperty(context, "orion.llm.providers.openai.base-url", "must be set");
                    assertThat(StartupFailures.messages(context)).noneMatch(m -> m.contains("sk-secret-1"));
                });
        runner().withPropertyValues("orion.llm.providers.openai.base-url=ftp://example.org",
                "orion.llm.models.fast.provider=openai").run(context ->
                StartupFailures.namesProperty(context, "orion.llm.providers.openai.base-url", "must be http or https"));
        withOneModel().withPropertyValues("orion.llm.providers.openai.read-timeout=0s").run(context ->
                StartupFailures.namesProperty(context, "orion.llm.providers.openai.read-timeout", "must be positive"));
        withOneModel().withPropertyValues("orion.llm.models.fast.context-window=0").run(context ->
                StartupFailures.namesProperty(context, "orion.llm.models.fast", "contextWindow must be > 0"));
        withOneModel().withPropertyValues("orion.llm.providers.openai.kind=gemini").run(context ->
                assertThat(StartupFailures.messages(context)).anyMatch(m -> m.contains("orion.llm.providers.openai.kind")));
        withOneModel().withPropertyValues("orion.llm.profiles=classpath:no-such.yaml").run(context ->
                StartupFailures.namesProperty(context, "orion.llm.profiles", "cannot read the profile file"));
        withOneModel().withPropertyValues("orion.llm.profiles=classpath:llm-profiles-unknown-model.yaml").run(context ->
                StartupFailures.namesProperty(context, "orion.llm.profiles", "names model 'nonesuch'"));
        withOneModel().withPropertyValues("orion.llm.profiles=file:" + writeQuietly("profiles:\n  advisor: [")).run(
                context -> StartupFailures.namesProperty(context, "orion.llm.profiles", "is invalid"));
    }

    private Path writeQuietly(String text) {
        try {
            return Files.writeString(dir.resolve("bad.yaml"), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Rewrites a file and moves its modification time on, so a change is seen whatever the clock's resolution. */
    private static void rewrite(Path file, String text, int secondsLater) throws Exception {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(secondsLater)));
    }

    private static void awaitProfiles(LlmRouter router, String... names) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!router.profiles().names().containsAll(java.util.List.of(names)) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        assertThat(router.profiles().names()).containsExactlyInAnyOrder(names);
    }

    @Configuration(proxyBeanMethods = false)
    static class CountingLink {
        static final AtomicInteger CALLS = new AtomicInteger();

        @Bean
        RouterLink countingLink() {
            return chain -> {
                CALLS.incrementAndGet();
                return chain.proceed(chain.request());
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserRouter {
        @Bean
        LlmRouter myRouter() {
            return LlmRouter.builder().model(ModelRoute.of("local", "mine",
                    Providers.ollama(ProviderSettings.builder().baseUrl("http://localhost:11434").build()), 1000)).build();
        }
    }
}
