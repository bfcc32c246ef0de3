package dev.orion.llm.router;

import dev.orion.BudgetExceededException;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.LlmProviderException;
import dev.orion.llm.RateLimitedException;
import dev.orion.llm.StreamInterruptedException;
import dev.orion.llm.router.log.CallOutcome;
import dev.orion.llm.router.log.CallRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Builds the one {@link CallRecord} of a routed call from what the call went through. */
final class CallRecords {

    private CallRecords() {
    }

    static CallRecord of(ChatRequest request, RoutedCall call, Map<String, ModelRoute> routes, ChatResponse response,
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
        if (response != null) {
            in = response.usage().inputTokens();
            out = response.usage().outputTokens();
            cached = response.usage().cachedInputTokens();
            written = response.usage().cacheWriteTokens();
            cost = response.costUsd();
        }
        return new CallRecord(newId(), call.startedAt(), call.tenant(), call.project(),
                request.runId(), call.profile().name(), provider, model, call.experiment(), in, out, cached, written, cost,
                latency, failure == null ? CallOutcome.SUCCESS : outcome(failure), call.cacheHit(), tried,
                call.requestId(), failure == null ? Optional.empty() : Optional.of(String.valueOf(failure.getMessage())));
    }

    /** A random (version 4) UUID without SecureRandom, which would cost a microsecond and contend on a lock. */
    private static String newId() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    static CallOutcome outcome(Throwable failure) {
        if (failure instanceof BudgetExceededException) {
            return CallOutcome.BUDGET_EXCEEDED;
        }
        if (failure instanceof RateLimitedException) {
            return CallOutcome.RATE_LIMITED;
        }
        Throwable root = failure instanceof StreamInterruptedException && failure.getCause() != null ? failure.getCause() : failure;
        if (root instanceof LlmProviderException p) {
            if (p.kind() == LlmProviderException.Kind.TIMEOUT) {
                return Thread.currentThread().isInterrupted() ? CallOutcome.CANCELLED : CallOutcome.TIMEOUT;
            }
            if (p.status().orElse(0) == 429) {
                return CallOutcome.RATE_LIMITED;
            }
        }
        return CallOutcome.ERROR;
    }

}
