package dev.orion.llm.router;

import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.LlmProviderException;
import dev.orion.llm.router.cost.ModelPrice;
import dev.orion.llm.router.cost.PriceTable;
import dev.orion.llm.router.ratelimit.RateLimitRule;
import dev.orion.llm.router.ratelimit.RateLimiter;
import java.math.BigDecimal;

/** The end of the chain: applies per-model rate limits, calls the model's backend and prices the answer. */
final class ModelCallLink implements RouterLink {

    private final RateLimiter limiter;
    private final PriceTable prices;

    ModelCallLink(RateLimiter limiter, PriceTable prices) {
        this.limiter = limiter;
        this.prices = prices;
    }

    @Override
    public ChatResponse intercept(Chain chain) {
        RoutedCall call = chain.call();
        ChatRequest request = chain.request();
        ModelRoute route = call.route(request.model().orElseThrow());
        call.provider(route.provider());
        for (RateLimitRule rule : call.profile().rateLimits()) {
            if (rule.scope() != RateLimitRule.Scope.MODEL) {
                continue;
            }
            if (rule.requestsPerMinute() > 0) {
                limiter.acquire(call.tenant(), "requests/model:" + route.name(), rule.requestsPerMinute(), 1);
            }
            if (rule.tokensPerMinute() > 0) {
                limiter.acquire(call.tenant(), "tokens/model:" + route.name(), rule.tokensPerMinute(),
                        TokenEstimate.prompt(request) + request.maxTokens().orElse(0));
            }
        }
        ChatRequest outgoing = request.newBuilder().model(route.providerModel()).build();
        ChatResponse response;
        try {
            response = call.streaming() ? route.backend().stream(outgoing, call.listener()) : route.backend().chat(outgoing);
        } catch (LlmProviderException e) {
            e.requestId().ifPresent(call::requestId);
            throw e;
        }
        call.requestId(response.id());
        return response.withCost(cost(route, response));
    }

    private BigDecimal cost(ModelRoute route, ChatResponse response) {
        ModelPrice price = prices.find(route.name()).or(() -> prices.find(route.providerModel())).orElse(ModelPrice.FREE);
        return price.cost(response.usage());
    }
}
