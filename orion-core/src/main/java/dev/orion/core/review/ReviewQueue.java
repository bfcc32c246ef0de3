package dev.orion.core.review;

import dev.orion.campaign.Candidate;
import dev.orion.campaign.Measurement;
import dev.orion.campaign.Observation;
import dev.orion.campaign.Selection;
import dev.orion.core.OrionTenant;
import dev.orion.core.campaign.internal.CandidateJson;
import dev.orion.core.campaign.runner.CampaignRunner;
import dev.orion.store.ConflictException;
import dev.orion.store.NewReviewItem;
import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.ResourceRef;
import dev.orion.store.ReviewClaim;
import dev.orion.store.ReviewFilter;
import dev.orion.store.ReviewItem;
import dev.orion.store.ReviewLabel;
import dev.orion.store.ReviewStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review queue of one campaign of one tenant: flags uncertain candidates and suspicious outputs for an
 * expert, hands them out under expiring claims, and feeds each label back into the campaign through the
 * {@link CampaignRunner} as an observation: an acceptance confirms the values under review, a correction
 * replaces them, a rejection records a failed observation (so the strategy never proposes the candidate
 * again). Each such observation is linked by provenance ({@code "labelled-in"}) to its review item; the
 * store audits every flag, claim and label.
 *
 * <pre>{@code
 * ReviewQueue queue = ReviewQueue.of(acme, runner, campaignId);
 * queue.flagUncertain(pool, Selectors.maxVariance().select(input, 5), 0.2, "max-variance");
 * for (ReviewClaim claim : queue.claimBatch("dr.curie", 5, Duration.ofMinutes(30))) {
 *     queue.label(claim, ReviewLabel.correct(Map.of("band_gap", 1.42), "remeasured"));
 * }
 * }</pre>
 */
