package dev.orion.store;

import dev.orion.check.Verdict;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored {@link Verdict}: which evaluation it belongs to (e.g. one iteration of a campaign agent), what
 * was judged, and when.
 *
 * @param id           the id assigned by the store
 * @param evaluationId the evaluation it belongs to (1-200 characters)
 * @param subject      what was judged, e.g. {@code candidate:<id>} or {@code agent-answer:<run>}
 * @param verdict      the verdict
 * @param time         when it was stored
 */
public record VerdictRecord(String id, String evaluationId, ResourceRef subject, Verdict verdict, Instant time) {

    /** Validates. */
    public VerdictRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(evaluationId, "evaluationId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(time, "time");
    }
}
