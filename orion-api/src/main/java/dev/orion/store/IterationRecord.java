package dev.orion.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded iteration of a campaign: enough state (surrogate, strategy state, proposals) to
 * resume from it.
 *
 * @param campaignId the campaign
 * @param index      0, 1, 2, ... in order
 * @param stateJson  the iteration state as JSON
 * @param createdAt  when recorded
 */
public record IterationRecord(String campaignId, int index, String stateJson, Instant createdAt) {

    /** Validates. */
    public IterationRecord {
        Objects.requireNonNull(campaignId, "campaignId");
        if (index < 0) {
            throw new IllegalArgumentException("iteration index must be >= 0, got " + index);
        }
        Objects.requireNonNull(stateJson, "stateJson");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
