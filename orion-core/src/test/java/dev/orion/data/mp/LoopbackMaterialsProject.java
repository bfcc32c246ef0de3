package dev.orion.data.mp;

import dev.orion.testdata.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A Materials Project client against a loopback server, per test: the recorded envelopes of testdata/materials-project
 * served as responses, a test API key and millisecond backoff.
 */
abstract class LoopbackMaterialsProject {

    static final String KEY = "s3cr3t-mp-key-0123456789abcdef";

    MockWebServer server;
    MaterialsProjectClient mp;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        mp = client(MaterialsProjectClient.builder());
    }

    @AfterEach
    void stop() {
        mp.close();
        server.close();
    }

    /** @param b a builder with the test's own settings  @return it pointed at the loopback server */
    MaterialsProjectClient client(MaterialsProjectClient.Builder b) {
        return b.baseUrl(server.url("/").toString()).apiKey(KEY).backoff(Duration.ofMillis(1), Duration.ofSeconds(5)).build();
    }

    static String fixture(String name) {
        try {
            return Files.readString(TestData.materialsProject().resolve(name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static MockResponse ok(String fixture) {
        return new MockResponse.Builder().body(fixture(fixture)).addHeader("Content-Type", "application/json").build();
    }

    static MockResponse status(int code, String body) {
        return new MockResponse.Builder().code(code).body(body).build();
    }
}
