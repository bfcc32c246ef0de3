package dev.orion.store;

import java.util.Map;
import java.util.Objects;

/**
 * A reviewer's label on a {@link ReviewItem}.
 *
 * <pre>{@code
 * ReviewLabel.correct(Map.of("band_gap", 1.42), "measured again on a clean sample")
 * }</pre>
 *
 * @param verdict         the decision
 * @param correctedValues the right values by outcome name; present exactly for {@link ReviewVerdict#CORRECT}
 * @param comment         free text (may be empty, at most {@value #MAX_COMMENT_LENGTH} characters)
 */
public record ReviewLabel(ReviewVerdict verdict, Map<String, Double> correctedValues, String comment) {

    /** The longest comment kept. */
    public static final int MAX_COMMENT_LENGTH = 4000;

    /** Validates and copies. */
    public ReviewLabel {
        Objects.requireNonNull(verdict, "verdict");
        correctedValues = StoreArguments.properties(correctedValues);
        Objects.requireNonNull(comment, "comment");
        if (comment.length() > MAX_COMMENT_LENGTH) {
            throw new IllegalArgumentException("comment must be at most " + MAX_COMMENT_LENGTH + " characters, got "
                    + comment.length());
        }
        if ((verdict == ReviewVerdict.CORRECT) == correctedValues.isEmpty()) {
            throw new IllegalArgumentException("correctedValues must be given exactly for CORRECT, got " + verdict
                    + " with " + correctedValues);
        }
    }

    /** @param comment why  @return an acceptance */
    public static ReviewLabel accept(String comment) {
        return new ReviewLabel(ReviewVerdict.ACCEPT, Map.of(), comment);
    }

    /** @param comment why  @return a rejection */
    public static ReviewLabel reject(String comment) {
        return new ReviewLabel(ReviewVerdict.REJECT, Map.of(), comment);
    }

    /** @param values the right values by outcome name (at least one)  @param comment why  @return a correction */
    public static ReviewLabel correct(Map<String, Double> values, String comment) {
        return new ReviewLabel(ReviewVerdict.CORRECT, values, comment);
    }
}
