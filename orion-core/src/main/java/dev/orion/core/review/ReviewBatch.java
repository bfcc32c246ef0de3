package dev.orion.core.review;

import java.util.List;

/**
 * The result of a batch review: the labels applied, and the items whose claim was lost before the label
 * (they were claimed again by someone else after the claim expired, and are left to that reviewer).
 *
 * @param decisions   labels applied, in the order given
 * @param lostItemIds items not labelled because their claim was lost
 */
public record ReviewBatch(List<ReviewDecision> decisions, List<String> lostItemIds) {

    /** Copies. */
    public ReviewBatch {
        decisions = List.copyOf(decisions);
        lostItemIds = List.copyOf(lostItemIds);
    }
}
