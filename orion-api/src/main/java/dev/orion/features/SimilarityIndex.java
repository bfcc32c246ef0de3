package dev.orion.features;

import dev.orion.structure.Structure;
import java.util.List;

/**
 * A searchable collection of structures: add structures under ids, then ask for the {@code k}
 * structures most similar to a query. What "similar" means is the implementation's fingerprint and
 * distance (orion-core's in-memory index uses partial radial distribution functions), so results of
 * two indexes are comparable only if they use the same fingerprint settings.
 *
 * <p>Implementations are safe for concurrent use. An in-memory implementation lives in orion-core;
 * a database-backed one can implement the same contract.
 *
 * <pre>{@code
 * SimilarityIndex index = InMemorySimilarityIndex.create();
 * index.add("NaCl", nacl);
 * index.add("KCl", kcl);
 * List<SimilarityMatch> best = index.nearest(query, 1);
 * }</pre>
 */
public interface SimilarityIndex {

    /**
     * Adds (or replaces) the structure stored under {@code id}.
     *
     * @throws IllegalArgumentException if the id is blank or the structure cannot be fingerprinted
     */
    void add(String id, Structure structure);

    /**
     * Removes the structure stored under {@code id}.
     *
     * @return true if there was one
     */
    boolean remove(String id);

    /** Number of structures stored. */
    int size();

    /**
     * The {@code k} stored structures closest to {@code query}, nearest first (ties broken by id);
     * fewer if fewer are stored.
     *
     * @throws IllegalArgumentException if {@code k} is not positive
     */
    List<SimilarityMatch> nearest(Structure query, int k);
}
