package dev.orion.store;

/** Where a {@link ReviewItem} stands in the review queue. */
public enum ReviewStatus {
    /** Waiting for a reviewer. */
    PENDING,
    /** Claimed by one reviewer until the claim expires (then it can be claimed again). */
    CLAIMED,
    /** Labelled by a reviewer; final. */
    LABELLED
}
