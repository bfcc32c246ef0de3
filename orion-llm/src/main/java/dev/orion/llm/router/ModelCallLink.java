package dev.orion.llm.router;

import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.LlmProviderException;
import dev.orion.llm.router.cost.ModelPrice;
import dev.orion.llm.router.cost.PriceTable;
import dev.orion.llm.router.ratelimit.RateLimitRule;
import dev.orion.llm.router.ratelimit.RateLimiter;
import java.math.BigDecimal;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The end of the chain: applies per-model rate limits, calls the model's backend and prices the answer. */
final class ModelCallLink implements RouterLink {

    private static final Logger LOG = LoggerFactory.getLogger(ModelCallLink.class);

    private final RateLimiter limiter;
    private final PriceTable prices;
    private final Set<String> unpriced = ConcurrentHashMap.newKeySet();

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
                RateLimitLink.acquireTokens(limiter, call, "tokens/model:" + route.name(), rule.tokensPerMinute(),
                        TokenEstimate.withOutput(request));
            }
        }
        ChatRequest outgoing = request.newBuilder().model(route.providerModel()).build();
        ChatResponse response;
        try {
            response = call.streaming() ? route.backend().stream(outgoing, call.context(), call.listener())
                    : route.backend().chat(outgoing, call.context());
        } catch (LlmProviderException e) {
            e.requestId().ifPresent(call::requestId);
            throw e;
        }
        call.requestId(response.id());
        return response.withCost(cost(route, response));
    }

    private BigDecimal cost(ModelRoute route, ChatResponse response) {
        java.util.Optional<ModelPrice> price = prices.find(route.name()).or(() -> prices.find(route.providerModel()));
        if (price.isEmpty()) {
            if (unpriced.add(route.name())) {
                LOG.warn("model '{}' ({}) has no price: its calls cost $0 and no budget limits them; "
                        + "add one with PriceTable.withPrice", route.name(), route.providerModel());
            }
            return BigDecimal.ZERO;
        }
        return price.get().cost(response.usage());
    }
}
