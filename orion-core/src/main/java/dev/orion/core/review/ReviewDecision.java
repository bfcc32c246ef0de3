package dev.orion.core.review;

import dev.orion.store.ReviewItem;
import java.util.Objects;
import java.util.Optional;

/**
 * A label applied through the {@link ReviewQueue}, and what it added to the campaign.
 *
 * @param item          the labelled item
 * @param observationId the observation the label was fed back as (absent for an acceptance with no values
 *                      under review, which measured nothing)
 */
public record ReviewDecision(ReviewItem item, Optional<String> observationId) {

    /** Validates. */
    public ReviewDecision {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(observationId, "observationId");
    }
}
