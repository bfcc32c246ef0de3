package dev.orion.llm.router;

import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.LlmException;
import dev.orion.llm.LlmProviderException;
import dev.orion.llm.Usage;
import dev.orion.llm.router.cost.ModelPrice;
import dev.orion.llm.router.cost.PriceTable;
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
        RateLimitLink.acquireModelLimits(limiter, call, route, () -> TokenEstimate.withOutput(request));
        ChatRequest outgoing = request.newBuilder().model(route.providerModel()).build();
        ChatResponse response;
        int chunksBefore = call.chunksDelivered();
        try {
            response = call.streaming() ? route.backend().stream(outgoing, call.context(), call.listener())
                    : route.backend().chat(outgoing, call.context());
        } catch (LlmException e) {
            if (e instanceof LlmProviderException p) {
                p.requestId().ifPresent(call::requestId);
            }
            if (call.chunksDelivered() > chunksBefore) {
                // the provider bills what it streamed before the cut: the prompt and the text seen
                Usage seen = clamp(Usage.of(TokenEstimate.prompt(request), TokenEstimate.text(call.streamedText())), request, route);
                call.billed(seen, cost(route, seen));
            }
            throw e;
        }
        call.requestId(response.id());
        Usage usage = clamp(response.usage(), request, route);
        if (!usage.equals(response.usage())) {
            LOG.warn("model '{}' reported usage {} beyond what the request allowed; recorded and billed as {}",
                    route.name(), response.usage(), usage);
        }
        return new ChatResponse(response.id(), response.model(), response.message(), response.finishReason(), usage,
                cost(route, usage), response.cacheHit(), response.modelsTried());
    }

    /**
     * Usage bounded by what the request allowed: the prompt by the model's context window, the output by
     * {@code max_tokens} (or the window). A provider's absurd count (say {@code completion_tokens: 1e30})
     * then cannot price a call beyond what the model could bill, nor overflow the call log's columns.
     */
    static Usage clamp(Usage usage, ChatRequest request, ModelRoute route) {
        long window = route.contextWindow();
        long input = Math.min(usage.inputTokens(), window);
        long output = Math.min(usage.outputTokens(), request.maxTokens().map(Integer::longValue).orElse(window));
        long cached = Math.min(usage.cachedInputTokens(), input);
        long written = Math.min(usage.cacheWriteTokens(), input - cached);
        long reasoning = Math.min(usage.reasoningTokens(), output);
        return new Usage(input, output, cached, written, reasoning);
    }

    private BigDecimal cost(ModelRoute route, Usage usage) {
        java.util.Optional<ModelPrice> price = prices.find(route.name()).or(() -> prices.find(route.providerModel()));
        if (price.isEmpty()) {
            if (unpriced.add(route.name())) {
                LOG.warn("model '{}' ({}) has no price: its calls cost $0 and no budget limits them; "
                        + "add one with PriceTable.withPrice", route.name(), route.providerModel());
            }
            return BigDecimal.ZERO;
        }
        return price.get().cost(usage);
    }
}
