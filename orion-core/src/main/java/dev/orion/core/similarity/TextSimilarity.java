package dev.orion.core.similarity;

import dev.orion.llm.TenantEmbeddings;
import dev.orion.store.VectorEntry;
import dev.orion.store.VectorIndex;
import dev.orion.store.VectorMatch;
import dev.orion.store.VectorMetric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Text similarity search for one tenant: texts (workflow templates, agent rationales, review-queue items)
 * are embedded through the tenant's {@link TenantEmbeddings} and kept, with their text, in a collection of
 * the tenant's {@link VectorIndex}; a query text is embedded the same way and answered by cosine distance.
 *
 * <pre>{@code
 * TextSimilarity templates = TextSimilarity.of(acme.embeddings().feature("template-search"), acme.vectors(), "templates");
 * templates.index(Map.of("relax-bands", "relax, then compute the band structure", "md-melt", "heat until it melts"));
 * List<VectorMatch> like = templates.nearest("band structure of a relaxed cell", 3);
 * }</pre>
 *
 * <p>The embedding profile's model is fixed for a collection: vectors of another model are meaningless
 * beside its own (and of another dimension are refused by the index). Re-indexing an id replaces it.
 */
public final class TextSimilarity {

    /** The metadata key under which each entry keeps its text. */
    public static final String TEXT = "text";

    private final TenantEmbeddings embeddings;
    private final VectorIndex vectors;
    private final String collection;

    private TextSimilarity(TenantEmbeddings embeddings, VectorIndex vectors, String collection) {
        this.embeddings = embeddings;
        this.vectors = vectors;
        this.collection = collection;
    }

    /**
     * @param embeddings the tenant's embedding view (its tenant should be the index's)
     * @param vectors    the tenant's vector index
     * @param collection the collection the texts live in
     * @return the search
     * @throws IllegalArgumentException if {@code collection} is blank or longer than {@link VectorIndex#MAX_COLLECTION_LENGTH}
     */
    public static TextSimilarity of(TenantEmbeddings embeddings, VectorIndex vectors, String collection) {
        Objects.requireNonNull(collection, "collection");
        if (collection.isBlank() || collection.length() > VectorIndex.MAX_COLLECTION_LENGTH) {
            throw new IllegalArgumentException("collection must be 1-" + VectorIndex.MAX_COLLECTION_LENGTH
                    + " non-blank characters, was '" + collection + "'");
        }
        return new TextSimilarity(Objects.requireNonNull(embeddings, "embeddings"), Objects.requireNonNull(vectors, "vectors"),
                collection);
    }

    /**
     * Embeds the texts in one call and stores them, replacing entries with the same ids.
     *
     * @param textsById the texts by id, none empty
     * @throws IllegalArgumentException if the map is empty or a text is empty
     */
    public void index(Map<String, String> textsById) {
        if (textsById.isEmpty()) {
            throw new IllegalArgumentException("textsById must not be empty");
        }
        Map<String, String> ordered = new LinkedHashMap<>(textsById);
        List<float[]> embedded = embeddings.embed(new ArrayList<>(ordered.values()));
        List<VectorEntry> entries = new ArrayList<>(ordered.size());
        int i = 0;
        for (Map.Entry<String, String> e : ordered.entrySet()) {
            entries.add(new VectorEntry(e.getKey(), embedded.get(i++), Map.of(TEXT, e.getValue())));
        }
        vectors.upsert(collection, entries);
    }

    /** @param id the entry @param text its text @see #index(Map) */
    public void index(String id, String text) {
        index(Map.of(id, text));
    }

    /** @param id the entry @return whether it was removed */
    public boolean remove(String id) {
        return vectors.remove(collection, id);
    }

    /** @return how many texts the collection holds */
    public long size() {
        return vectors.size(collection);
    }

    /**
     * The {@code k} stored texts nearest to {@code query} by cosine distance, nearest first; each match's
     * metadata holds its text under {@link #TEXT}.
     *
     * @param query the query text
     * @param k     how many, 1 to {@link VectorIndex#MAX_K}
     * @return the matches; none if nothing is indexed (no embedding call is made then)
     */
    public List<VectorMatch> nearest(String query, int k) {
        if (k < 1 || k > VectorIndex.MAX_K) {
            throw new IllegalArgumentException("k must be in [1, " + VectorIndex.MAX_K + "], was " + k);
        }
        if (vectors.size(collection) == 0) {
            return List.of();
        }
        return vectors.nearest(collection, embeddings.embed(query), k, VectorMetric.COSINE);
    }

    @Override
    public String toString() {
        return "TextSimilarity{collection=" + collection + ", " + embeddings + "}";
    }
}
