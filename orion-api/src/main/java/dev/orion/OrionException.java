package dev.orion;

/**
 * The root of every exception that ORION throws on purpose.
 *
 * <p>Callers that want to handle "anything ORION refused or failed to do" catch this type;
 * the typed subclasses (for example {@code StructureParseException}) carry the details
 * (which file, which line, which budget) needed to act on the failure.
 */
public class OrionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that says what went wrong and where.
     *
     * @param message the human-readable description
     */
    public OrionException(String message) {
        super(message);
    }

    /**
     * Creates an exception caused by another one.
     *
     * @param message the human-readable description
     * @param cause   the underlying failure
     */
    public OrionException(String message, Throwable cause) {
        super(message, cause);
    }
}
