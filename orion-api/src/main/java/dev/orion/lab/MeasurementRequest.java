package dev.orion.lab;

import dev.orion.campaign.Candidate;
import java.util.Objects;

/**
 * A request to measure one candidate on an instrument.
 *
 * @param id        the caller's id of the request; an instrument submits each id once, so a caller that
 *                  lost the answer of {@link Instrument#submit} and asks again re-attaches to the same experiment
 * @param candidate what to measure (its parameter values are the instrument's settings)
 */
public record MeasurementRequest(String id, Candidate candidate) {

    /** The longest request id. */
    public static final int MAX_ID_LENGTH = 200;

    /** Validates. */
    public MeasurementRequest {
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("id must be 1-" + MAX_ID_LENGTH + " non-blank characters, got '" + id + "'");
        }
        Objects.requireNonNull(candidate, "candidate");
    }
}
