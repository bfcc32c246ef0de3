package dev.orion.samples.spring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback OpenAI-compatible chat server: it answers {@code POST /v1/chat/completions} in OpenAI's wire
 * format with the model it was asked for, so a test sees which model a profile routed to, and counts calls.
 */
final class LoopbackLlm {

    static final AtomicInteger CALLS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoopbackLlm() {
    }

    static MockWebServer start() {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!request.getTarget().endsWith("/chat/completions")) {
                    return new MockResponse.Builder().code(404).body("{\"error\":{\"message\":\"no such path\"}}").build();
                }
                int n = CALLS.incrementAndGet();
                String model;
                try {
                    JsonNode body = JSON.readTree(request.getBody().utf8());
                    model = body.path("model").asText();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                String answer = "{\"id\":\"chatcmpl-" + n + "\",\"object\":\"chat.completion\",\"created\":1760000000,"
                        + "\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"hello from " + model + "\"},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":7,\"total_tokens\":19}}";
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(answer).build();
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the loopback LLM server", e);
        }
        return server;
    }
}
