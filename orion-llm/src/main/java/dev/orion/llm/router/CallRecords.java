package dev.orion.llm.router;

import dev.orion.llm.internal.ErrorText;
import dev.orion.BudgetExceededException;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.LlmProviderException;
import dev.orion.llm.RateLimitedException;
import dev.orion.llm.StreamInterruptedException;
import dev.orion.store.LlmCall;
import dev.orion.store.LlmCallOutcome;
import dev.orion.store.LlmCallRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the one {@link LlmCallRecord} of a routed call from what the call went through, with what its
 * {@link dev.orion.llm.CallContext} says the call is for (project, run, feature).
 */
final class CallRecords {

    private CallRecords() {
    }

    /**
     * @throws IllegalArgumentException if what the call went through is not storable (e.g. a provider
     *                                  request id longer than a label)
     */
    static LlmCallRecord of(RoutedCall call, Map<String, ModelRoute> routes, ChatResponse response,
                            RuntimeException failure, Duration latency) {
        return response == null ? of(call, routes, null, BigDecimal.ZERO, failure, latency)
                : of(call, routes, response.usage(), response.costUsd(), failure, latency);
    }

    /**
     * The record of a call that answered with {@code usage} at {@code cost} (both ignored when {@code usage}
     * is null: a failed call), e.g. an embedding call.
     */
    static LlmCallRecord of(RoutedCall call, Map<String, ModelRoute> routes, dev.orion.llm.Usage usage, BigDecimal answerCost,
                            RuntimeException failure, Duration latency) {
        List<String> tried = call.modelsTried();
        String model = tried.isEmpty() ? call.profile().primaryModel() : tried.get(tried.size() - 1);
        ModelRoute route = routes.get(model);
        String provider = call.provider().orElse(route == null ? "unknown" : route.provider());
        long in = 0;
        long out = 0;
        long cached = 0;
        long written = 0;
        BigDecimal cost = BigDecimal.ZERO;
        if (usage == null) {
            // a failed call costs what its attempts were billed (a stream cut after chunks), nothing more
            in = call.billedUsage().inputTokens();
            out = call.billedUsage().outputTokens();
            cost = call.billedCost();
        } else {
            in = usage.inputTokens();
            out = usage.outputTokens();
            cached = usage.cachedInputTokens();
            written = usage.cacheWriteTokens();
            cost = answerCost.add(call.billedCost());
        }
        LlmCall.Builder b = LlmCall.builder().time(call.startedAt()).profile(call.profile().name()).provider(provider)
                .model(model).tokensIn(in).tokensOut(out).tokensCached(cached).tokensCacheWrite(written).cost(cost)
                .latency(latency).outcome(failure == null ? LlmCallOutcome.SUCCESS : outcome(failure))
                .cacheHit(call.cacheHit()).fallbackPath(tried);
        call.context().project().ifPresent(b::project);
        call.context().runId().ifPresent(b::runId);
        call.context().feature().ifPresent(b::feature);
        call.experiment().ifPresent(b::experiment);
        call.requestId().ifPresent(b::requestId);
        if (failure != null) {
            b.error(ErrorText.safe(failure.getMessage(), List.of()));
        }
        return new LlmCallRecord(newId(), b.build());
    }

    /** A random (version 4) UUID without SecureRandom, which would cost a microsecond and contend on a lock. */
    private static String newId() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    static LlmCallOutcome outcome(Throwable failure) {
        if (failure instanceof BudgetExceededException) {
            return LlmCallOutcome.BUDGET_EXCEEDED;
        }
        if (failure instanceof RateLimitedException) {
            return LlmCallOutcome.RATE_LIMITED;
        }
        Throwable root = failure instanceof StreamInterruptedException && failure.getCause() != null ? failure.getCause() : failure;
        if (root instanceof LlmProviderException p) {
            if (p.kind() == LlmProviderException.Kind.TIMEOUT) {
                return Thread.currentThread().isInterrupted() ? LlmCallOutcome.CANCELLED : LlmCallOutcome.TIMEOUT;
            }
            if (p.status().orElse(0) == 429) {
                return LlmCallOutcome.RATE_LIMITED;
            }
        }
        return LlmCallOutcome.ERROR;
    }

}
