package dev.orion.store;

import java.util.Map;
import java.util.Objects;

/**
 * One answer of {@link VectorIndex#nearest}: a stored entry's id, its distance from the query and its metadata.
 *
 * @param id       the entry's id
 * @param distance the distance from the query under the metric asked for (non-negative)
 * @param metadata the entry's metadata
 */
public record VectorMatch(String id, double distance, Map<String, String> metadata) {

    /** Validates. */
    public VectorMatch {
        Objects.requireNonNull(id, "id");
        if (!(distance >= 0) || !Double.isFinite(distance)) {
            throw new IllegalArgumentException("distance must be a finite non-negative number, got " + distance);
        }
        metadata = Map.copyOf(metadata);
    }
}
