package dev.orion.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * A call was refused by ORION's own rate limit (requests or tokens per minute for a tenant, API key
 * or model). Always retryable, after {@link #retryAfter()}.
 */
public final class RateLimitedException extends LlmException {

    private static final long serialVersionUID = 1L;

    private final String limit;

    /**
     * Creates the exception.
     *
     * @param limit      the limit's name, e.g. {@code tenant:acme/requests-per-minute=60}
     * @param retryAfter when capacity is available again
     */
    public RateLimitedException(String limit, Duration retryAfter) {
        super("rate limit '" + Objects.requireNonNull(limit, "limit") + "' reached; retry after "
                + retryAfter.toMillis() + " ms", true, retryAfter, null);
        this.limit = limit;
    }

    /** The limit that was hit. */
    public String limit() {
        return limit;
    }
}
