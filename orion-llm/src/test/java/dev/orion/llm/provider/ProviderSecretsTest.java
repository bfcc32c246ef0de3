package dev.orion.llm.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orion.llm.CallContext;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.LlmProviderException;
import dev.orion.tenant.TenantId;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A provider that echoes the API key (or any bearer-like secret) in an error never puts it in an exception. */
class ProviderSecretsTest {

    private static final CallContext CONTEXT = CallContext.of(TenantId.of("acme"));
    private static final String KEY = "plain-secret-value-42";

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

    private LlmProviderException fail(ChatModel model, int status, String body) {
        server.enqueue(new MockResponse.Builder().code(status).body(body).build());
        return catchThrowableOfType(LlmProviderException.class,
                () -> model.chat(ChatRequest.builder().model("m").user("hi").build(), CONTEXT));
    }

    private ChatModel openAi() {
        return Providers.openAiCompatible(ProviderSettings.builder().baseUrl(server.url("/v1").toString()).apiKey(KEY).build());
    }

    @Test
    void theConfiguredKeyEchoedInAnErrorBodyIsRedacted() {
        LlmProviderException e = fail(openAi(), 401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
                + ". You can find your API key at https://platform.openai.com\",\"type\":\"invalid_request_error\","
                + "\"code\":\"invalid_api_key\"}}");
        assertThat(e.getMessage()).doesNotContain(KEY).contains("[REDACTED]").contains("Incorrect API key");
        assertThat(e.status()).hasValue(401);
    }

    @Test
    void bearerLikeSecretsAreRedactedEvenWhenTheyAreNotTheConfiguredKey() {
        LlmProviderException e = fail(openAi(), 500, "upstream said: Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123 and "
                + "key sk-proj-ABCDEFGHIJKLMNOPQRSTUVWX and sk-ant-api03-abcdefghijklmnopqrstu");
        assertThat(e.getMessage()).doesNotContain("abcdefghijklmnopqrstuvwxyz0123")
                .doesNotContain("ABCDEFGHIJKLMNOPQRSTUVWX").doesNotContain("api03-abcdefghijklmnopqrstu");
    }

    @Test
    void aStreamErrorEventEchoingTheKeyIsRedacted() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(
                "data: {\"error\":{\"message\":\"key " + KEY + " revoked\",\"type\":\"server_error\"}}\n\n").build());
        LlmProviderException e = catchThrowableOfType(LlmProviderException.class, () -> openAi().stream(
                ChatRequest.builder().model("m").user("hi").build(), CONTEXT, chunk -> { }));
        assertThat(e.getMessage()).doesNotContain(KEY).contains("revoked");
    }

    @Test
    void hugeErrorTextIsCapped() {
        LlmProviderException e = fail(openAi(), 400, "{\"error\":{\"message\":\"" + "x".repeat(100_000) + "\"}}");
        assertThat(e.getMessage().length()).isLessThan(2_500);
    }
}
