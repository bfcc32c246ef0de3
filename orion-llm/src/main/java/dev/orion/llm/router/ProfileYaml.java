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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the YAML form of a {@link ProfileSet}; errors name the file and the path of the bad field. */
final class ProfileYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> PROFILE_FIELDS = Set.of("models", "temperature", "maxTokens", "cache", "retry",
            "cooldown", "maxCostPerRequest", "budgets", "rateLimits", "contextWindowFallback");
    private static final Set<String> CACHE_FIELDS = Set.of("enabled", "ttl");
    private static final Set<String> RETRY_FIELDS = Set.of("maxRetries", "initialBackoff", "maxBackoff", "maxRetryAfter");
    private static final Set<String> COOLDOWN_FIELDS = Set.of("failures", "duration");
    private static final Set<String> BUDGET_FIELDS = Set.of("scope", "period", "limitUsd");
    private static final Set<String> RATE_LIMIT_FIELDS = Set.of("scope", "requestsPerMinute", "tokensPerMinute");

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
                b.temperature(ProfileValues.decimal(node.get("temperature"), source, path + ".temperature", 0, 2));
            }
            if (node.has("maxTokens")) {
                b.maxTokens((int) ProfileValues.integer(node.get("maxTokens"), source, path + ".maxTokens", 1, Integer.MAX_VALUE));
            }
            if (node.has("contextWindowFallback")) {
                b.contextWindowFallback(ProfileValues.bool(node.get("contextWindowFallback"), source, path + ".contextWindowFallback"));
            }
            if (node.has("maxCostPerRequest")) {
                b.maxCostPerRequest(ProfileValues.usd(node.get("maxCostPerRequest"), source, path + ".maxCostPerRequest"));
            }
            JsonNode cache = node.get("cache");
            if (cache != null) {
                ObjectNode c = fields(cache, source, path + ".cache", CACHE_FIELDS);
                boolean enabled = !c.has("enabled") || ProfileValues.bool(c.get("enabled"), source, path + ".cache.enabled");
                b.cache(enabled ? CachePolicy.ttl(ProfileValues.duration(c.get("ttl"), source, path + ".cache.ttl"))
                        : CachePolicy.DISABLED);
            }
            JsonNode retry = node.get("retry");
            if (retry != null) {
                ObjectNode r = fields(retry, source, path + ".retry", RETRY_FIELDS);
                LlmRetryPolicy d = LlmRetryPolicy.DEFAULT;
                b.retry(new LlmRetryPolicy(
                        r.has("maxRetries") ? (int) ProfileValues.integer(r.get("maxRetries"), source, path + ".retry.maxRetries", 0, 100)
                                : d.maxRetries(),
                        durationOr(r.get("initialBackoff"), d.initialBackoff(), source, path + ".retry.initialBackoff"),
                        durationOr(r.get("maxBackoff"), d.maxBackoff(), source, path + ".retry.maxBackoff"),
                        durationOr(r.get("maxRetryAfter"), d.maxRetryAfter(), source, path + ".retry.maxRetryAfter")));
            }
            JsonNode cooldown = node.get("cooldown");
            if (cooldown != null) {
                ObjectNode c = fields(cooldown, source, path + ".cooldown", COOLDOWN_FIELDS);
                CooldownPolicy d = CooldownPolicy.DEFAULT;
                b.cooldown(new CooldownPolicy(
                        c.has("failures") ? (int) ProfileValues.integer(c.get("failures"), source, path + ".cooldown.failures", 1,
                                Integer.MAX_VALUE) : d.failureThreshold(),
                        durationOr(c.get("duration"), d.duration(), source, path + ".cooldown.duration")));
            }
            int i = 0;
            for (JsonNode budget : list(node, "budgets", source, path)) {
                String bp = path + ".budgets[" + i++ + "]";
                ObjectNode o = fields(budget, source, bp, BUDGET_FIELDS);
                b.budget(new BudgetLimit(
                        ProfileValues.choice(o.get("scope"), BudgetLimit.Scope.class, source, bp + ".scope"),
                        ProfileValues.choice(o.get("period"), BudgetLimit.Period.class, source, bp + ".period"),
                        ProfileValues.usd(o.get("limitUsd"), source, bp + ".limitUsd")));
            }
            i = 0;
            for (JsonNode rule : list(node, "rateLimits", source, path)) {
                String rp = path + ".rateLimits[" + i++ + "]";
                ObjectNode o = fields(rule, source, rp, RATE_LIMIT_FIELDS);
                b.rateLimit(new RateLimitRule(ProfileValues.choice(o.get("scope"), RateLimitRule.Scope.class, source, rp + ".scope"),
                        perMinute(o, "requestsPerMinute", source, rp), perMinute(o, "tokensPerMinute", source, rp)));
            }
            return b.build();
        } catch (LlmConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw bad(source, path, e.getMessage());
        }
    }

    private static long perMinute(ObjectNode rule, String field, String source, String path) {
        return rule.has(field) ? ProfileValues.integer(rule.get(field), source, path + "." + field, 0, Long.MAX_VALUE) : 0;
    }

    /** A mapping whose keys are all known; an unknown key is named with its value (a typo must not pass silently). */
    private static ObjectNode fields(JsonNode node, String source, String path, Set<String> known) {
        ObjectNode o = object(node, source, path);
        o.fields().forEachRemaining(e -> {
            if (!known.contains(e.getKey())) {
                throw bad(source, path + "." + e.getKey(), "(value '" + e.getValue().asText() + "') is not a known field; known: "
                        + known);
            }
        });
        return o;
    }

    private static JsonNode list(JsonNode node, String field, String source, String path) {
        JsonNode v = node.path(field);
        if (!v.isMissingNode() && !v.isArray()) {
            throw bad(source, path + "." + field, "must be a list");
        }
        return v;
    }

    private static Duration durationOr(JsonNode node, Duration fallback, String source, String path) {
        return node == null ? fallback : ProfileValues.duration(node, source, path);
    }

    static LlmConfigurationException bad(String source, String path, String message) {
        return new LlmConfigurationException("profile file " + source + ": " + path + " " + message);
    }
}
