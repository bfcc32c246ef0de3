package dev.orion.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orion.llm.LlmProviderException;
import dev.orion.llm.internal.ErrorText;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Turns every error shape of the three providers into a {@link LlmProviderException} with the right
 * retryability: OpenAI {@code {"error":{message,type,param,code}}}, Anthropic
 * {@code {"type":"error","error":{type,message},"request_id"}}, Ollama {@code {"error":"..."}}.
 */
final class ErrorMapping {

    private ErrorMapping() {
    }

    /** Statuses after which the same request may succeed, as the OpenAI and Anthropic SDKs retry them. */
    static boolean retryableStatus(int status) {
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    static LlmProviderException fromHttp(String provider, String model, int status, String body, String requestId,
                                         Duration retryAfter) {
        LlmProviderException.Builder b = LlmProviderException.builder(provider, model, LlmProviderException.Kind.HTTP_ERROR)
                .status(status).requestId(requestId).retryAfter(retryAfter);
        fillFromBody(b, body, requestId);
        String type = describe(body)[0];
        String code = describe(body)[1];
        boolean retryable = retryableStatus(status) && !"insufficient_quota".equals(code) && !"insufficient_quota".equals(type);
        return b.retryable(retryable).contextWindowExceeded(contextWindow(status, code, describe(body)[2])).build();
    }

    /** An error event inside a stream (Anthropic {@code event: error}, an OpenAI or Ollama error object). */
    static LlmProviderException fromStreamEvent(String provider, String model, JsonNode data, String requestId) {
        String[] d = describe(data);
        boolean retryable = d[0] == null || d[0].contains("overloaded") || d[0].contains("rate_limit")
                || d[0].contains("api_error") || d[0].contains("server_error");
        return LlmProviderException.builder(provider, model, LlmProviderException.Kind.STREAM_ERROR)
                .errorType(d[0]).errorCode(d[1]).detail(ErrorText.safe(d[2], List.of())).requestId(requestId)
                .retryable(retryable && !"insufficient_quota".equals(d[1])).build();
    }

    private static void fillFromBody(LlmProviderException.Builder b, String body, String requestId) {
        String[] d = describe(body);
        b.errorType(d[0]).errorCode(d[1]).detail(ErrorText.safe(d[2] != null ? d[2] : abbreviate(body), List.of()));
        if (requestId == null && d[3] != null) {
            b.requestId(d[3]);
        }
    }

    /** {type, code, message, requestId} read from an error body of any of the three shapes; nulls when absent. */
    private static String[] describe(String body) {
        if (body == null || body.isBlank()) {
            return new String[4];
        }
        try {
            return describe(Json.MAPPER.readTree(body));
        } catch (Exception notJson) {
            return new String[4];
        }
    }

    private static String[] describe(JsonNode root) {
        String[] out = new String[4];
        if (root == null || !root.isObject()) {
            return out;
        }
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            out[0] = Json.optText(error, "type");
            JsonNode code = error.get("code");
            out[1] = code == null || code.isNull() ? null : code.asText();
            out[2] = Json.optText(error, "message");
        } else if (error != null && error.isTextual()) {
            out[2] = error.asText();
        }
        out[3] = Json.optText(root, "request_id");
        return out;
    }

    private static boolean contextWindow(int status, String code, String message) {
        if ("context_length_exceeded".equals(code)) {
            return true;
        }
        if (message == null || status != 400 && status != 413) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("prompt is too long") || m.contains("context length") || m.contains("context window");
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
