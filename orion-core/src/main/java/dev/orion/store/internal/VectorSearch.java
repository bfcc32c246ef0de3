package dev.orion.store.internal;

import dev.orion.store.StoreArguments;
import dev.orion.store.VectorEntry;
import dev.orion.store.VectorIndex;
import dev.orion.store.VectorMatch;
import dev.orion.store.VectorMetric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The exact nearest-neighbour search and the argument rules every {@link VectorIndex} implementation
 * shares, so memory, H2 and PostgreSQL answer alike: distances are computed in double precision over
 * the single-precision components, results sorted by distance then id.
 */
public final class VectorSearch {

    /** Nearest first, ties by id. */
    public static final Comparator<VectorMatch> NEAREST_FIRST =
            Comparator.comparingDouble(VectorMatch::distance).thenComparing(VectorMatch::id);

    private final float[] query;
    private final double queryNorm;
    private final VectorMetric metric;
    private final int k;
    /** A max-heap of the best k so far: its head is the worst kept match. */
    private final PriorityQueue<VectorMatch> best;

    /**
     * Starts a search.
     *
     * @param query  the checked query
     * @param k      how many to keep
     * @param metric the distance
     */
    public VectorSearch(float[] query, int k, VectorMetric metric) {
        this.query = query;
        this.queryNorm = Math.sqrt(dot(query, query));
        this.metric = metric;
        this.k = k;
        this.best = new PriorityQueue<>(k + 1, NEAREST_FIRST.reversed());
    }

    /**
     * Offers one stored vector.
     *
     * @param id       its id
     * @param vector   its components (the query's dimension)
     * @param metadata its metadata
     */
    public void offer(String id, float[] vector, Map<String, String> metadata) {
        VectorMatch m = new VectorMatch(id, distance(query, queryNorm, vector, metric), metadata);
        if (best.size() < k) {
            best.add(m);
        } else if (NEAREST_FIRST.compare(m, best.peek()) < 0) {
            best.poll();
            best.add(m);
        }
    }

    /** @return the matches kept, nearest first */
    public List<VectorMatch> result() {
        List<VectorMatch> out = new ArrayList<>(best);
        out.sort(NEAREST_FIRST);
        return List.copyOf(out);
    }

    /**
     * @param a      one vector
     * @param b      another, of the same dimension
     * @param metric the distance
     * @return the distance between them under {@code metric}
     */
    public static double distance(float[] a, float[] b, VectorMetric metric) {
        return distance(a, Math.sqrt(dot(a, a)), b, metric);
    }

    private static double distance(float[] a, double normA, float[] b, VectorMetric metric) {
        if (metric == VectorMetric.COSINE) {
            double cos = dot(a, b) / (normA * Math.sqrt(dot(b, b)));
            return Math.max(0, 1 - Math.max(-1, Math.min(1, cos)));
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    /**
     * @param collection a collection name
     * @return it, checked
     */
    public static String collection(String collection) {
        return StoreArguments.text("collection", collection, VectorIndex.MAX_COLLECTION_LENGTH);
    }

    /**
     * Checks a batch for {@link VectorIndex#upsert}: ids unique, one dimension, and that of the collection if it has one.
     *
     * @param collection the collection (for messages)
     * @param entries    the batch
     * @param existing   the collection's dimension, empty if it holds nothing
     * @return the batch's dimension, or 0 for an empty batch
     */
    public static int checkBatch(String collection, List<VectorEntry> entries, OptionalInt existing) {
        Objects.requireNonNull(entries, "entries");
        Set<String> ids = new HashSet<>();
        int dimension = existing.orElse(0);
        for (VectorEntry e : entries) {
            Objects.requireNonNull(e, "entry");
            if (!ids.add(e.id())) {
                throw new IllegalArgumentException("entries hold id '" + e.id() + "' more than once");
            }
            if (dimension == 0) {
                dimension = e.dimension();
            } else if (e.dimension() != dimension) {
                throw new IllegalArgumentException("entry '" + e.id() + "' has dimension " + e.dimension() + " but collection '"
                        + collection + "' holds vectors of dimension " + dimension);
            }
        }
        return dimension;
    }

    /**
     * Checks the arguments of {@link VectorIndex#nearest}.
     *
     * @param collection the collection
     * @param query      the query vector
     * @param k          how many
     * @param metric     the distance
     * @param dimension  the collection's dimension, empty if it holds nothing
     * @return a copy of the query
     */
    public static float[] checkQuery(String collection, float[] query, int k, VectorMetric metric, OptionalInt dimension) {
        collection(collection);
        Objects.requireNonNull(metric, "metric");
        float[] q = VectorEntry.checkedCopy("query", query);
        if (k < 1 || k > VectorIndex.MAX_K) {
            throw new IllegalArgumentException("k must be 1-" + VectorIndex.MAX_K + ", got " + k);
        }
        if (dimension.isPresent() && dimension.getAsInt() != q.length) {
            throw new IllegalArgumentException("query has dimension " + q.length + " but collection '" + collection
                    + "' holds vectors of dimension " + dimension.getAsInt());
        }
        return q;
    }
}
