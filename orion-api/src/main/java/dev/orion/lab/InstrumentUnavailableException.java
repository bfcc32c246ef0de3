package dev.orion.lab;

/** The instrument could not be reached (disconnected, refused the connection); retry later. */
public class InstrumentUnavailableException extends InstrumentException {

    private static final long serialVersionUID = 1L;

    /** @param instrument the instrument's name  @param message what went wrong  @param cause the underlying failure */
    public InstrumentUnavailableException(String instrument, String message, Throwable cause) {
        super(instrument, message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
