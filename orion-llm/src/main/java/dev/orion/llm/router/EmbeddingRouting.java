package dev.orion.llm.router;

import dev.orion.BudgetExceededException;
import dev.orion.llm.AllModelsCoolingDownException;
import dev.orion.llm.EmbeddingModel;
import dev.orion.llm.EmbeddingRequest;
import dev.orion.llm.EmbeddingResponse;
import dev.orion.llm.LlmConfigurationException;
import dev.orion.llm.LlmException;
import dev.orion.llm.internal.CacheKeys;
import dev.orion.llm.internal.EmbeddingCacheCodec;
import dev.orion.llm.internal.ResponseCache;
import dev.orion.llm.router.budget.BudgetLedger;
import dev.orion.llm.router.budget.BudgetReservation;
import dev.orion.llm.router.cost.ModelPrice;
import dev.orion.llm.router.cost.PriceTable;
import dev.orion.llm.router.ratelimit.RateLimiter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's path for embedding calls, with the same policies as chat: the profile's cache (a hit costs
 * nothing), its rate limits (tenant, API key, model), its per-request cap and budgets (reserved at the worst case, settled at the actual cost), its
 * fallback chain (skipping models cooling down, sharing model health with chat) and its retries (the chat
 * retry link's own loop), and the price of the input tokens.
 */
final class EmbeddingRouting {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingRouting.class);

    private final ResponseCache cache;
    private final BudgetLedger ledger;
    private final PriceTable prices;
    private final ModelHealth health;
    private final RetryLink retry;
    private final Clock clock;
    private final RateLimiter limiter;

    EmbeddingRouting(ResponseCache cache, RateLimiter limiter, BudgetLedger ledger, PriceTable prices, ModelHealth health,
                     RetryLink retry, Clock clock) {
        this.limiter = limiter;
        this.cache = cache;
        this.ledger = ledger;
        this.prices = prices;
        this.health = health;
        this.retry = retry;
        this.clock = clock;
    }

    EmbeddingResponse embed(EmbeddingRequest request, RoutedCall call) {
        Profile profile = call.profile();
        if (!profile.cache().enabled()) {
            return budgeted(request, call);
        }
        List<String> models = new ArrayList<>();
        call.routes().forEach(r -> models.add(r.name() + "=" + r.provider() + "/" + r.providerModel()));
        String key = CacheKeys.embeddingKey(call.context(), profile.name(), models, request);
        if (!call.context().noCache()) {
            Optional<EmbeddingResponse> hit = cache.get(call.tenant(), key).flatMap(EmbeddingRouting::decode);
            if (hit.isPresent()) {
                call.markCacheHit();
                return hit.get();
            }
        }
        EmbeddingResponse answer = budgeted(request, call);
        if (!call.context().noStore()) {
            cache.put(call.tenant(), profile.name(), key, EmbeddingCacheCodec.encode(answer), profile.cache().ttl());
        }
        return answer;
    }

    private static Optional<EmbeddingResponse> decode(dev.orion.llm.ChatResponse cached) {
        try {
            return Optional.of(EmbeddingCacheCodec.decode(cached));
        } catch (IllegalArgumentException e) {
            LOG.warn("ignoring a cache entry that is not a readable embedding: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private EmbeddingResponse budgeted(EmbeddingRequest request, RoutedCall call) {
        Profile profile = call.profile();
        RateLimitLink.acquireCallLimits(limiter, call, () -> tokens(request));
        if (profile.budgets().isEmpty() && profile.maxCostPerRequest().isEmpty()) {
            return fallback(request, call);
        }
        long tokens = tokens(request);
        BigDecimal estimate = BigDecimal.ZERO;
        for (ModelRoute route : call.routes()) {
            estimate = estimate.max(price(route).worstCase(tokens, 0));
        }
        Optional<BigDecimal> cap = profile.maxCostPerRequest();
        if (cap.isPresent() && estimate.compareTo(cap.get()) > 0) {
            throw new BudgetExceededException("profile:" + profile.name() + "/max-cost-per-request",
                    BudgetExceededException.Scope.REQUEST, cap.get(), BigDecimal.ZERO, estimate, Optional.empty());
        }
        BudgetReservation reservation = ledger.reserve(call.tenant(), call.context().project(), profile.budgets(), estimate);
        EmbeddingResponse answer;
        try {
            answer = fallback(request, call);
        } catch (RuntimeException | Error e) {
            ledger.release(reservation);
            throw e;
        }
        try {
            ledger.settle(reservation, answer.costUsd());
        } catch (RuntimeException e) {
            LOG.error("settling {} USD of an embedding call of tenant {} failed; the call record keeps the cost: {}",
                    answer.costUsd().toPlainString(), call.tenant(), e.toString());
        }
        return answer;
    }

    private EmbeddingResponse fallback(EmbeddingRequest request, RoutedCall call) {
        LlmException last = null;
        List<String> cooling = new ArrayList<>();
        Instant firstBack = null;
        for (ModelRoute route : call.routes()) {
            Instant until = health.coolingUntil(route.name(), clock.instant());
            if (until != null) {
                cooling.add(route.name());
                firstBack = firstBack == null || until.isBefore(firstBack) ? until : firstBack;
                continue;
            }
            call.tried(route.name());
            try {
                return retry.attempt(call, route.name(), () -> once(request, call, route));
            } catch (BudgetExceededException | LlmConfigurationException e) {
                throw e;
            } catch (LlmException e) {
                LOG.debug("embedding model {} of profile {} failed, falling back: {}", route.name(),
                        call.profile().name(), e.getMessage());
                last = e;
            }
        }
        if (last != null) {
            throw last;
        }
        throw new AllModelsCoolingDownException(call.profile().name(), cooling, firstBack, clock.instant());
    }

    private EmbeddingResponse once(EmbeddingRequest request, RoutedCall call, ModelRoute route) {
        if (!(route.backend() instanceof EmbeddingModel backend)) {
            throw new LlmConfigurationException("model '" + route.name() + "' of profile '" + call.profile().name()
                    + "' has a backend that does not embed (" + route.backend() + "); route embeddings to an "
                    + "OpenAI-compatible or Ollama model, or a backend implementing EmbeddingModel");
        }
        RateLimitLink.acquireModelLimits(limiter, call, route, () -> tokens(request));
        call.provider(route.provider());
        EmbeddingResponse answer = backend.embed(request.newBuilder().model(route.providerModel()).build(), call.context());
        return answer.priced(price(route).cost(answer.usage()), call.modelsTried());
    }

    private static long tokens(EmbeddingRequest request) {
        long tokens = 0;
        for (String input : request.inputs()) {
            tokens += TokenEstimate.text(input);
        }
        return tokens;
    }

    private ModelPrice price(ModelRoute route) {
        return prices.find(route.name()).or(() -> prices.find(route.providerModel())).orElse(ModelPrice.FREE);
    }
}
