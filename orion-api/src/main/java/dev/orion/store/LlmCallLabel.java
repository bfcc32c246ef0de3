package dev.orion.store;

/**
 * The rule for the free-form labels that say what an LLM call belongs to: in a {@link LlmCall} its run id,
 * feature, experiment arm and provider request id, and in a {@code dev.orion.llm.CallContext} its run id,
 * feature, API key id, experiment subject and system prompt version.
 *
 * <p>A label is 1 to {@value #MAX_LENGTH} characters, not all blank. Call contexts and call records check it
 * here, so a label a context accepts is one the call log can store.
 */
public final class LlmCallLabel {

    /** The most characters a label may have (the width of the call log's label columns). */
    public static final int MAX_LENGTH = 200;

    private LlmCallLabel() {
    }

    /**
     * Checks a label.
     *
     * @param argument the name of the field, for the error message (e.g. {@code "runId"})
     * @param value    the label
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is null, blank or longer than {@link #MAX_LENGTH}
     */
    public static String check(String argument, String value) {
        if (value == null) {
            throw new IllegalArgumentException(argument + " must be 1-" + MAX_LENGTH + " non-blank characters, got null");
        }
        return StoreArguments.text(argument, value, MAX_LENGTH);
    }
}
