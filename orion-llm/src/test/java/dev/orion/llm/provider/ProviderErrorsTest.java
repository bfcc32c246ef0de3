package dev.orion.llm.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orion.llm.CallContext;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.LlmProviderException;
import dev.orion.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error shape and status of llm-wire.md maps to a typed exception with the right retryability. */
class ProviderErrorsTest {

    private static final CallContext CONTEXT = CallContext.of(TenantId.of("acme"));

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

    private LlmProviderException fail(ChatModel model, MockResponse response) {
        server.enqueue(response);
        return catchThrowableOfType(LlmProviderException.class,
                () -> model.chat(ChatRequest.builder().model("m").user("hi").build(), CONTEXT));
    }

    private ChatModel openAi() {
        return Providers.openAiCompatible(ProviderSettings.builder().baseUrl(server.url("/v1").toString()).apiKey("k").readTimeout(Duration.ofSeconds(2)).build());
    }

    private ChatModel anthropic() {
        return Providers.anthropic(ProviderSettings.builder().baseUrl(server.url("/").toString()).apiKey("k").build());
    }

    private ChatModel ollama() {
        return Providers.ollama(ProviderSettings.builder().baseUrl(server.url("/").toString()).build());
    }

    @ParameterizedTest
    @CsvSource({
        "400, invalid_request_error, , false",
        "401, invalid_request_error, invalid_api_key, false",
        "403, permission_denied, , false",
        "404, invalid_request_error, model_not_found, false",
        "408, timeout, , true",
        "409, conflict, , true",
        "429, requests, rate_limit_exceeded, true",
        "429, insufficient_quota, insufficient_quota, false",
        "500, server_error, , true",
        "502, server_error, , true",
        "503, server_error, , true",
    })
    void openAiStatusesAndCodes(int status, String type, String code, boolean retryable) {
        String codeJson = code == null ? "null" : "\"" + code + "\"";
        LlmProviderException e = fail(openAi(), new MockResponse.Builder().code(status).addHeader("x-request-id", "req_9")
                .body("{\"error\":{\"message\":\"boom\",\"type\":\"" + type + "\",\"param\":null,\"code\":" + codeJson + "}}").build());
        assertThat(e.status()).hasValue(status);
        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.errorType()).contains(type);
        assertThat(e.errorCode()).isEqualTo(java.util.Optional.ofNullable(code));
        assertThat(e.requestId()).contains("req_9");
        assertThat(e.getMessage()).contains("HTTP " + status).contains("boom");
    }

    @ParameterizedTest
    @CsvSource({
        "400, invalid_request_error, false",
        "401, authentication_error, false",
        "403, permission_error, false",
        "404, not_found_error, false",
        "413, request_too_large, false",
        "429, rate_limit_error, true",
        "500, api_error, true",
        "529, overloaded_error, true",
    })
    void anthropicErrorTypes(int status, String type, boolean retryable) {
        LlmProviderException e = fail(anthropic(), new MockResponse.Builder().code(status).addHeader("request-id", "req_a")
                .body("{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"nope\"},\"request_id\":\"req_a\"}").build());
        assertThat(e.provider()).isEqualTo("anthropic");
        assertThat(e.status()).hasValue(status);
        assertThat(e.errorType()).contains(type);
        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.requestId()).contains("req_a");
    }

    @Test
    void ollamaPlainErrorStrings() {
        LlmProviderException e = fail(ollama(), new MockResponse.Builder().code(404)
                .body("{\"error\":\"model 'llama9' not found, try pulling it first\"}").build());
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("not found");
        LlmProviderException busy = fail(ollama(), new MockResponse.Builder().code(503).body("{\"error\":\"server busy\"}").build());
        assertThat(busy.retryable()).isTrue();
    }

    @Test
    void nonJsonErrorBodiesStillMapByStatus() {
        LlmProviderException e = fail(openAi(), new MockResponse.Builder().code(502).body("<html>Bad gateway</html>").build());
        assertThat(e.retryable()).isTrue();
        assertThat(e.errorType()).isEmpty();
        assertThat(e.getMessage()).contains("Bad gateway");
    }

    @Test
    void contextWindowErrorsAreFlagged() {
        LlmProviderException openai = fail(openAi(), new MockResponse.Builder().code(400).body(
                "{\"error\":{\"message\":\"This model's maximum context length is 8192 tokens\",\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}").build());
        assertThat(openai.contextWindowExceeded()).isTrue();
        assertThat(openai.retryable()).isFalse();
        LlmProviderException claude = fail(anthropic(), new MockResponse.Builder().code(400).body(
                "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"prompt is too long: 210000 tokens > 200000 maximum\"}}").build());
        assertThat(claude.contextWindowExceeded()).isTrue();
    }

    @Test
    void retryAfterHeadersInAllThreeForms() {
        LlmProviderException seconds = fail(openAi(), new MockResponse.Builder().code(429).addHeader("retry-after", "7")
                .body("{\"error\":{\"message\":\"slow down\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}").build());
        assertThat(seconds.retryAfter()).contains(Duration.ofSeconds(7));
        LlmProviderException ms = fail(openAi(), new MockResponse.Builder().code(429).addHeader("retry-after", "7")
                .addHeader("retry-after-ms", "1500").body("{}").build());
        assertThat(ms.retryAfter()).contains(Duration.ofMillis(1500));

        Instant now = Instant.parse("2026-11-21T08:00:00Z");
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(30).atZone(ZoneOffset.UTC));
        assertThat(RetryAfter.parse(Headers.of("retry-after", date), now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(Headers.of("retry-after", date), now.plusSeconds(60))).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse(Headers.of("retry-after", "soon"), now)).isNull();
        assertThat(RetryAfter.parse(Headers.of(), now)).isNull();
    }

    @Test
    void openAiRateLimitResetHeadersStandInForAMissingRetryAfter() {
        LlmProviderException e = fail(openAi(), new MockResponse.Builder().code(429)
                .addHeader("x-ratelimit-limit-requests", "500").addHeader("x-ratelimit-remaining-requests", "0")
                .addHeader("x-ratelimit-reset-requests", "1m2.5s").addHeader("x-ratelimit-limit-tokens", "30000")
                .addHeader("x-ratelimit-remaining-tokens", "12000").addHeader("x-ratelimit-reset-tokens", "6m0s")
                .body("{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}").build());
        assertThat(e.retryAfter()).contains(Duration.ofMillis(62_500));
        assertThat(RetryAfter.goDuration("20ms")).isEqualTo(Duration.ofMillis(20));
        assertThat(RetryAfter.goDuration("1h0m1s")).isEqualTo(Duration.ofSeconds(3601));
        assertThat(RetryAfter.goDuration("soon")).isNull();
        // a 503 does not read rate-limit headers
        Instant now = Instant.now();
        assertThat(RetryAfter.parse(503, Headers.of("x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "1s"), now)).isNull();
    }

    @Test
    void connectionRefusedIsARetryableNetworkError() {
        int port = server.getPort();
        server.close();
        ChatModel dead = Providers.openAiCompatible(ProviderSettings.builder().baseUrl("http://127.0.0.1:" + port + "/v1")
                .connectTimeout(Duration.ofMillis(300)).build());
        LlmProviderException e = catchThrowableOfType(LlmProviderException.class,
                () -> dead.chat(ChatRequest.builder().model("m").user("hi").build(), CONTEXT));
        assertThat(e.kind()).isIn(LlmProviderException.Kind.NETWORK, LlmProviderException.Kind.TIMEOUT);
        assertThat(e.retryable()).isTrue();
    }
}
