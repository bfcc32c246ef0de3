package dev.orion.llm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.orion.llm.CallContext;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.EmbeddingRequest;
import dev.orion.llm.Message;
import dev.orion.llm.ResponseFormat;
import dev.orion.llm.ToolCall;
import dev.orion.llm.ToolSpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * Computes cache keys: the hex SHA-256 of a canonical JSON document holding everything that changes
 * an answer (tenant, profile, the model chain with each model's provider id, messages, tools, sampling parameters, stop sequences,
 * seed, response format, system-prompt version). JSON carried inside the request as text (tool
 * schemas, tool-call arguments, response schemas) is parsed and written with sorted keys and
 * normalised numbers, so the order of keys in those objects never changes the key, while any change
 * of content does. Parsing is strict: text with duplicate fields or trailing garbage is keyed by its raw
 * text, never as the clean JSON it starts with. Routing-only fields (project, run, API key, subject, cache flags) are not part of
 * the key.
 */
public final class CacheKeys {

    /** Strict: duplicate fields and trailing text fail, so such text keeps its raw form and never aliases clean JSON. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Numbers whose exponent is beyond this are written in scientific notation (1E+300000000 is 12 characters). */
    private static final int MAX_PLAIN_EXPONENT = 100;
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    });

    private CacheKeys() {
    }

    /**
     * The cache key of a request as routed.
     *
     * @param context the call's context: its tenant and system prompt version are part of the key
     * @param profile the profile name
     * @param models  the model chain that may answer, each as the provider's model id (with the route name),
     *                so that repointing a route to another model never serves the old model's answers
     * @param request the request, with the profile's defaults applied
     * @return 64 lower-case hex digits
     */
    public static String key(CallContext context, String profile, List<String> models, ChatRequest request) {
        return sha256(canonicalJson(context, profile, models, request));
    }

    /**
     * The cache key of an embedding request: as {@link #key}, over the inputs and the asked dimensions, in a
     * key space of its own (a chat request can never share an embedding's key).
     *
     * @param context the call context (its tenant is in the key)
     * @param profile the profile name
     * @param models  the model chain, as for {@link #key}
     * @param request the request
     * @return 64 lower-case hex digits
     */
    public static String embeddingKey(CallContext context, String profile, List<String> models, EmbeddingRequest request) {
        StringBuilder sb = new StringBuilder(256);
        sb.append('{');
        field(sb, "v", false).append('1');
        field(sb, "kind", true).append("\"embedding\"");
        field(sb, "tenant", true);
        string(sb, context.tenant().value());
        field(sb, "profile", true);
        string(sb, profile);
        field(sb, "models", true).append('[');
        for (int i = 0; i < models.size(); i++) {
            string(i > 0 ? sb.append(',') : sb, models.get(i));
        }
        field(sb.append(']'), "inputs", true).append('[');
        for (int i = 0; i < request.inputs().size(); i++) {
            string(i > 0 ? sb.append(',') : sb, request.inputs().get(i));
        }
        sb.append(']');
        request.dimensions().ifPresent(d -> field(sb, "dimensions", true).append(d));
        return sha256(sb.append('}').toString());
    }

    /** The canonical JSON that {@link #key} hashes (exposed for tests and debugging). */
    public static String canonicalJson(CallContext context, String profile, List<String> models, ChatRequest request) {
        StringBuilder sb = new StringBuilder(256);
        sb.append('{');
        field(sb, "v", false).append('2');
        field(sb, "tenant", true);
        string(sb, context.tenant().value());
        field(sb, "profile", true);
        string(sb, profile);
        field(sb, "models", true).append('[');
        for (int i = 0; i < models.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            string(sb, models.get(i));
        }
        sb.append(']');
        field(sb, "messages", true).append('[');
        List<Message> messages = request.messages();
        for (int i = 0; i < messages.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            message(sb, messages.get(i));
        }
        sb.append(']');
        if (!request.tools().isEmpty()) {
            field(sb, "tools", true).append('[');
            for (int i = 0; i < request.tools().size(); i++) {
                ToolSpec t = request.tools().get(i);
                if (i > 0) {
                    sb.append(',');
                }
                sb.append("{\"name\":");
                string(sb, t.name());
                sb.append(",\"description\":");
                string(sb, t.description());
                sb.append(",\"parameters\":");
                embeddedJson(sb, t.parametersJsonSchema());
                sb.append('}');
            }
            sb.append(']');
        }
        request.temperature().ifPresent(v -> field(sb, "temperature", true).append(number(v)));
        request.topP().ifPresent(v -> field(sb, "top_p", true).append(number(v)));
        request.maxTokens().ifPresent(v -> field(sb, "max_tokens", true).append(v));
        request.seed().ifPresent(v -> field(sb, "seed", true).append(v));
        if (!request.stop().isEmpty()) {
            field(sb, "stop", true).append('[');
            for (int i = 0; i < request.stop().size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                string(sb, request.stop().get(i));
            }
            sb.append(']');
        }
        ResponseFormat format = request.responseFormat();
        if (format instanceof ResponseFormat.Json) {
            field(sb, "format", true).append("\"json\"");
        } else if (format instanceof ResponseFormat.JsonSchema s) {
            field(sb, "format", true).append("{\"name\":");
            string(sb, s.name());
            sb.append(",\"strict\":").append(s.strict()).append(",\"schema\":");
            embeddedJson(sb, s.schema());
            sb.append('}');
        }
        context.systemPromptVersion().ifPresent(v -> {
            field(sb, "system_prompt_version", true);
            string(sb, v);
        });
        return sb.append('}').toString();
    }

    private static void message(StringBuilder sb, Message m) {
        sb.append("{\"role\":\"").append(m.role()).append("\",\"content\":");
        string(sb, m.content());
        if (m instanceof Message.Assistant a && !a.toolCalls().isEmpty()) {
            sb.append(",\"tool_calls\":[");
            for (int i = 0; i < a.toolCalls().size(); i++) {
                ToolCall c = a.toolCalls().get(i);
                if (i > 0) {
                    sb.append(',');
                }
                sb.append("{\"id\":");
                string(sb, c.id());
                sb.append(",\"name\":");
                string(sb, c.name());
                sb.append(",\"arguments\":");
                embeddedJson(sb, c.argumentsJson());
                sb.append('}');
            }
            sb.append(']');
        } else if (m instanceof Message.Tool t) {
            sb.append(",\"tool_call_id\":");
            string(sb, t.toolCallId());
            sb.append(",\"tool_name\":");
            string(sb, t.toolName());
        }
        sb.append('}');
    }

    private static StringBuilder field(StringBuilder sb, String name, boolean comma) {
        if (comma) {
            sb.append(',');
        }
        return sb.append('"').append(name).append("\":");
    }

    private static String number(double v) {
        return canonicalNumber(new BigDecimal(Double.toString(v)));
    }

    /**
     * One spelling per value, in bounded space: plain digits for ordinary magnitudes, scientific notation when
     * the exponent is huge ({@code toPlainString()} of {@code 1e300000000} would need 300 MB).
     */
    static String canonicalNumber(BigDecimal v) {
        BigDecimal stripped = v.stripTrailingZeros();
        long exponent = (long) stripped.precision() - stripped.scale() - 1;
        return Math.abs(exponent) <= MAX_PLAIN_EXPONENT ? stripped.toPlainString() : stripped.toString();
    }

    /** Writes JSON text canonically; text that is not JSON is kept as a string (it still changes the key). */
    private static void embeddedJson(StringBuilder sb, String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || node.isMissingNode()) {
            sb.append("{\"$raw\":");
            string(sb, json);
            sb.append('}');
        } else {
            canonical(sb, node);
        }
    }

    static void canonical(StringBuilder sb, JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            Collections.sort(names);
            sb.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                string(sb, names.get(i));
                sb.append(':');
                canonical(sb, node.get(names.get(i)));
            }
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                canonical(sb, node.get(i));
            }
            sb.append(']');
        } else if (node.isNumber()) {
            sb.append(canonicalNumber(node.decimalValue()));
        } else if (node.isTextual()) {
            string(sb, node.textValue());
        } else {
            sb.append(node.toString()); // true, false, null
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static String sha256(String text) {
        MessageDigest md = SHA256.get();
        md.reset();
        return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
