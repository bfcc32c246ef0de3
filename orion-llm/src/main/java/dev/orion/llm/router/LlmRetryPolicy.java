package dev.orion.llm.router;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently one model is retried before the router falls back to the next one.
 * Delays grow exponentially with full jitter ({@code random(0, min(maxBackoff, initial * 2^n))}); a
 * Retry-After from the latest error raises the delay to at least that wait, unless it exceeds
 * {@code maxRetryAfter}, in which case the model is left (and cooled down) at once.
 *
 * @param maxRetries     retries after the first attempt (0 = no retry)
 * @param initialBackoff the first delay ceiling
 * @param maxBackoff     the largest delay ceiling
 * @param maxRetryAfter  the longest provider-requested wait the router is willing to sit out
 */
public record LlmRetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    /** Two retries, 250 ms doubling up to 8 s, Retry-After honoured up to 60 s (as the OpenAI SDK does). */
    public static final LlmRetryPolicy DEFAULT = new LlmRetryPolicy(2, Duration.ofMillis(250), Duration.ofSeconds(8), Duration.ofSeconds(60));

    /** No retries: a failure moves straight to the next model. */
    public static final LlmRetryPolicy NONE = new LlmRetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /** Validates the policy. */
    public LlmRetryPolicy {
        if (maxRetries < 0 || maxRetries > 20) {
            throw new IllegalArgumentException("maxRetries must be in [0, 20], was " + maxRetries);
        }
        nonNegative("initialBackoff", initialBackoff);
        nonNegative("maxBackoff", maxBackoff);
        nonNegative("maxRetryAfter", maxRetryAfter);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must be >= initialBackoff (" + initialBackoff + ")");
        }
    }

    /** The ceiling of the delay before retry number {@code retry} (0-based). @param retry the retry index */
    public Duration ceiling(int retry) {
        long initial = initialBackoff.toNanos();
        long cap = maxBackoff.toNanos();
        long ceiling = retry >= 62 || initial > (cap >> Math.min(retry, 62)) ? cap : Math.min(cap, initial << retry);
        return Duration.ofNanos(ceiling);
    }

    private static void nonNegative(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + d);
        }
    }
}
