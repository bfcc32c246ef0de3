package dev.orion.llm;

/**
 * A request or configuration cannot be served as given: an unknown profile or model, a prompt that
 * fits no model's context window, an invalid profile file. Not retryable.
 */
public final class LlmConfigurationException extends LlmException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where */
    public LlmConfigurationException(String message) {
        super(message, false, null, null);
    }

    /** @param message what is wrong and where @param cause the underlying failure */
    public LlmConfigurationException(String message, Throwable cause) {
        super(message, false, null, cause);
    }
}
