package dev.orion.analysis.features;

import dev.orion.features.SimilarityIndex;
import dev.orion.features.SimilarityMatch;

import dev.orion.structure.Structure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link SimilarityIndex} held in memory: fingerprints are computed once on {@link #add} and a query
 * scans them all (exact k-nearest neighbours, O(n) per query), which suits collections up to some
 * hundred thousand structures. Safe for concurrent use.
 *
 * <pre>{@code
 * SimilarityIndex index = InMemorySimilarityIndex.create();
 * index.add("mp-22862", nacl);
 * index.nearest(candidate, 5);
 * }</pre>
 */
public final class InMemorySimilarityIndex implements SimilarityIndex {

    private static final Comparator<SimilarityMatch> NEAREST_FIRST =
            Comparator.comparingDouble(SimilarityMatch::distance).thenComparing(SimilarityMatch::id);

    private final PartialRdfFingerprinter fingerprinter;
    private final FingerprintMetric metric;
    private final Map<String, PartialRdfFingerprint> fingerprints = new ConcurrentHashMap<>();

    private InMemorySimilarityIndex(PartialRdfFingerprinter fingerprinter, FingerprintMetric metric) {
        this.fingerprinter = fingerprinter;
        this.metric = metric;
    }

    /** An empty index with the standard fingerprint and cosine distance. */
    public static InMemorySimilarityIndex create() {
        return create(PartialRdfFingerprinter.standard(), FingerprintMetric.COSINE);
    }

    /** An empty index with the given fingerprint settings and metric. */
    public static InMemorySimilarityIndex create(PartialRdfFingerprinter fingerprinter, FingerprintMetric metric) {
        return new InMemorySimilarityIndex(Objects.requireNonNull(fingerprinter, "fingerprinter"),
                Objects.requireNonNull(metric, "metric"));
    }

    @Override
    public void add(String id, Structure structure) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank, got '" + id + "'");
        }
        Objects.requireNonNull(structure, "structure");
        fingerprints.put(id, fingerprinter.fingerprint(structure));
    }

    @Override
    public boolean remove(String id) {
        Objects.requireNonNull(id, "id");
        return fingerprints.remove(id) != null;
    }

    @Override
    public int size() {
        return fingerprints.size();
    }

    @Override
    public List<SimilarityMatch> nearest(Structure query, int k) {
        Objects.requireNonNull(query, "query");
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        PartialRdfFingerprint q = fingerprinter.fingerprint(query);
        // a max-heap of the best k so far: its head is the worst kept match
        PriorityQueue<SimilarityMatch> best = new PriorityQueue<>(NEAREST_FIRST.reversed());
        fingerprints.forEach((id, fp) -> {
            SimilarityMatch m = new SimilarityMatch(id, q.distance(fp, metric));
            if (best.size() < k) {
                best.add(m);
            } else if (NEAREST_FIRST.compare(m, best.peek()) < 0) {
                best.poll();
                best.add(m);
            }
        });
        List<SimilarityMatch> out = new ArrayList<>(best);
        out.sort(NEAREST_FIRST);
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "InMemorySimilarityIndex(" + fingerprints.size() + " structures, " + metric + ")";
    }
}
