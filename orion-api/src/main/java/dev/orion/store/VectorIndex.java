package dev.orion.store;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One tenant's vectors, kept in named collections (for example {@code "structure-fingerprint"} and
 * {@code "text-embedding"}), with nearest-neighbour search by cosine or Euclidean distance.
 *
 * <p>Every vector of a collection has the same dimension, fixed by the collection's first entry; a
 * vector of another dimension is refused. A query returns the {@code k} nearest entries, nearest
 * first, ties broken by id. The memory and H2 stores, and PostgreSQL without the pgvector extension,
 * answer exactly; PostgreSQL with pgvector answers from an HNSW index (approximate: on large
 * collections a true neighbour is occasionally missed, see docs/similarity.md for measured recall).
 * Vectors are derived data (like the LLM cache), so writes are not audited; dropping a collection is.
 *
 * <pre>{@code
 * VectorIndex vectors = stores.vectors();
 * vectors.upsert("text-embedding", List.of(VectorEntry.of("template-7", embedding)));
 * List<VectorMatch> like = vectors.nearest("text-embedding", query, 5, VectorMetric.COSINE);
 * }</pre>
 */
public interface VectorIndex {

    /** The longest collection name, in characters. */
    int MAX_COLLECTION_LENGTH = 100;

    /** The largest {@code k} a query may ask for. */
    int MAX_K = 1000;

    /**
     * Adds entries or replaces those with the same ids, atomically.
     *
     * @param collection the collection (1-{@value #MAX_COLLECTION_LENGTH} characters), created by its first entry
     * @param entries    the entries, all of the collection's dimension; an id at most once
     * @throws IllegalArgumentException if an entry's dimension differs from the collection's or from
     *                                  the others', or an id repeats; nothing is stored then
     */
    void upsert(String collection, List<VectorEntry> entries);

    /**
     * @param collection the collection
     * @param id         the entry's id
     * @return the entry, empty if absent
     */
    Optional<VectorEntry> get(String collection, String id);

    /**
     * @param collection the collection
     * @param id         the entry's id
     * @return whether an entry was removed
     */
    boolean remove(String collection, String id);

    /**
     * @param collection the collection
     * @return how many entries it holds (0 for a collection that does not exist)
     */
    long size(String collection);

    /**
     * @param collection the collection
     * @return the dimension of its vectors, empty if it holds none
     */
    OptionalInt dimension(String collection);

    /**
     * Returns the {@code k} entries nearest to {@code query}, nearest first, ties broken by id; fewer
     * if the collection holds fewer, none if it does not exist.
     *
     * @param collection the collection
     * @param query      the query vector, of the collection's dimension (checked as {@link VectorEntry#checkedCopy})
     * @param k          how many, 1 to 1000
     * @param metric     the distance
     * @return the matches
     * @throws IllegalArgumentException if the query's dimension is not the collection's, or {@code k} is out of range
     */
    List<VectorMatch> nearest(String collection, float[] query, int k, VectorMetric metric);

    /**
     * Removes every entry of a collection (audited as {@code "delete"} of {@code "vector-collection"}).
     *
     * @param collection the collection
     * @return how many entries were removed
     */
    long dropCollection(String collection);
}
