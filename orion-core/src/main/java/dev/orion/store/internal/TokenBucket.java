package dev.orion.store.internal;

import dev.orion.store.RateDecision;
import dev.orion.tenant.RateLimit;
import java.time.Duration;
import java.time.Instant;

/**
 * Token-bucket arithmetic on a stored state (tokens, last update). Stores load the state under a
 * lock or row lock, call {@link #acquire} and write the new state back.
 *
 * @param tokens    tokens in the bucket
 * @param updatedAt when {@code tokens} was computed
 */
public record TokenBucket(double tokens, Instant updatedAt) {

    /**
     * @param limit the limit
     * @param now   the time
     * @return a full bucket
     */
    public static TokenBucket full(RateLimit limit, Instant now) {
        return new TokenBucket(limit.capacity(), now);
    }

    /**
     * The outcome of one acquisition.
     *
     * @param state    the bucket to store
     * @param decision the answer
     */
    public record Result(TokenBucket state, RateDecision decision) {
    }

    /**
     * @param limit   the limit
     * @param permits tokens wanted
     * @param now     the time
     * @return the new state and the decision
     */
    public Result acquire(RateLimit limit, long permits, Instant now) {
        if (permits < 1 || permits > limit.capacity()) {
            throw new IllegalArgumentException("permits must be 1.." + limit.capacity() + ", got " + permits);
        }
        double elapsed = Math.max(0, Duration.between(updatedAt, now).toNanos() / 1e9);
        double available = Math.min(limit.capacity(), tokens + elapsed * limit.tokensPerSecond());
        Instant at = now.isAfter(updatedAt) ? now : updatedAt;
        if (available + 1e-9 >= permits) {
            double left = available - permits;
            return new Result(new TokenBucket(left, at), new RateDecision(true, (long) Math.floor(left + 1e-9), Duration.ZERO));
        }
        long waitNanos = (long) Math.ceil((permits - available) / limit.tokensPerSecond() * 1e9);
        return new Result(new TokenBucket(available, at),
                new RateDecision(false, (long) Math.floor(available + 1e-9), Duration.ofNanos(waitNanos)));
    }
}
