package dev.orion.store;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A candidate or output to put in front of an expert.
 *
 * @param campaignId  the campaign it belongs to
 * @param subjectId   what is reviewed (a candidate id); one item per campaign and subject
 * @param subjectJson the subject as JSON, for the reviewer and for feeding the label back (at most 1 MB)
 * @param reason      why it was flagged (a selector's uncertainty, an evaluator's warning)
 * @param score       the flagging score (e.g. the predicted standard deviation), if any
 * @param values      the values under review by outcome name (a prediction, a suspicious result); may be empty
 */
public record NewReviewItem(String campaignId, String subjectId, String subjectJson, String reason, OptionalDouble score,
                            Map<String, Double> values) {

    /** The largest subject JSON, in characters. */
    public static final int MAX_SUBJECT_LENGTH = 1_000_000;

    /** Validates and copies. */
    public NewReviewItem {
        StoreArguments.text("campaignId", campaignId, 100);
        StoreArguments.text("subjectId", subjectId, 1000);
        StoreArguments.text("subjectJson", subjectJson, MAX_SUBJECT_LENGTH);
        StoreArguments.text("reason", reason, 4000);
        Objects.requireNonNull(score, "score");
        score.ifPresent(s -> {
            if (!Double.isFinite(s)) {
                throw new IllegalArgumentException("score must be finite, got " + s);
            }
        });
        values = StoreArguments.properties(values);
    }

    /**
     * @param campaignId  campaign
     * @param subjectId   subject
     * @param subjectJson subject as JSON
     * @param reason      why it was flagged
     * @return an item with no score and no values under review
     */
    public static NewReviewItem of(String campaignId, String subjectId, String subjectJson, String reason) {
        return new NewReviewItem(campaignId, subjectId, subjectJson, reason, OptionalDouble.empty(), Map.of());
    }

    /** @param s the flagging score  @return a copy with it */
    public NewReviewItem withScore(double s) {
        return new NewReviewItem(campaignId, subjectId, subjectJson, reason, OptionalDouble.of(s), values);
    }

    /** @param v the values under review  @return a copy with them */
    public NewReviewItem withValues(Map<String, Double> v) {
        return new NewReviewItem(campaignId, subjectId, subjectJson, reason, score, v);
    }
}
