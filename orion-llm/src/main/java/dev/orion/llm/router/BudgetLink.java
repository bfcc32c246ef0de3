package dev.orion.llm.router;

import dev.orion.BudgetExceededException;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.router.budget.BudgetLedger;
import dev.orion.llm.router.budget.BudgetReservation;
import dev.orion.llm.router.cost.ModelPrice;
import dev.orion.llm.router.cost.PriceTable;
import java.math.BigDecimal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the per-request cost cap and reserves the worst-case cost against the profile's budgets
 * before the call, then settles the actual cost. The worst case is the dearest model of the chain
 * with the whole prompt uncached and every allowed output token produced; to make that a bound the
 * link sets {@code max_tokens} when the request has none.
 */
final class BudgetLink implements RouterLink {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetLink.class);

    static final int DEFAULT_MAX_TOKENS = 4096;

    private final BudgetLedger ledger;
    private final PriceTable prices;

    BudgetLink(BudgetLedger ledger, PriceTable prices) {
        this.ledger = ledger;
        this.prices = prices;
    }

    @Override
    public ChatResponse intercept(Chain chain) {
        RoutedCall call = chain.call();
        Profile profile = call.profile();
        ChatRequest request = chain.request();
        if (profile.budgets().isEmpty() && profile.maxCostPerRequest().isEmpty()) {
            return chain.proceed(request);
        }
        if (request.maxTokens().isEmpty()) {
            request = request.newBuilder().maxTokens(DEFAULT_MAX_TOKENS).build();
        }
        long prompt = TokenEstimate.prompt(request);
        long output = request.maxTokens().orElseThrow();
        BigDecimal estimate = BigDecimal.ZERO;
        for (ModelRoute route : call.routes()) {
            estimate = estimate.max(price(route).worstCase(prompt, output));
        }
        Optional<BigDecimal> cap = profile.maxCostPerRequest();
        if (cap.isPresent() && estimate.compareTo(cap.get()) > 0) {
            throw new BudgetExceededException("profile:" + profile.name() + "/max-cost-per-request",
                    BudgetExceededException.Scope.REQUEST, cap.get(), BigDecimal.ZERO, estimate, Optional.empty());
        }
        BudgetReservation reservation = ledger.reserve(call.tenant(), call.context().project(), profile.budgets(), estimate);
        ChatResponse response;
        try {
            response = chain.proceed(request);
        } catch (RuntimeException | Error e) {
            // what failed attempts were billed (a stream cut after chunks) is spent; the rest goes back
            if (call.billedCost().signum() > 0) {
                ledger.settle(reservation, call.billedCost());
            } else {
                ledger.release(reservation);
            }
            throw e;
        }
        BigDecimal actual = response.costUsd().add(call.billedCost());
        try {
            ledger.settle(reservation, actual);
        } catch (RuntimeException e) {
            // the answer is paid for: the caller gets it, and its call record carries the cost; the
            // reservation holds the estimate until it lapses
            LOG.error("settling {} USD of a call of tenant {} failed; the call record keeps the cost: {}",
                    actual.toPlainString(), call.tenant(), e.toString());
        }
        return response;
    }

    private ModelPrice price(ModelRoute route) {
        return prices.find(route.name()).or(() -> prices.find(route.providerModel())).orElse(ModelPrice.FREE);
    }
}
