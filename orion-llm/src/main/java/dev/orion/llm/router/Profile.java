package dev.orion.llm.router;

import dev.orion.llm.router.budget.BudgetLimit;
import dev.orion.llm.router.ratelimit.RateLimitRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named way to answer requests: which models in which order (primary first, then fallbacks),
 * default sampling parameters, and the cache, retry, cooldown, budget, cost-cap and rate-limit
 * policies. Immutable; derive a variant with {@link #toBuilder()}.
 */
public final class Profile {

    private final String name;
    private final List<String> models;
    private final Double temperature;
    private final Integer maxTokens;
    private final CachePolicy cache;
    private final LlmRetryPolicy retry;
    private final CooldownPolicy cooldown;
    private final BigDecimal maxCostPerRequest;
    private final List<BudgetLimit> budgets;
    private final List<RateLimitRule> rateLimits;
    private final boolean contextWindowFallback;

    private Profile(Builder b) {
        if (b.name == null || !b.name.matches("[A-Za-z0-9._:-]{1,100}")) {
            throw new IllegalArgumentException("profile name must match [A-Za-z0-9._:-]{1,100}, was '" + b.name + "'");
        }
        if (b.models.isEmpty()) {
            throw new IllegalArgumentException("profile '" + b.name + "' needs at least one model");
        }
        if (b.models.stream().distinct().count() != b.models.size()) {
            throw new IllegalArgumentException("profile '" + b.name + "' lists a model twice: " + b.models);
        }
        this.name = b.name;
        this.models = List.copyOf(b.models);
        this.temperature = b.temperature;
        this.maxTokens = b.maxTokens;
        this.cache = b.cache;
        this.retry = b.retry;
        this.cooldown = b.cooldown;
        this.maxCostPerRequest = b.maxCostPerRequest;
        this.budgets = List.copyOf(b.budgets);
        this.rateLimits = List.copyOf(b.rateLimits);
        this.contextWindowFallback = b.contextWindowFallback;
    }

    /** A builder for a profile called {@code name}. @param name the profile name */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding this profile's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The profile's name. */
    public String name() {
        return name;
    }

    /** The models to try, primary first. */
    public List<String> models() {
        return models;
    }

    /** The primary model. */
    public String primaryModel() {
        return models.get(0);
    }

    /** The default temperature for requests that set none. */
    public Optional<Double> temperature() {
        return Optional.ofNullable(temperature);
    }

    /** The default output limit for requests that set none. */
    public Optional<Integer> maxTokens() {
        return Optional.ofNullable(maxTokens);
    }

    /** The cache policy. */
    public CachePolicy cache() {
        return cache;
    }

    /** The per-model retry policy. */
    public LlmRetryPolicy retry() {
        return retry;
    }

    /** The cooldown policy. */
    public CooldownPolicy cooldown() {
        return cooldown;
    }

    /** The most one request may cost, checked before the call against an estimate. */
    public Optional<BigDecimal> maxCostPerRequest() {
        return Optional.ofNullable(maxCostPerRequest);
    }

    /** The budgets the profile's calls count against. */
    public List<BudgetLimit> budgets() {
        return budgets;
    }

    /** The rate limits. */
    public List<RateLimitRule> rateLimits() {
        return rateLimits;
    }

    /** Whether models whose context window cannot hold the prompt are skipped. */
    public boolean contextWindowFallback() {
        return contextWindowFallback;
    }

    @Override
    public String toString() {
        return "Profile{" + name + " " + models + ", cache=" + cache + ", retry=" + retry + "}";
    }

    /** Collects the values of a {@link Profile}. */
    public static final class Builder {
        private String name;
        private final List<String> models = new ArrayList<>();
        private Double temperature;
        private Integer maxTokens;
        private CachePolicy cache = CachePolicy.DISABLED;
        private LlmRetryPolicy retry = LlmRetryPolicy.DEFAULT;
        private CooldownPolicy cooldown = CooldownPolicy.DEFAULT;
        private BigDecimal maxCostPerRequest;
        private final List<BudgetLimit> budgets = new ArrayList<>();
        private final List<RateLimitRule> rateLimits = new ArrayList<>();
        private boolean contextWindowFallback = true;

        private Builder(String name) {
            this.name = name;
        }

        private Builder(Profile p) {
            name = p.name;
            models.addAll(p.models);
            temperature = p.temperature;
            maxTokens = p.maxTokens;
            cache = p.cache;
            retry = p.retry;
            cooldown = p.cooldown;
            maxCostPerRequest = p.maxCostPerRequest;
            budgets.addAll(p.budgets);
            rateLimits.addAll(p.rateLimits);
            contextWindowFallback = p.contextWindowFallback;
        }

        /** @param name the profile name @return this */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets the primary model, keeping the fallbacks. @param model a router model name @return this */
        public Builder primary(String model) {
            Objects.requireNonNull(model, "model");
            if (models.isEmpty()) {
                models.add(model);
            } else {
                models.set(0, model);
            }
            return this;
        }

        /** Appends fallback models. @param fallbackModels router model names, in order @return this */
        public Builder fallbacks(String... fallbackModels) {
            for (String m : fallbackModels) {
                models.add(Objects.requireNonNull(m, "fallback model"));
            }
            return this;
        }

        /** Replaces the whole chain. @param chain primary then fallbacks @return this */
        public Builder models(List<String> chain) {
            models.clear();
            chain.forEach(m -> models.add(Objects.requireNonNull(m, "model")));
            return this;
        }

        /** @param temperature in [0, 2] @return this */
        public Builder temperature(double temperature) {
            if (!(temperature >= 0 && temperature <= 2)) {
                throw new IllegalArgumentException("temperature must be in [0, 2], was " + temperature);
            }
            this.temperature = temperature;
            return this;
        }

        /** @param maxTokens positive @return this */
        public Builder maxTokens(int maxTokens) {
            if (maxTokens <= 0) {
                throw new IllegalArgumentException("maxTokens must be > 0, was " + maxTokens);
            }
            this.maxTokens = maxTokens;
            return this;
        }

        /** @param cache the policy @return this */
        public Builder cache(CachePolicy cache) {
            this.cache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /** @param retry the policy @return this */
        public Builder retry(LlmRetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /** @param cooldown the policy @return this */
        public Builder cooldown(CooldownPolicy cooldown) {
            this.cooldown = Objects.requireNonNull(cooldown, "cooldown");
            return this;
        }

        /** @param usd the cap in dollars, >= 0 @return this */
        public Builder maxCostPerRequest(BigDecimal usd) {
            Objects.requireNonNull(usd, "maxCostPerRequest");
            if (usd.signum() < 0) {
                throw new IllegalArgumentException("maxCostPerRequest must be >= 0, was " + usd);
            }
            this.maxCostPerRequest = usd;
            return this;
        }

        /** @param budget a budget @return this */
        public Builder budget(BudgetLimit budget) {
            budgets.add(Objects.requireNonNull(budget, "budget"));
            return this;
        }

        /** @param rule a rate limit @return this */
        public Builder rateLimit(RateLimitRule rule) {
            rateLimits.add(Objects.requireNonNull(rule, "rateLimit"));
            return this;
        }

        /** @param enabled whether to skip models too small for the prompt @return this */
        public Builder contextWindowFallback(boolean enabled) {
            this.contextWindowFallback = enabled;
            return this;
        }

        /** @return the profile */
        public Profile build() {
            return new Profile(this);
        }
    }
}
