package dev.orion.llm.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.orion.llm.LlmConfigurationException;
import dev.orion.llm.router.budget.BudgetLimit;
import dev.orion.llm.router.ratelimit.RateLimitRule;
import dev.orion.tenant.ProjectId;
import dev.orion.tenant.TenantId;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the YAML form of a {@link ProfileSet}; errors name the file and the path of the bad field. */
final class ProfileYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");
    private static final Set<String> PROFILE_FIELDS = Set.of("models", "temperature", "maxTokens", "cache", "retry",
            "cooldown", "maxCostPerRequest", "budgets", "rateLimits", "contextWindowFallback");

    private ProfileYaml() {
    }

    static ProfileSet read(Reader reader, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(reader);
        } catch (IOException e) {
            throw new LlmConfigurationException("profile file " + source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new LlmConfigurationException("profile file " + source + " must be a mapping with 'profiles'");
        }
        ProfileSet.Builder set = ProfileSet.builder();
        JsonNode profiles = root.path("profiles");
        Map<String, ObjectNode> baseNodes = new java.util.HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = profiles.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ObjectNode node = object(e.getValue(), source, "profiles." + e.getKey());
            baseNodes.put(e.getKey(), node);
            set.profile(profile(e.getKey(), node, source, "profiles." + e.getKey()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> ts = root.path("tenants").fields(); ts.hasNext(); ) {
            Map.Entry<String, JsonNode> tenant = ts.next();
            String tPath = "tenants." + tenant.getKey();
            TenantId tenantId = id(tenant.getKey(), TenantId::of, source, tPath);
            Map<String, ObjectNode> tenantNodes = new java.util.HashMap<>(baseNodes);
            for (Iterator<Map.Entry<String, JsonNode>> ps = tenant.getValue().path("profiles").fields(); ps.hasNext(); ) {
                Map.Entry<String, JsonNode> p = ps.next();
                String path = tPath + ".profiles." + p.getKey();
                ObjectNode merged = merge(baseNodes.get(p.getKey()), object(p.getValue(), source, path));
                tenantNodes.put(p.getKey(), merged);
                set.tenantOverride(tenantId, profile(p.getKey(), merged, source, path));
            }
            for (Iterator<Map.Entry<String, JsonNode>> prs = tenant.getValue().path("projects").fields(); prs.hasNext(); ) {
                Map.Entry<String, JsonNode> project = prs.next();
                ProjectId projectId = id(project.getKey(), ProjectId::of, source, tPath + ".projects." + project.getKey());
                for (Iterator<Map.Entry<String, JsonNode>> ps = project.getValue().path("profiles").fields(); ps.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = ps.next();
                    String path = tPath + ".projects." + project.getKey() + ".profiles." + p.getKey();
                    ObjectNode merged = merge(tenantNodes.get(p.getKey()), object(p.getValue(), source, path));
                    set.projectOverride(tenantId, projectId, profile(p.getKey(), merged, source, path));
                }
            }
        }
        return set.build();
    }

    /** A tenant or project key of the file, parsed by its id type's own rule. */
    private static <T> T id(String key, java.util.function.Function<String, T> parse, String source, String path) {
        try {
            return parse.apply(key);
        } catch (IllegalArgumentException e) {
            throw bad(source, path, "is not a valid id: " + e.getMessage());
        }
    }

    private static ObjectNode merge(ObjectNode base, ObjectNode override) {
        ObjectNode out = base == null ? YAML.createObjectNode() : base.deepCopy();
        override.fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
        return out;
    }

    private static ObjectNode object(JsonNode node, String source, String path) {
        if (node == null || !node.isObject()) {
            throw bad(source, path, "must be a mapping");
        }
        return (ObjectNode) node;
    }

    static Profile profile(String name, ObjectNode node, String source, String path) {
        node.fieldNames().forEachRemaining(f -> {
            if (!PROFILE_FIELDS.contains(f)) {
                throw bad(source, path + "." + f, "is not a profile field; known fields are " + PROFILE_FIELDS);
            }
        });
        try {
            Profile.Builder b = Profile.builder(name);
            JsonNode models = node.get("models");
            if (models == null || !models.isArray() || models.isEmpty()) {
                throw bad(source, path + ".models", "must be a non-empty list of model names");
            }
            List<String> chain = new ArrayList<>();
            models.forEach(m -> chain.add(m.asText()));
            b.models(chain);
            if (node.has("temperature")) {
                b.temperature(node.get("temperature").asDouble());
            }
            if (node.has("maxTokens")) {
                b.maxTokens(node.get("maxTokens").asInt());
            }
            if (node.has("contextWindowFallback")) {
                b.contextWindowFallback(node.get("contextWindowFallback").asBoolean());
            }
            if (node.has("maxCostPerRequest")) {
                b.maxCostPerRequest(new BigDecimal(node.get("maxCostPerRequest").asText()));
            }
            JsonNode cache = node.get("cache");
            if (cache != null) {
                boolean enabled = cache.path("enabled").asBoolean(true);
                b.cache(enabled ? CachePolicy.ttl(duration(cache.path("ttl"), source, path + ".cache.ttl"))
                        : CachePolicy.DISABLED);
            }
            JsonNode retry = node.get("retry");
            if (retry != null) {
                LlmRetryPolicy d = LlmRetryPolicy.DEFAULT;
                b.retry(new LlmRetryPolicy(retry.path("maxRetries").asInt(d.maxRetries()),
                        durationOr(retry.get("initialBackoff"), d.initialBackoff(), source, path + ".retry.initialBackoff"),
                        durationOr(retry.get("maxBackoff"), d.maxBackoff(), source, path + ".retry.maxBackoff"),
                        durationOr(retry.get("maxRetryAfter"), d.maxRetryAfter(), source, path + ".retry.maxRetryAfter")));
            }
            JsonNode cooldown = node.get("cooldown");
            if (cooldown != null) {
                CooldownPolicy d = CooldownPolicy.DEFAULT;
                b.cooldown(new CooldownPolicy(cooldown.path("failures").asInt(d.failureThreshold()),
                        durationOr(cooldown.get("duration"), d.duration(), source, path + ".cooldown.duration")));
            }
            int i = 0;
            for (JsonNode budget : node.path("budgets")) {
                String bp = path + ".budgets[" + i++ + "]";
                b.budget(new BudgetLimit(
                        BudgetLimit.Scope.valueOf(upper(budget, "scope", source, bp)),
                        BudgetLimit.Period.valueOf(upper(budget, "period", source, bp)),
                        new BigDecimal(budget.path("limitUsd").asText("x"))));
            }
            i = 0;
            for (JsonNode rule : node.path("rateLimits")) {
                String rp = path + ".rateLimits[" + i++ + "]";
                b.rateLimit(new RateLimitRule(RateLimitRule.Scope.valueOf(upper(rule, "scope", source, rp).replace('-', '_')),
                        rule.path("requestsPerMinute").asLong(0), rule.path("tokensPerMinute").asLong(0)));
            }
            return b.build();
        } catch (LlmConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw bad(source, path, e.getMessage());
        }
    }

    private static String upper(JsonNode node, String field, String source, String path) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw bad(source, path + "." + field, "is missing");
        }
        return v.asText().toUpperCase(Locale.ROOT);
    }

    private static Duration durationOr(JsonNode node, Duration fallback, String source, String path) {
        return node == null ? fallback : duration(node, source, path);
    }

    /** Reads {@code 250ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 2d}, ISO-8601 ({@code PT1M}) or plain seconds. */
    static Duration duration(JsonNode node, String source, String path) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw bad(source, path, "is missing");
        }
        if (node.isNumber()) {
            return Duration.ofMillis(Math.round(node.asDouble() * 1000));
        }
        String text = node.asText().strip();
        Matcher m = SHORT_DURATION.matcher(text);
        if (m.matches()) {
            double v = Double.parseDouble(m.group(1));
            long ms = switch (m.group(2)) {
                case "ms" -> Math.round(v);
                case "s" -> Math.round(v * 1000);
                case "m" -> Math.round(v * 60_000);
                case "h" -> Math.round(v * 3_600_000);
                default -> Math.round(v * 86_400_000);
            };
            return Duration.ofMillis(ms);
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw bad(source, path, "is not a duration (e.g. 250ms, 10s, 5m, 1h, PT1M): '" + text + "'");
        }
    }

    private static LlmConfigurationException bad(String source, String path, String message) {
        return new LlmConfigurationException("profile file " + source + ": " + path + " " + message);
    }
}
