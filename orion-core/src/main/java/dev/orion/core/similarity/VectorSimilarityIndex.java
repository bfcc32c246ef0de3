package dev.orion.core.similarity;

import dev.orion.analysis.features.StructureFingerprint;

import dev.orion.features.SimilarityIndex;
import dev.orion.features.SimilarityMatch;
import dev.orion.store.StoreArguments;
import dev.orion.store.VectorEntry;
import dev.orion.store.VectorIndex;
import dev.orion.store.VectorMatch;
import dev.orion.store.VectorMetric;
import dev.orion.structure.Structure;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link SimilarityIndex} of structures kept in a tenant's {@link VectorIndex}: each structure is
 * stored as its {@link StructureFingerprint} in the collection named after the fingerprint, so the index
 * persists, is shared by every instance on the same store, and on PostgreSQL with pgvector is searched
 * through an HNSW index.
 *
 * <pre>{@code
 * SimilarityIndex prototypes = VectorSimilarityIndex.of(acme.vectors(), StructureFingerprint.prototype());
 * prototypes.add("mp-22862", nacl);
 * prototypes.nearest(mgo, 3);   // rock salts first, whatever their elements
 * }</pre>
 */
public final class VectorSimilarityIndex implements SimilarityIndex {

    private final VectorIndex vectors;
    private final StructureFingerprint fingerprint;
    private final VectorMetric metric;

    private VectorSimilarityIndex(VectorIndex vectors, StructureFingerprint fingerprint, VectorMetric metric) {
        this.vectors = Objects.requireNonNull(vectors, "vectors");
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        this.metric = Objects.requireNonNull(metric, "metric");
    }

    /**
     * @param vectors     the tenant's vector index
     * @param fingerprint how structures become vectors (its name is the collection)
     * @return an index searched by cosine distance
     */
    public static VectorSimilarityIndex of(VectorIndex vectors, StructureFingerprint fingerprint) {
        return of(vectors, fingerprint, VectorMetric.COSINE);
    }

    /**
     * @param vectors     the tenant's vector index
     * @param fingerprint how structures become vectors (its name is the collection)
     * @param metric      the distance
     * @return the index
     */
    public static VectorSimilarityIndex of(VectorIndex vectors, StructureFingerprint fingerprint, VectorMetric metric) {
        return new VectorSimilarityIndex(vectors, fingerprint, metric);
    }

    @Override
    public void add(String id, Structure structure) {
        StoreArguments.text("id", id, 200);
        Objects.requireNonNull(structure, "structure");
        vectors.upsert(fingerprint.name(), List.of(new VectorEntry(id, fingerprint.vector(structure),
                Map.of("formula", structure.composition().reducedFormula()))));
    }

    @Override
    public boolean remove(String id) {
        return vectors.remove(fingerprint.name(), id);
    }

    @Override
    public int size() {
        return (int) Math.min(Integer.MAX_VALUE, vectors.size(fingerprint.name()));
    }

    @Override
    public List<SimilarityMatch> nearest(Structure query, int k) {
        Objects.requireNonNull(query, "query");
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        List<VectorMatch> found = vectors.nearest(fingerprint.name(), fingerprint.vector(query), Math.min(k, VectorIndex.MAX_K), metric);
        return found.stream().map(m -> new SimilarityMatch(m.id(), m.distance())).toList();
    }

    @Override
    public String toString() {
        return "VectorSimilarityIndex(" + fingerprint.name() + ", " + metric + ")";
    }
}
