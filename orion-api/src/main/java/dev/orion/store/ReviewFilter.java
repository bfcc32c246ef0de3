package dev.orion.store;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Selects review items; empty fields match everything.
 *
 * @param campaignId only this campaign
 * @param statuses   only these states (empty: any)
 * @param reviewer   only items claimed or labelled by this reviewer
 */
public record ReviewFilter(Optional<String> campaignId, Set<ReviewStatus> statuses, Optional<String> reviewer) {

    /** Validates and copies. */
    public ReviewFilter {
        Objects.requireNonNull(campaignId, "campaignId");
        statuses = Set.copyOf(statuses);
        Objects.requireNonNull(reviewer, "reviewer");
    }

    /** @return a filter matching every item */
    public static ReviewFilter all() {
        return new ReviewFilter(Optional.empty(), Set.of(), Optional.empty());
    }

    /** @param id campaign  @return narrowed filter */
    public ReviewFilter withCampaign(String id) {
        return new ReviewFilter(Optional.of(id), statuses, reviewer);
    }

    /** @param s states  @return narrowed filter */
    public ReviewFilter withStatus(ReviewStatus... s) {
        return new ReviewFilter(campaignId, Set.of(s), reviewer);
    }

    /** @param r reviewer  @return narrowed filter */
    public ReviewFilter withReviewer(String r) {
        return new ReviewFilter(campaignId, statuses, Optional.of(r));
    }
}
