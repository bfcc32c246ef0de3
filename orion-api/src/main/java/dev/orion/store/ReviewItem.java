package dev.orion.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A stored item of the review queue.
 *
 * @param id             the id assigned by the store
 * @param campaignId     the campaign
 * @param subjectId      what is reviewed (a candidate id)
 * @param subjectJson    the subject as JSON
 * @param reason         why it was flagged
 * @param score          the flagging score, if any
 * @param values         the values under review
 * @param status         where it stands
 * @param reviewer       who holds or held the claim, or labelled it
 * @param claimExpiresAt when the current claim lapses (while {@link ReviewStatus#CLAIMED})
 * @param label          the label, once {@link ReviewStatus#LABELLED}
 * @param createdAt      when flagged
 * @param updatedAt      when last changed
 */
public record ReviewItem(String id, String campaignId, String subjectId, String subjectJson, String reason,
                         OptionalDouble score, Map<String, Double> values, ReviewStatus status, Optional<String> reviewer,
                         Optional<Instant> claimExpiresAt, Optional<ReviewLabel> label, Instant createdAt, Instant updatedAt) {

    /** Validates and copies. */
    public ReviewItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(subjectJson, "subjectJson");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(score, "score");
        values = Map.copyOf(values);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(claimExpiresAt, "claimExpiresAt");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * @param now the current time
     * @return whether a reviewer may claim it now (pending, or claimed with a lapsed claim)
     */
    public boolean claimableAt(Instant now) {
        return status == ReviewStatus.PENDING
                || status == ReviewStatus.CLAIMED && claimExpiresAt.map(t -> !t.isAfter(now)).orElse(true);
    }
}
