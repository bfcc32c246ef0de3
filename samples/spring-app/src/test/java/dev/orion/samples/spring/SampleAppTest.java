package dev.orion.samples.spring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.core.Orion;
import dev.orion.llm.router.LlmRouter;
import dev.orion.store.NewApiKey;
import dev.orion.tenant.TenantId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.UUID;
import mockwebserver3.MockWebServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample application started once on a random port for all its tests (one shared Spring context), on an
 * embedded H2 store in a fresh folder under {@code target/}, with its two LLM models served by a loopback
 * OpenAI-compatible server ({@link LoopbackLlm}), and helpers to call it over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SampleAppTest {

    static final Path DATA = Paths.get("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();
    static final MockWebServer LLM = LoopbackLlm.start();
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    Orion orion;

    @Autowired
    LlmRouter router;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("orion.store.folder", () -> DATA.resolve("db").toString());
        registry.add("orion.work-root", () -> DATA.resolve("work").toString());
        registry.add("orion.sample.demo.key-file", () -> DATA.resolve("demo-api-key").toString());
        registry.add("orion.engines.eam.potential-dir", () -> root().resolve("testdata/potentials").toString());
        registry.add("orion.llm.providers.local.kind", () -> "openai");
        registry.add("orion.llm.providers.local.base-url", () -> LLM.url("/v1").toString());
        registry.add("orion.llm.providers.local.api-key", () -> "sk-loopback");
        registry.add("orion.llm.models.small.id", () -> "small-model-v1");
        registry.add("orion.llm.models.tiny.id", () -> "tiny-model-v1");
    }

    /** @return the project root (surefire sets orion.root) */
    static Path root() {
        String root = System.getProperty("orion.root");
        return root != null && !root.isBlank() ? Paths.get(root) : Paths.get("../..").toAbsolutePath().normalize();
    }

    /** @param tenant a tenant @param scopes the key's scopes @return a fresh API key of the tenant */
    String key(String tenant, String... scopes) {
        return orion.tenant(TenantId.of(tenant)).apiKeys().issue(NewApiKey.of("test", scopes)).secret();
    }

    /** Waits until the router has stored the records of the calls made so far (it writes them in the background). */
    void flushLlmLog() {
        if (!router.flushCallLog(Duration.ofSeconds(20))) {
            throw new AssertionError("the router did not store its call records within 20 s");
        }
    }

    /** @return a tenant name no other test uses */
    static String freshTenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    HttpResponse<String> get(String path, String key) {
        return send("GET", path, key, null);
    }

    HttpResponse<String> send(String method, String path, String key, String jsonBody) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(90));
        if (key != null) {
            b.header("X-API-Key", key);
        }
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        return exchange(b.build());
    }

    HttpResponse<String> sendText(String path, String key, String text) {
        return exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-API-Key", key)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(text)).build());
    }

    static HttpResponse<String> exchange(HttpRequest request) {
        return exchange(request, HttpResponse.BodyHandlers.ofString());
    }

    static <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    /** A POSCAR of fcc copper's conventional cell, a = 3.615 Å. */
    static final String CU_POSCAR = """
            Cu fcc
            3.615
            1 0 0
            0 1 0
            0 0 1
            Cu
            4
            Direct
            0.0 0.0 0.0
            0.5 0.5 0.0
            0.5 0.0 0.5
            0.0 0.5 0.5
            """;

    /** @param key a tenant's key @return the id of a copper structure uploaded for it */
    String uploadCopper(String key) {
        HttpResponse<String> r = sendText("/api/structures?fileName=POSCAR&name=Cu%20fcc", key, CU_POSCAR);
        if (r.statusCode() != 201) {
            throw new AssertionError("upload failed: " + r.statusCode() + " " + r.body());
        }
        return json(r).path("id").asText();
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
