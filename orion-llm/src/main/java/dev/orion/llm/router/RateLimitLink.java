package dev.orion.llm.router;

import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.router.ratelimit.RateLimitRule;
import dev.orion.llm.router.ratelimit.RateLimiter;

/** Applies the profile's per-tenant and per-API-key limits (per-model limits apply in {@link ModelCallLink}). */
final class RateLimitLink implements RouterLink {

    private final RateLimiter limiter;

    RateLimitLink(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public ChatResponse intercept(Chain chain) {
        RoutedCall call = chain.call();
        ChatRequest request = chain.request();
        long tokens = -1;
        for (RateLimitRule rule : call.profile().rateLimits()) {
            if (rule.scope() == RateLimitRule.Scope.MODEL) {
                continue;
            }
            String owner = rule.scope() == RateLimitRule.Scope.TENANT ? "tenant"
                    : "key:" + request.apiKeyId().orElse("-");
            if (rule.requestsPerMinute() > 0) {
                limiter.acquire(call.tenant(), "requests/" + owner, rule.requestsPerMinute(), 1);
            }
            if (rule.tokensPerMinute() > 0) {
                if (tokens < 0) {
                    tokens = TokenEstimate.prompt(request) + request.maxTokens().orElse(0);
                }
                limiter.acquire(call.tenant(), "tokens/" + owner, rule.tokensPerMinute(), tokens);
            }
        }
        return chain.proceed(request);
    }
}
