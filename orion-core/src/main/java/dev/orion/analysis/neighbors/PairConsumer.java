package dev.orion.analysis.neighbors;

/**
 * Receives the pairs of a neighbour search one by one, without storing them: the streaming
 * alternative to {@link NeighborList} for histograms and minima over large structures. Called on the
 * searching thread, once per (centre, neighbour, image) triple; must not retain state between calls
 * beyond its own.
 */
@FunctionalInterface
public interface PairConsumer {

    /**
     * One pair: site {@code neighbor} translated by {@code (imageA, imageB, imageC)} lattice vectors
     * lies {@code distance} Å from site {@code center} (both with fractional coordinates wrapped
     * into [0, 1)).
     */
    void accept(int center, int neighbor, int imageA, int imageB, int imageC, double distance);
}
