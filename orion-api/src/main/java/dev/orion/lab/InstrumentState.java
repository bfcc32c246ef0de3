package dev.orion.lab;

/** Where a measurement stands on its instrument. */
public enum InstrumentState {
    /** Accepted, waiting for the device. */
    QUEUED,
    /** Being measured. */
    RUNNING,
    /** Measured; the result can be fetched. */
    DONE,
    /** The device reported a failure; the result is a failed observation. */
    FAILED,
    /** Cancelled before it finished. */
    CANCELLED;

    /** @return whether the measurement will not change any more */
    public boolean isFinished() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
