package dev.orion.llm.router;

import java.time.Duration;
import java.util.Objects;

/**
 * When a failing model is taken out of rotation: after {@code failureThreshold} consecutive
 * retryable failures it cools down for {@code duration}; a provider asking to wait longer than the
 * retry policy allows cools it down for exactly that wait.
 *
 * @param failureThreshold consecutive failures that trigger a cooldown (>= 1)
 * @param duration         how long the model stays out
 */
public record CooldownPolicy(int failureThreshold, Duration duration) {

    /** Five consecutive failures cool a model down for 30 s. */
    public static final CooldownPolicy DEFAULT = new CooldownPolicy(5, Duration.ofSeconds(30));

    /** Validates the policy. */
    public CooldownPolicy {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be >= 1, was " + failureThreshold);
        }
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("cooldown duration must be >= 0, was " + duration);
        }
    }
}
