package dev.orion.llm;

import dev.orion.OrionException;
import java.time.Duration;
import java.util.Optional;

/**
 * The root of failures of LLM calls. {@link #retryable()} tells whether the same call may succeed if
 * tried again later, and {@link #retryAfter()} how long to wait when the failure said so.
 */
public class LlmException extends OrionException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param message    what went wrong and where
     * @param retryable  whether trying again may help
     * @param retryAfter how long to wait before trying again, or null when not known
     * @param cause      the underlying failure, or null
     */
    public LlmException(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** Whether the same call may succeed when tried again. */
    public boolean retryable() {
        return retryable;
    }

    /** How long the failing side asked to wait before trying again. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
