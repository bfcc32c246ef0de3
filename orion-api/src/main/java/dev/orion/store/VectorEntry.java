package dev.orion.store;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * One vector of a {@link VectorIndex} collection: a structure fingerprint, a text embedding, any
 * fixed-length numeric description of something the tenant owns, under the id of that thing.
 *
 * <p>Components are single precision (as pgvector stores them), finite, and not all zero (a zero
 * vector has no direction, so its cosine distance is undefined). The vector is copied in and out, so
 * an entry is immutable.
 *
 * @param id       the id of what the vector describes (1-200 characters), unique in its collection
 * @param vector   the components, 1 to {@value #MAX_DIMENSION}
 * @param metadata free-form metadata returned with matches (e.g. a formula, a source)
 */
public record VectorEntry(String id, float[] vector, Map<String, String> metadata) {

    /** The most components a vector may have (pgvector's limit for its {@code vector} type). */
    public static final int MAX_DIMENSION = 16_000;

    /** Validates and copies. */
    public VectorEntry {
        StoreArguments.text("id", id, 200);
        vector = checkedCopy("vector", vector);
        metadata = StoreArguments.metadata(metadata);
    }

    /**
     * @param id     the id
     * @param vector the components
     * @return an entry without metadata
     */
    public static VectorEntry of(String id, float[] vector) {
        return new VectorEntry(id, vector, Map.of());
    }

    /** @return a copy of the components */
    @Override
    public float[] vector() {
        return vector.clone();
    }

    /** @return the number of components */
    public int dimension() {
        return vector.length;
    }

    /**
     * Checks a vector as an index argument: non-null, 1 to {@value #MAX_DIMENSION} finite components, not all zero.
     *
     * @param argument the argument's name, for the message
     * @param vector   the vector
     * @return a copy of it
     * @throws IllegalArgumentException naming the argument and what is wrong
     */
    public static float[] checkedCopy(String argument, float[] vector) {
        Objects.requireNonNull(vector, argument);
        if (vector.length == 0 || vector.length > MAX_DIMENSION) {
            throw new IllegalArgumentException(argument + " must have 1-" + MAX_DIMENSION + " components, got " + vector.length);
        }
        boolean nonZero = false;
        for (int i = 0; i < vector.length; i++) {
            if (!Float.isFinite(vector[i])) {
                throw new IllegalArgumentException(argument + " component " + i + " must be finite, got " + vector[i]);
            }
            nonZero |= vector[i] != 0f;
        }
        if (!nonZero) {
            throw new IllegalArgumentException(argument + " must not be all zeros (it has no direction)");
        }
        return vector.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VectorEntry e && id.equals(e.id) && Arrays.equals(vector, e.vector) && metadata.equals(e.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, Arrays.hashCode(vector), metadata);
    }

    @Override
    public String toString() {
        return "VectorEntry[id=" + id + ", dimension=" + vector.length + ", metadata=" + metadata + "]";
    }
}
