package dev.orion.llm;

/**
 * A streamed answer broke after some chunks had already been delivered, so it could be neither
 * retried nor sent to a fallback model without the caller seeing text twice. The cause says why.
 */
public final class StreamInterruptedException extends LlmException {

    private static final long serialVersionUID = 1L;

    private final int chunksDelivered;
    private final String partialText;

    /**
     * Creates the exception.
     *
     * @param model           the model whose stream broke
     * @param chunksDelivered how many chunks the listener had received
     * @param partialText     the text delivered before the break
     * @param cause           why it broke
     */
    public StreamInterruptedException(String model, int chunksDelivered, String partialText, Throwable cause) {
        super("stream from model '" + model + "' broke after " + chunksDelivered + " chunks: "
                + (cause == null ? "unknown cause" : cause.getMessage()), false, null, cause);
        this.chunksDelivered = chunksDelivered;
        this.partialText = partialText;
    }

    /** How many chunks the listener had received. */
    public int chunksDelivered() {
        return chunksDelivered;
    }

    /** The text delivered before the break. */
    public String partialText() {
        return partialText;
    }
}
