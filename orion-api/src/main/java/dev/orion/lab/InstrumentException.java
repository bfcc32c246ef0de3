package dev.orion.lab;

import dev.orion.OrionException;
import java.util.Objects;

/**
 * An instrument refused a request or could not be talked to. The subclasses say which:
 * {@link InstrumentUnavailableException} and {@link InstrumentTimeoutException} are worth retrying later;
 * this class itself is a refusal (an unknown reference, a request the device rejected).
 */
public class InstrumentException extends OrionException {

    private static final long serialVersionUID = 1L;
    private final String instrument;

    /** @param instrument the instrument's name  @param message what went wrong */
    public InstrumentException(String instrument, String message) {
        super("instrument " + instrument + ": " + message);
        this.instrument = Objects.requireNonNull(instrument, "instrument");
    }

    /** @param instrument the instrument's name  @param message what went wrong  @param cause the underlying failure */
    public InstrumentException(String instrument, String message, Throwable cause) {
        super("instrument " + instrument + ": " + message, cause);
        this.instrument = Objects.requireNonNull(instrument, "instrument");
    }

    /** @return the instrument's name */
    public String instrument() {
        return instrument;
    }

    /** @return whether asking again later may succeed (the experiment is not lost) */
    public boolean isRetryable() {
        return false;
    }
}
