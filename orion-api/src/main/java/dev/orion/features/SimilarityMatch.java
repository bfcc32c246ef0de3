package dev.orion.features;

import java.util.Objects;

/**
 * One answer of a {@link SimilarityIndex} query: the id of a stored structure and its fingerprint
 * distance from the query (0 for identical structures; larger is less similar).
 *
 * @param id       the id the structure was added under
 * @param distance fingerprint distance from the query, non-negative
 */
public record SimilarityMatch(String id, double distance) {

    /** Validates the components. */
    public SimilarityMatch {
        Objects.requireNonNull(id, "id");
        if (!(distance >= 0) || !Double.isFinite(distance)) {
            throw new IllegalArgumentException("distance must be a finite non-negative number, got " + distance);
        }
    }
}
