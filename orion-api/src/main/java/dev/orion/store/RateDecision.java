package dev.orion.store;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer of a rate limiter.
 *
 * @param allowed    whether the permits were taken
 * @param remaining  whole tokens left in the bucket after the decision
 * @param retryAfter when refused, how long until enough tokens are available; else zero
 */
public record RateDecision(boolean allowed, long remaining, Duration retryAfter) {

    /** Validates. */
    public RateDecision {
        Objects.requireNonNull(retryAfter, "retryAfter");
    }
}
