package dev.orion.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One observation fed back to a campaign: a candidate and the objective values measured for it.
 *
 * @param id            the id assigned by the store
 * @param campaignId    the campaign
 * @param iteration     the iteration that proposed the candidate
 * @param candidateJson the candidate as JSON
 * @param values        objective values by name (finite numbers)
 * @param structureId   the structure evaluated, if stored
 * @param jobId         the job that produced the values, if any
 * @param createdAt     when recorded
 */
public record ObservationRecord(String id, String campaignId, int iteration, String candidateJson,
                                Map<String, Double> values, Optional<String> structureId,
                                Optional<String> jobId, Instant createdAt) {

    /** Validates and copies. */
    public ObservationRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(candidateJson, "candidateJson");
        values = Map.copyOf(values);
        Objects.requireNonNull(structureId, "structureId");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
