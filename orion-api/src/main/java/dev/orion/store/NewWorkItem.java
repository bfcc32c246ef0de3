package dev.orion.store;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What to enqueue. Start from {@link #of(String, String)}.
 *
 * @param queue          the queue name (1-100 characters)
 * @param payload        what to do
 * @param idempotencyKey enqueueing twice with the same key (per tenant and queue) yields one item
 * @param priority       higher is claimed first (default 0)
 * @param maxAttempts    attempts before dead-lettering (1-1000, default 5)
 * @param delay          not claimable before now + delay (default zero)
 * @param backoff        retry delay after the first failure; doubles per attempt, capped at one hour
 */
public record NewWorkItem(String queue, String payload, Optional<String> idempotencyKey, int priority,
                          int maxAttempts, Duration delay, Duration backoff) {

    /** Validates. */
    public NewWorkItem {
        StoreArguments.text("queue", queue, 100);
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        idempotencyKey.ifPresent(k -> StoreArguments.text("idempotencyKey", k, 200));
        if (maxAttempts < 1 || maxAttempts > 1000) {
            throw new IllegalArgumentException("maxAttempts must be 1..1000, got " + maxAttempts);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must be >= 0, got " + delay);
        }
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must be >= 0, got " + backoff);
        }
    }

    /** @param queue queue  @param payload payload  @return an item with default settings */
    public static NewWorkItem of(String queue, String payload) {
        return new NewWorkItem(queue, payload, Optional.empty(), 0, 5, Duration.ZERO, Duration.ofSeconds(1));
    }

    /** @param key idempotency key  @return a copy */
    public NewWorkItem withIdempotencyKey(String key) {
        return new NewWorkItem(queue, payload, Optional.of(key), priority, maxAttempts, delay, backoff);
    }

    /** @param p priority  @return a copy */
    public NewWorkItem withPriority(int p) {
        return new NewWorkItem(queue, payload, idempotencyKey, p, maxAttempts, delay, backoff);
    }

    /** @param n max attempts  @return a copy */
    public NewWorkItem withMaxAttempts(int n) {
        return new NewWorkItem(queue, payload, idempotencyKey, priority, n, delay, backoff);
    }

    /** @param d delay  @return a copy */
    public NewWorkItem withDelay(Duration d) {
        return new NewWorkItem(queue, payload, idempotencyKey, priority, maxAttempts, d, backoff);
    }

    /** @param b first retry delay  @return a copy */
    public NewWorkItem withBackoff(Duration b) {
        return new NewWorkItem(queue, payload, idempotencyKey, priority, maxAttempts, delay, b);
    }

    /**
     * @param attempts attempts made so far (>= 1)
     * @param base     the first retry delay
     * @return the delay before the next attempt: base * 2^(attempts-1), capped at one hour
     */
    public static Duration backoffAfter(int attempts, Duration base) {
        int shift = Math.min(Math.max(attempts - 1, 0), 20);
        Duration d = base.multipliedBy(1L << shift);
        return d.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : d;
    }
}
