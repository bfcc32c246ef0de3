package dev.orion.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import okhttp3.Request;

/** One provider's wire format: request body, answer parsing, stream decoding, auth headers. */
interface WireFormat {

    /** The provider kind, for errors and logs. */
    String provider();

    /** The path appended to the base URL. */
    String path();

    /** Whether streams are NDJSON lines (Ollama) rather than SSE events. */
    boolean ndjsonStream();

    /** Adds authentication and version headers: by default the API key, if any, as a bearer token. */
    default void authenticate(Request.Builder builder, ProviderSettings settings) {
        settings.apiKey().ifPresent(k -> builder.header("Authorization", "Bearer " + k));
    }

    /** The provider's embedding endpoint, if it has one. */
    default java.util.Optional<EmbeddingFormat> embeddings() {
        return java.util.Optional.empty();
    }

    /** The JSON body of a request. */
    byte[] requestBody(ChatRequest request, String model, boolean stream, ProviderSettings settings);

    /** Parses a complete (non-streamed) answer; throws {@link MalformedAnswerException} on a bad shape. */
    ChatResponse parseAnswer(JsonNode body, String model, String requestId);

    /** A decoder for one streamed answer. */
    StreamDecoder newStreamDecoder(String model, String requestId);

    /**
     * The id of an answer.
     *
     * @param answerId  the id the provider gave the answer, or null
     * @param requestId the request id from the response headers, or null
     * @return the answer id, else the request id, else empty
     */
    static String answerId(String answerId, String requestId) {
        return answerId != null ? answerId : requestId == null ? "" : requestId;
    }
}
