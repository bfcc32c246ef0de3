package dev.orion.samples.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP server that answers OpenAI chat-completions requests ({@code POST /v1/chat/completions}) with
 * {@link AgentScript}'s replies, in the real wire format (tool calls with JSON-string arguments, usage), so the
 * sample runs the whole path (provider, router, costs, call log) without an LLM endpoint.
 */
public final class ScriptedChatServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ITERATION = Pattern.compile("Iteration (\\d+) of campaign");
    private final HttpServer server;

    private ScriptedChatServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts a server on a free loopback port.
     *
     * @return the running server
     * @throws UncheckedIOException if no port can be bound
     */
    public static ScriptedChatServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            s.createContext("/v1/chat/completions", ScriptedChatServer::handle);
            s.start();
            return new ScriptedChatServer(s);
        } catch (IOException e) {
            throw new UncheckedIOException("starting the scripted chat server failed", e);
        }
    }

    /** @return the base URL to give an OpenAI-compatible provider, e.g. {@code http://127.0.0.1:40123/v1} */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/v1";
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = openAiResponse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * The script's answer to one OpenAI chat-completions request body.
     *
     * @param requestJson the request as the provider sent it
     * @return the response body
     * @throws IllegalArgumentException if the request is not JSON or names no iteration
     */
    public static String openAiResponse(String requestJson) {
        JsonNode request = read(requestJson);
        int step = 0;
        String task = "";
        for (JsonNode m : request.path("messages")) {
            String role = m.path("role").asText();
            if (role.equals("assistant")) {
                step++;
            } else if (role.equals("user") && task.isEmpty()) {
                task = m.path("content").asText();
            }
        }
        AgentScript.Reply reply = AgentScript.next(iteration(task), step);
        ObjectNode message = JSON.createObjectNode().put("role", "assistant");
        message.put("content", reply.text().isEmpty() ? null : reply.text());
        if (!reply.calls().isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            reply.calls().forEach(c -> calls.addObject().put("id", c.id()).put("type", "function").putObject("function")
                    .put("name", c.name()).put("arguments", c.argumentsJson()));
        }
        ObjectNode response = JSON.createObjectNode().put("id", "chatcmpl-scripted-" + step).put("object", "chat.completion")
                .put("model", request.path("model").asText());
        ObjectNode choice = response.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.put("finish_reason", reply.calls().isEmpty() ? "stop" : "tool_calls");
        long prompt = requestJson.length() / 4;
        long completion = 20 + reply.text().length() / 4 + reply.calls().stream().mapToLong(c -> c.argumentsJson().length() / 4).sum();
        response.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        return response.toString();
    }

    /**
     * @param task the task message of the conversation
     * @return the iteration it names
     * @throws IllegalArgumentException if it names none
     */
    public static int iteration(String task) {
        Matcher m = ITERATION.matcher(task);
        if (!m.find()) {
            throw new IllegalArgumentException("the conversation names no campaign iteration: " + task);
        }
        return Integer.parseInt(m.group(1));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("request is not JSON", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
