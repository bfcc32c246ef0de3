package dev.orion.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The review queue of one tenant: candidates and outputs flagged as uncertain wait here for an expert.
 * One reviewer at a time holds an item under a claim that expires ({@code FOR UPDATE SKIP LOCKED} on
 * PostgreSQL, so reviewers in any number of JVMs never claim the same item twice); a label is final.
 *
 * <p>Submitting, claiming, releasing and labelling are audited with resource type {@code "review-item"}.
 */
public interface ReviewStore {

    /** The longest reviewer name. */
    int MAX_REVIEWER_LENGTH = 200;

    /**
     * @param item what to flag
     * @return the new item, or the existing one of the same campaign and subject (nothing written then)
     * @throws NotFoundException if this tenant has no such campaign
     */
    ReviewItem submit(NewReviewItem item);

    /** @param id the id  @return the item, if this tenant has it */
    Optional<ReviewItem> find(String id);

    /** @param filter the filter  @param page the page  @return matching items, oldest first unless the page says otherwise */
    Page<ReviewItem> query(ReviewFilter filter, PageRequest page);

    /**
     * Claims one item for a reviewer.
     *
     * @param id       the item
     * @param reviewer who claims (1-200 characters)
     * @param ttl      how long the claim lasts (1 s to 7 days)
     * @return the claim, or empty if someone else holds an unexpired claim or the item is labelled
     * @throws NotFoundException if this tenant has no such item
     */
    Optional<ReviewClaim> claim(String id, String reviewer, Duration ttl);

    /**
     * Claims up to {@code max} claimable items of the filter's campaign (or of any campaign; its statuses and
     * reviewer are not used), oldest first, for batch review.
     *
     * @param filter   which items
     * @param reviewer who claims
     * @param max      the most items (1-1000)
     * @param ttl      how long the claims last
     * @return the claims, possibly none
     */
    List<ReviewClaim> claimNext(ReviewFilter filter, String reviewer, int max, Duration ttl);

    /**
     * Labels a claimed item; the label is final.
     *
     * @param claim a held claim
     * @param label the label
     * @return the labelled item
     * @throws ConflictException if the claim was lost (it expired and someone else claimed the item)
     *                           or the item is labelled already
     */
    ReviewItem label(ReviewClaim claim, ReviewLabel label);

    /** @param claim a held claim  @return false if the claim was lost */
    boolean release(ReviewClaim claim);
}
