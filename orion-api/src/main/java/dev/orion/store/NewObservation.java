package dev.orion.store;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to record for a new observation.
 *
 * @param iteration     the iteration that proposed the candidate (>= 0)
 * @param candidateJson the candidate as JSON
 * @param values        objective values by name
 * @param structureId   the structure evaluated, if stored
 * @param jobId         the job that produced the values, if any
 */
public record NewObservation(int iteration, String candidateJson, Map<String, Double> values,
                             Optional<String> structureId, Optional<String> jobId) {

    /** Validates and copies. */
    public NewObservation {
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration must be >= 0, got " + iteration);
        }
        Objects.requireNonNull(candidateJson, "candidateJson");
        values = StoreArguments.properties(values);
        Objects.requireNonNull(structureId, "structureId");
        Objects.requireNonNull(jobId, "jobId");
    }

    /** @param iteration iteration  @param candidateJson candidate  @param values values  @return an observation */
    public static NewObservation of(int iteration, String candidateJson, Map<String, Double> values) {
        return new NewObservation(iteration, candidateJson, values, Optional.empty(), Optional.empty());
    }
}
