package dev.orion.llm;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every model of a profile's fallback chain is cooling down after repeated failures; the exception
 * says when the first of them becomes available again.
 */
public final class AllModelsCoolingDownException extends LlmException {

    private static final long serialVersionUID = 1L;

    private final List<String> models;
    private final Instant retryAt;

    /**
     * Creates the exception.
     *
     * @param profile the profile whose chain is exhausted
     * @param models  the models cooling down
     * @param retryAt when the first of them is available again
     * @param now     the current time, to express the wait
     */
    public AllModelsCoolingDownException(String profile, List<String> models, Instant retryAt, Instant now) {
        super("all models of profile '" + profile + "' are cooling down " + models + "; retry at " + retryAt,
                true, Duration.between(now, retryAt).isNegative() ? Duration.ZERO : Duration.between(now, retryAt), null);
        this.models = List.copyOf(models);
        this.retryAt = Objects.requireNonNull(retryAt, "retryAt");
    }

    /** The models cooling down. */
    public List<String> models() {
        return models;
    }

    /** When the first of them is available again. */
    public Instant retryAt() {
        return retryAt;
    }
}
