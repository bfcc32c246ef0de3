package dev.orion.core.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orion.check.Check;
import dev.orion.check.Verdict;
import dev.orion.core.agent.JsonSchemas;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks JSON text (a model's structured answer) against a JSON schema: the keywords {@code type},
 * {@code properties}, {@code required}, {@code additionalProperties}, {@code items} and {@code enum}, which
 * is what {@link JsonSchemas} generates and what tool and response-format schemas use. Every violation is
 * a reason naming its JSON path.
 *
 * <pre>{@code
 * record Ranking(List<String> candidateIds, String rationale) { }
 * Verdict v = JsonSchemaCheck.of(Ranking.class).check(answer.text());
 * }</pre>
 */
public final class JsonSchemaCheck implements Check<String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REASONS = 20;
    private final JsonNode schema;

    private JsonSchemaCheck(JsonNode schema) {
        this.schema = schema;
    }

    /**
     * @param schema a JSON schema as text
     * @return the check
     * @throws IllegalArgumentException if {@code schema} is not a JSON object
     */
    public static JsonSchemaCheck of(String schema) {
        Objects.requireNonNull(schema, "schema");
        try {
            JsonNode node = JSON.readTree(schema);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("schema must be a JSON object, got " + schema);
            }
            return new JsonSchemaCheck(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("schema is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** @param type a record (see {@link JsonSchemas})  @return the check against its generated schema */
    public static JsonSchemaCheck of(Type type) {
        return of(JsonSchemas.of(type));
    }

    @Override
    public String name() {
        return "json-schema";
    }

    @Override
    public Verdict check(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode value;
        try {
            value = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return Verdict.fail(name(), "not JSON: " + e.getOriginalMessage());
        }
        if (value == null || value.isMissingNode()) {
            return Verdict.fail(name(), "not JSON: the text is empty");
        }
        List<String> reasons = new ArrayList<>();
        validate(schema, value, "$", reasons);
        return Verdict.failIf(name(), reasons.size() > MAX_REASONS ? reasons.subList(0, MAX_REASONS) : reasons);
    }

    private static void validate(JsonNode s, JsonNode v, String path, List<String> reasons) {
        if (s.has("type") && !hasType(v, s.get("type").asText())) {
            reasons.add(path + " must be " + s.get("type").asText() + ", got " + kind(v));
            return;
        }
        if (s.has("enum")) {
            boolean listed = false;
            for (JsonNode option : s.get("enum")) {
                listed |= option.equals(v);
            }
            if (!listed) {
                reasons.add(path + " must be one of " + s.get("enum") + ", got " + v);
            }
        }
        if (v.isObject()) {
            JsonNode properties = s.path("properties");
            for (JsonNode name : s.path("required")) {
                if (!v.has(name.asText())) {
                    reasons.add(path + " lacks required property '" + name.asText() + "'");
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String at = path + "." + f.getKey();
                if (properties.has(f.getKey())) {
                    validate(properties.get(f.getKey()), f.getValue(), at, reasons);
                } else if (s.path("additionalProperties").isObject()) {
                    validate(s.get("additionalProperties"), f.getValue(), at, reasons);
                } else if (s.path("additionalProperties").isBoolean() && !s.get("additionalProperties").asBoolean()) {
                    reasons.add(at + " is not allowed here");
                }
            }
        }
        if (v.isArray() && s.has("items")) {
            for (int i = 0; i < v.size(); i++) {
                validate(s.get("items"), v.get(i), path + "[" + i + "]", reasons);
            }
        }
    }

    private static boolean hasType(JsonNode v, String type) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()));
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> true;
        };
    }

    private static String kind(JsonNode v) {
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + abbreviate(v.toString());
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
