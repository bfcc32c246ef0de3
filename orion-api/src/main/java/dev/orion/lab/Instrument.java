package dev.orion.lab;

import dev.orion.campaign.Observation;

/**
 * A laboratory device (or its control software) that measures candidates. Implementations talk to the
 * device (OPC UA, a vendor API, a simulator); orion-core turns an instrument into a campaign evaluator.
 * Communication failures are reported as {@link InstrumentUnavailableException} (the device could not be
 * reached) or {@link InstrumentTimeoutException} (it did not answer in time); both leave the experiment
 * on the device, so the caller may ask again later and lose nothing.
 */
public interface Instrument {

    /** @return a short name for logs and provenance */
    String name();

    /**
     * Starts a measurement; idempotent per request id.
     *
     * @param request what to measure
     * @return the instrument's reference of the experiment (at most 1,000 characters)
     * @throws InstrumentException if the device could not be reached or refused the request
     */
    String submit(MeasurementRequest request);

    /**
     * @param reference a reference from {@link #submit} (possibly from an earlier process)
     * @return where the measurement stands
     * @throws InstrumentException if the device could not be reached, or does not know the reference
     */
    InstrumentState state(String reference);

    /**
     * @param reference a finished measurement's reference
     * @return its result: the measured outcomes, or a failed observation when the device failed or it was cancelled
     * @throws InstrumentException   if the device could not be reached
     * @throws IllegalStateException if the measurement has not finished
     */
    Observation result(String reference);

    /**
     * Cancels a measurement; cancelling a finished one does nothing.
     *
     * @param reference the reference
     * @throws InstrumentException if the device could not be reached
     */
    void cancel(String reference);
}
