package dev.orion.llm.router;

import dev.orion.llm.ChatResponse;
import dev.orion.llm.LlmException;
import dev.orion.llm.LlmProviderException;
import dev.orion.llm.RateLimitedException;
import dev.orion.llm.StreamInterruptedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries one model: exponential backoff with full jitter, raised to the Retry-After of the latest
 * error; a Retry-After beyond the policy's bound, a non-retryable error, a cooldown reached meanwhile,
 * or a stream that already delivered text ends the retries for this model.
 */
final class RetryLink implements RouterLink {

    private final ModelHealth health;
    private final Sleeper sleeper;
    private final Clock clock;

    RetryLink(ModelHealth health, Sleeper sleeper, Clock clock) {
        this.health = health;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    @Override
    public ChatResponse intercept(Chain chain) {
        return attempt(chain.call(), chain.request().model().orElseThrow(), () -> chain.proceed(chain.request()));
    }

    /** Runs {@code attempt} against {@code model} with the profile's retries, as for chat (embeddings share it). */
    <T> T attempt(RoutedCall call, String model, java.util.function.Supplier<T> attempt) {
        LlmRetryPolicy policy = call.profile().retry();
        for (int retry = 0; ; retry++) {
            try {
                T response = attempt.get();
                health.success(model);
                return response;
            } catch (RateLimitedException e) {
                throw e; // a local per-model limit: another model may have room now
            } catch (StreamInterruptedException e) {
                if (providerSide(e.getCause())) {
                    health.failure(model, call.profile().cooldown(), clock.instant());
                }
                throw e;
            } catch (LlmException e) {
                Instant now = clock.instant();
                if (!e.retryable() || call.chunksDelivered() > 0) {
                    if (providerSide(e)) {
                        health.failure(model, call.profile().cooldown(), now);
                    }
                    throw e;
                }
                health.failure(model, call.profile().cooldown(), now);
                Duration wait = jitter(policy.ceiling(retry));
                if (e.retryAfter().isPresent()) {
                    Duration asked = e.retryAfter().get();
                    if (asked.compareTo(policy.maxRetryAfter()) > 0) {
                        health.coolUntil(model, now.plus(asked));
                        throw e;
                    }
                    wait = wait.compareTo(asked) < 0 ? asked : wait;
                }
                if (retry >= policy.maxRetries() || health.coolingUntil(model, now) != null) {
                    throw e;
                }
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * Whether a failure says something about the model's health, for every tenant: a retryable provider
     * failure (5xx, 529, 408, 429, timeout, network, malformed answer). A request the provider refused (400,
     * 422, a content-policy refusal, a bad key) is the caller's fault and must not let one tenant cool a
     * model down for all.
     */
    private static boolean providerSide(Throwable failure) {
        return failure instanceof LlmProviderException p && p.retryable() && !p.contextWindowExceeded();
    }

    private static Duration jitter(Duration ceiling) {
        long nanos = ceiling.toNanos();
        return nanos <= 0 ? Duration.ZERO : Duration.ofNanos(ThreadLocalRandom.current().nextLong(nanos + 1));
    }
}