public final class ReviewQueue {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewQueue.class);
    private final OrionTenant tenant;
    private final CampaignRunner runner;
    private final String campaignId;
    private final ReviewStore store;

    private ReviewQueue(OrionTenant tenant, CampaignRunner runner, String campaignId) {
        this.tenant = tenant;
        this.runner = runner;
        this.campaignId = campaignId;
        this.store = tenant.reviews();
    }

    /**
     * @param tenant     whose queue
     * @param runner     the runner of the campaign (built with its space and goal), which records labels as observations
     * @param campaignId the stored campaign
     * @return the campaign's queue
     */
    public static ReviewQueue of(OrionTenant tenant, CampaignRunner runner, String campaignId) {
        return new ReviewQueue(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(runner, "runner"),
                Objects.requireNonNull(campaignId, "campaignId"));
    }

    /**
     * Flags a candidate; flagging the same candidate again returns the existing item.
     *
     * @param candidate what to review
     * @param reason    why (a selector's name and score, an evaluator's warning)
     * @param score     the flagging score, if any
     * @param values    the values under review by outcome name (a prediction, a suspicious result); may be empty
     * @return the item
     * @throws dev.orion.store.NotFoundException if the tenant has no such campaign
     */
    public ReviewItem flag(Candidate candidate, String reason, OptionalDouble score, Map<String, Double> values) {
        Objects.requireNonNull(candidate, "candidate");
        NewReviewItem n = new NewReviewItem(campaignId, candidate.id(), CandidateJson.toJson(candidate), reason, score, values);
        return store.submit(n);
    }

    /**
     * Flags the pool items an active-learning selector chose whose score reaches {@code minScore}.
     *
     * @param pool      the pool the selector saw, in its order
     * @param selection what the selector chose
     * @param minScore  the lowest score worth an expert's time
     * @param selector  the selector's name, for the reason
     * @return the items, in selection order
     * @throws IllegalArgumentException if an index is outside the pool
     */
    public List<ReviewItem> flagUncertain(List<Candidate> pool, Selection selection, double minScore, String selector) {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(selection, "selection");
        List<ReviewItem> items = new ArrayList<>();
        for (int k = 0; k < selection.indices().size(); k++) {
            int index = selection.indices().get(k);
            double score = selection.scores().get(k);
            if (index < 0 || index >= pool.size()) {
                throw new IllegalArgumentException("selection index " + index + " is outside the pool of " + pool.size());
            }
            if (score >= minScore) {
                items.add(flag(pool.get(index), selector + " scored " + score + " (>= " + minScore + ")", OptionalDouble.of(score),
                        Map.of()));
            }
        }
        return items;
    }

    /**
     * @param item an item flagged through a review queue
     * @return the candidate it is about (structure and composition are not stored; a pool restores them by id)
     * @throws IllegalArgumentException if its subject is not a candidate flagged by a review queue
     */
    public static Candidate candidate(ReviewItem item) {
        return CandidateJson.fromJson(Objects.requireNonNull(item, "item").subjectJson());
    }

    /** @param filter narrows further (its campaign is replaced by this queue's)  @param page page  @return the campaign's items */
    public Page<ReviewItem> list(ReviewFilter filter, PageRequest page) {
        return store.query(filter.withCampaign(campaignId), page);
    }

    /**
     * @param itemId   the item
     * @param reviewer who
     * @param ttl      how long the claim lasts
     * @return the claim, or empty if another reviewer holds it or it is labelled
     */
    public Optional<ReviewClaim> claim(String itemId, String reviewer, Duration ttl) {
        return store.claim(itemId, reviewer, ttl);
    }

    /** @param reviewer who  @param max how many  @param ttl how long  @return claims on the oldest claimable items */
    public List<ReviewClaim> claimBatch(String reviewer, int max, Duration ttl) {
        return store.claimNext(ReviewFilter.all().withCampaign(campaignId), reviewer, max, ttl);
    }

    /** @param claim a held claim  @return false if it was lost */
    public boolean release(ReviewClaim claim) {
        return store.release(claim);
    }

    /**
     * Labels a claimed item and feeds the label back into the campaign.
     *
     * @param claim a held claim on an item of this campaign
     * @param label the label
     * @return the labelled item and the observation it became
     * @throws ConflictException        if the claim was lost
     * @throws IllegalArgumentException if the claim is of another campaign's item
     */
    public ReviewDecision label(ReviewClaim claim, ReviewLabel label) {
        Objects.requireNonNull(claim, "claim");
        if (!claim.item().campaignId().equals(campaignId)) {
            throw new IllegalArgumentException("claim on item " + claim.item().id() + " of campaign " + claim.item().campaignId()
                    + " given to the review queue of campaign " + campaignId);
        }
        ReviewItem item = store.label(claim, label);
        Optional<Observation> observation = observation(item, label);
        Optional<String> id = observation.map(o -> runner.addObservation(campaignId, o));
        id.ifPresent(o -> tenant.provenance().link(ResourceRef.of("observation", o), "labelled-in",
                ResourceRef.of("review-item", item.id())));
        LOG.debug("review item {} of campaign {} labelled {} by {}", item.id(), campaignId, label.verdict(), item.reviewer().orElse(""));
        return new ReviewDecision(item, id);
    }

    /**
     * Labels several claimed items (a batch review). A claim lost on the way is skipped and reported; the
     * other labels are applied.
     *
     * @param labels the label of each claim, in order
     * @return what was applied and what was lost
     */
    public ReviewBatch labelAll(Map<ReviewClaim, ReviewLabel> labels) {
        Objects.requireNonNull(labels, "labels");
        List<ReviewDecision> done = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        labels.forEach((claim, label) -> {
            try {
                done.add(label(claim, label));
            } catch (ConflictException e) {
                LOG.info("review item {} not labelled: {}", claim.item().id(), e.getMessage());
                lost.add(claim.item().id());
            }
        });
        return new ReviewBatch(done, lost);
    }

    private static Optional<Observation> observation(ReviewItem item, ReviewLabel label) {
        Candidate candidate = candidate(item);
        String reviewer = item.reviewer().orElse("a reviewer");
        return switch (label.verdict()) {
            case REJECT -> Optional.of(Observation.failed(candidate, clip("rejected by " + reviewer
                    + (label.comment().isEmpty() ? "" : ": " + label.comment()))));
            case CORRECT -> Optional.of(Observation.of(candidate, measurements(label.correctedValues())));
            case ACCEPT -> item.values().isEmpty() ? Optional.empty()
                    : Optional.of(Observation.of(candidate, measurements(item.values())));
        };
    }

    private static String clip(String reason) {
        return reason.length() > Observation.MAX_FAILURE_LENGTH ? reason.substring(0, Observation.MAX_FAILURE_LENGTH) : reason;
    }

    private static Map<String, Measurement> measurements(Map<String, Double> values) {
        Map<String, Measurement> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, Measurement.of(v, "")));
        return out;
    }
}
