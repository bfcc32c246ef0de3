package dev.orion.analysis.neighbors;

import dev.orion.neighbors.Neighbor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The pairs of sites of a periodic structure that lie within a cutoff, as flat primitive columns
 * (centre, neighbour, image offset, distance) grouped by centre site, plus a friendly per-site view.
 *
 * <p>A <em>full</em> list holds every (centre, neighbour, image) triple, so each bond appears twice,
 * once from each end. A <em>half</em> list holds each bond once: pairs with {@code centre < neighbour},
 * and for a site's bonds to its own periodic images only the lexicographically positive image.
 * Image offsets refer to fractional coordinates wrapped into [0, 1) (see
 * {@link Neighbor}).
 *
 * <p>Immutable. The per-pair accessors ({@link #neighbor(int)}, {@link #distance(int)}, ...) do not
 * allocate; loop over {@code start(i) .. end(i) - 1} for the pairs of centre {@code i}.
 *
 * <pre>{@code
 * NeighborList nl = Neighbors.full(structure, 3.5);
 * for (int k = nl.start(0); k < nl.end(0); k++) {
 *     double d = nl.distance(k);          // no allocation
 * }
 * nl.neighbors(0);                        // List<Neighbor>, nearest first
 * }</pre>
 */
public final class NeighborList {

    private static final Comparator<Neighbor> NEAREST_FIRST = Comparator
            .comparingDouble(Neighbor::distance)
            .thenComparingInt(Neighbor::index)
            .thenComparingInt(Neighbor::imageA)
            .thenComparingInt(Neighbor::imageB)
            .thenComparingInt(Neighbor::imageC);

    private final int siteCount;
    private final double cutoff;
    private final boolean half;
    private final int size;
    private final int[] offsets;
    private final int[] centers;
    private final int[] neighbors;
    private final int[] images;
    private final double[] distances;

    NeighborList(int siteCount, double cutoff, boolean half, int size, int[] centers, int[] neighbors, int[] images,
            double[] distances) {
        this.siteCount = siteCount;
        this.cutoff = cutoff;
        this.half = half;
        this.size = size;
        this.centers = centers;
        this.neighbors = neighbors;
        this.images = images;
        this.distances = distances;
        // pairs arrive grouped by centre, in increasing centre order
        this.offsets = new int[siteCount + 1];
        for (int k = 0; k < size; k++) {
            offsets[centers[k] + 1]++;
        }
        for (int i = 0; i < siteCount; i++) {
            offsets[i + 1] += offsets[i];
        }
    }

    /** Number of sites of the structure searched. */
    public int siteCount() {
        return siteCount;
    }

    /** The cutoff radius, Å; pairs with distance at most this are listed. */
    public double cutoff() {
        return cutoff;
    }

    /** True for a half list (each bond once), false for a full list (each bond from both ends). */
    public boolean isHalf() {
        return half;
    }

    /** Number of pairs listed. */
    public int size() {
        return size;
    }

    /** Index of the first pair whose centre is {@code site}. */
    public int start(int site) {
        Objects.checkIndex(site, siteCount);
        return offsets[site];
    }

    /** One past the index of the last pair whose centre is {@code site}. */
    public int end(int site) {
        Objects.checkIndex(site, siteCount);
        return offsets[site + 1];
    }

    /** Centre site of pair {@code k}. */
    public int center(int k) {
        Objects.checkIndex(k, size);
        return centers[k];
    }

    /** Neighbour site of pair {@code k}. */
    public int neighbor(int k) {
        Objects.checkIndex(k, size);
        return neighbors[k];
    }

    /** Lattice translation along a of the neighbour of pair {@code k}. */
    public int imageA(int k) {
        Objects.checkIndex(k, size);
        return images[3 * k];
    }

    /** Lattice translation along b of the neighbour of pair {@code k}. */
    public int imageB(int k) {
        Objects.checkIndex(k, size);
        return images[3 * k + 1];
    }

    /** Lattice translation along c of the neighbour of pair {@code k}. */
    public int imageC(int k) {
        Objects.checkIndex(k, size);
        return images[3 * k + 2];
    }

    /** Distance (Å) of pair {@code k}. */
    public double distance(int k) {
        Objects.checkIndex(k, size);
        return distances[k];
    }

    /** Centre sites of all pairs, as a new array. */
    public int[] centers() {
        return Arrays.copyOf(centers, size);
    }

    /** Neighbour sites of all pairs, as a new array. */
    public int[] neighborIndices() {
        return Arrays.copyOf(neighbors, size);
    }

    /** Image offsets of all pairs, flat {@code [a0, b0, c0, a1, ...]}, as a new array. */
    public int[] images() {
        return Arrays.copyOf(images, 3 * size);
    }

    /** Distances (Å) of all pairs, as a new array. */
    public double[] distances() {
        return Arrays.copyOf(distances, size);
    }

    /**
     * The neighbours of {@code site} as values, nearest first (ties by index, then image). In a half
     * list these are only the pairs that {@code site} is the centre of; use a full list for all of them.
     */
    public List<Neighbor> neighbors(int site) {
        Objects.checkIndex(site, siteCount);
        List<Neighbor> out = new ArrayList<>(offsets[site + 1] - offsets[site]);
        for (int k = offsets[site]; k < offsets[site + 1]; k++) {
            out.add(new Neighbor(neighbors[k], images[3 * k], images[3 * k + 1], images[3 * k + 2],
                    distances[k]));
        }
        out.sort(NEAREST_FIRST);
        return Collections.unmodifiableList(out);
    }

    /**
     * Number of neighbours of every site within the cutoff (images of a site itself included), as a
     * new array. The same for a half and a full list of one structure and cutoff.
     */
    public int[] coordinationNumbers() {
        int[] cn = new int[siteCount];
        for (int k = 0; k < size; k++) {
            cn[centers[k]]++;
            if (half) {
                cn[neighbors[k]]++;
            }
        }
        return cn;
    }

    /** The shortest distance listed, or empty if no pair is within the cutoff. */
    public OptionalDouble shortestDistance() {
        if (size == 0) {
            return OptionalDouble.empty();
        }
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < size; k++) {
            min = Math.min(min, distances[k]);
        }
        return OptionalDouble.of(min);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "NeighborList(%s, cutoff=%.4f, sites=%d, pairs=%d)",
                half ? "half" : "full", cutoff, siteCount, size);
    }
}
