package dev.orion.campaign;

import java.util.List;

/**
 * What a {@link Selector} chose: indices into its pool, best first, with the score of each.
 *
 * @param indices distinct indices into the pool
 * @param scores  the score of each chosen index (same length)
 */
public record Selection(List<Integer> indices, List<Double> scores) {

    /** Validates and copies. */
    public Selection {
        indices = List.copyOf(indices);
        scores = List.copyOf(scores);
        if (indices.size() != scores.size()) {
            throw new IllegalArgumentException("indices and scores must have the same size, got " + indices.size()
                    + " and " + scores.size());
        }
        if (indices.stream().distinct().count() != indices.size()) {
            throw new IllegalArgumentException("indices must be distinct, got " + indices);
        }
    }
}
