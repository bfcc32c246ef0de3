package dev.orion.llm.router;

import dev.orion.llm.CallContext;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.LlmConfigurationException;
import dev.orion.llm.router.ratelimit.RateLimitRule;
import dev.orion.llm.router.ratelimit.RateLimiter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongSupplier;

/** Applies the profile's per-tenant and per-API-key limits (per-model limits apply in {@link ModelCallLink}). */
final class RateLimitLink implements RouterLink {

    private static final int MAX_READABLE_KEY_ID = 64;

    private final RateLimiter limiter;

    RateLimitLink(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public ChatResponse intercept(Chain chain) {
        ChatRequest request = chain.request();
        acquireCallLimits(limiter, chain.call(), () -> TokenEstimate.withOutput(request));
        return chain.proceed(request);
    }

    /** Takes a call's request and estimated tokens from its profile's tenant and API-key buckets (chat or embeddings). */
    static void acquireCallLimits(RateLimiter limiter, RoutedCall call, LongSupplier estimate) {
        long tokens = -1;
        for (RateLimitRule rule : call.profile().rateLimits()) {
            if (rule.scope() == RateLimitRule.Scope.MODEL) {
                continue;
            }
            String owner = rule.scope() == RateLimitRule.Scope.TENANT ? "tenant" : keyOwner(call.context());
            if (rule.requestsPerMinute() > 0) {
                limiter.acquire(call.tenant(), "requests/" + owner, rule.requestsPerMinute(), 1);
            }
            if (rule.tokensPerMinute() > 0) {
                if (tokens < 0) {
                    tokens = estimate.getAsLong();
                }
                acquireTokens(limiter, call, "tokens/" + owner, rule.tokensPerMinute(), tokens);
            }
        }
    }

    /** Takes a call's request and estimated tokens from its profile's buckets of one model (chat or embeddings). */
    static void acquireModelLimits(RateLimiter limiter, RoutedCall call, ModelRoute route, LongSupplier estimate) {
        for (RateLimitRule rule : call.profile().rateLimits()) {
            if (rule.scope() != RateLimitRule.Scope.MODEL) {
                continue;
            }
            if (rule.requestsPerMinute() > 0) {
                limiter.acquire(call.tenant(), "requests/model:" + route.name(), rule.requestsPerMinute(), 1);
            }
            if (rule.tokensPerMinute() > 0) {
                acquireTokens(limiter, call, "tokens/model:" + route.name(), rule.tokensPerMinute(), estimate.getAsLong());
            }
        }
    }

    /**
     * Takes a request's estimated tokens from a bucket. A request larger than the whole bucket could never
     * pass (capping it to the bucket would let a 1,000,000-token request through a 1,000/min limit), so it
     * is refused as a configuration error, not retryable, naming the limit and the estimate.
     */
    static void acquireTokens(RateLimiter limiter, RoutedCall call, String bucket, long perMinute, long tokens) {
        if (tokens > perMinute) {
            throw new LlmConfigurationException("request of about " + tokens + " tokens (prompt estimate plus max_tokens) exceeds the"
                    + " whole rate limit 'tenant:" + call.tenant().value() + "/" + bucket + "=" + perMinute
                    + "/min'; lower maxTokens or raise the limit");
        }
        limiter.acquire(call.tenant(), bucket, perMinute, tokens);
    }

    /**
     * Names the per-key bucket. A long key id (a label may have 200 characters) is hashed, so the bucket
     * name stays within what a rate-limit store accepts; ORION's own key ids are short and stay readable.
     */
    static String keyOwner(CallContext context) {
        String id = context.apiKeyId().orElse("-");
        if (id.length() <= MAX_READABLE_KEY_ID) {
            return "key:" + id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "key#" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
