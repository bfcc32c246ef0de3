package dev.orion.llm.provider;

/** Thrown inside the package when a provider's answer is not in its documented shape. */
final class MalformedAnswerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedAnswerException(String message) {
        super(message);
    }

    MalformedAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
