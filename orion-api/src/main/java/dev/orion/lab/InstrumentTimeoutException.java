package dev.orion.lab;

import java.time.Duration;

/** The instrument did not answer within the timeout; retry later. */
public class InstrumentTimeoutException extends InstrumentException {

    private static final long serialVersionUID = 1L;
    private final Duration timeout;

    /** @param instrument the instrument's name  @param operation what timed out  @param timeout the timeout  @param cause the underlying failure */
    public InstrumentTimeoutException(String instrument, String operation, Duration timeout, Throwable cause) {
        super(instrument, operation + " got no answer within " + timeout, cause);
        this.timeout = timeout;
    }

    /** @return the timeout that passed */
    public Duration timeout() {
        return timeout;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
