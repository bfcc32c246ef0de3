package dev.orion.data.mp;

import java.time.Duration;
import java.util.Optional;

/**
 * The Materials Project kept answering 429 (too many requests) after every retry, or asked to wait
 * longer than the client is configured to wait.
 */
public final class MpRateLimitedException extends MaterialsProjectException {

    private static final long serialVersionUID = 1L;

    private final int attempts;
    private final transient Duration retryAfter;

    /**
     * @param attempts   how many requests were sent
     * @param retryAfter the wait the server asked for in its last answer, {@code null} if none
     * @param message    what failed, with the request's URL
     */
    public MpRateLimitedException(int attempts, Duration retryAfter, String message) {
        super(429, message);
        this.attempts = attempts;
        this.retryAfter = retryAfter;
    }

    /** @return how many requests were sent before giving up */
    public int attempts() {
        return attempts;
    }

    /** @return the wait the server asked for in its last answer ({@code Retry-After}), if any */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
