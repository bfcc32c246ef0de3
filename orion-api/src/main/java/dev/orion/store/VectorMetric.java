package dev.orion.store;

/**
 * How a {@link VectorIndex} measures the distance between two vectors. The definitions are pgvector's,
 * so a database answer and an in-memory answer agree.
 */
public enum VectorMetric {

    /** {@code 1 - cos(u, v)}: 0 for vectors pointing the same way, 2 for opposite ones (pgvector {@code <=>}). */
    COSINE,

    /** The Euclidean (L2) distance {@code |u - v|} (pgvector {@code <->}). */
    EUCLIDEAN
}
