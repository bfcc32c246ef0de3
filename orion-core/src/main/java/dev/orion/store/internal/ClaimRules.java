package dev.orion.store.internal;

import dev.orion.store.NewReviewItem;
import dev.orion.store.OrchestratorRun;
import dev.orion.store.ReviewItem;
import dev.orion.store.ReviewLabel;
import dev.orion.store.ReviewStatus;
import dev.orion.store.StoreArguments;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Argument rules and audit details of the review queue's claims and the orchestrator's leases, shared by both stores. */
public final class ClaimRules {

    /** The audit resource type of review items. */
    public static final String REVIEW = "review-item";
    /** The audit resource type of orchestrator settings, leases and runs. */
    public static final String ORCHESTRATOR = "orchestrator";
    /** The longest claim of a review item. */
    public static final Duration MAX_REVIEW_CLAIM = Duration.ofDays(7);
    /** The longest campaign lease. */
    public static final Duration MAX_LEASE = Duration.ofDays(1);

    private ClaimRules() {
    }

    /** @param argument name  @param value who  @return value, checked (1-200 characters) */
    public static String who(String argument, String value) {
        return StoreArguments.text(argument, value, 200);
    }

    /** @param ttl how long  @param max the longest allowed  @return ttl, checked (1 s to max) */
    public static Duration ttl(Duration ttl, Duration max) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(max) > 0) {
            throw new IllegalArgumentException("ttl must be between 1 s and " + max + ", got " + ttl);
        }
        return ttl;
    }

    /** @param max items per claim  @return max, checked (1-1000) */
    public static int max(int max) {
        if (max < 1 || max > 1000) {
            throw new IllegalArgumentException("max must be 1..1000, got " + max);
        }
        return max;
    }

    /** @param id id  @param n what was flagged  @param now when  @return the new pending item */
    public static ReviewItem pending(String id, NewReviewItem n, Instant now) {
        return new ReviewItem(id, n.campaignId(), n.subjectId(), n.subjectJson(), n.reason(), n.score(), n.values(),
                ReviewStatus.PENDING, Optional.empty(), Optional.empty(), Optional.empty(), now, now);
    }

    /** @param i item  @param reviewer who  @param expires until  @param now when  @return the claimed item */
    public static ReviewItem claimed(ReviewItem i, String reviewer, Instant expires, Instant now) {
        return new ReviewItem(i.id(), i.campaignId(), i.subjectId(), i.subjectJson(), i.reason(), i.score(), i.values(),
                ReviewStatus.CLAIMED, Optional.of(reviewer), Optional.of(expires), Optional.empty(), i.createdAt(), now);
    }

    /** @param i item  @param label label  @param now when  @return the labelled item */
    public static ReviewItem labelled(ReviewItem i, ReviewLabel label, Instant now) {
        return new ReviewItem(i.id(), i.campaignId(), i.subjectId(), i.subjectJson(), i.reason(), i.score(), i.values(),
                ReviewStatus.LABELLED, i.reviewer(), Optional.empty(), Optional.of(label), i.createdAt(), now);
    }

    /** @param label a label  @return its audit details */
    public static Map<String, String> labelDetails(ReviewLabel label) {
        return Map.of("verdict", label.verdict().name(), "values", label.correctedValues().toString());
    }

    /** @param r a step result  @return its audit details */
    public static Map<String, String> stepDetails(OrchestratorRun.StepRecord r) {
        return Map.of("iterations", Integer.toString(r.iterations()), "evaluations", Integer.toString(r.evaluations()),
                "improved", Boolean.toString(r.improved()), "error", r.error().orElse(""));
    }
}
