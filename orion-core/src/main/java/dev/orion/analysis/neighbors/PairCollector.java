package dev.orion.analysis.neighbors;

import java.util.Arrays;

/** Appends pairs to growable primitive columns: no boxing and no allocation per pair. */
final class PairCollector implements PairConsumer {

    private static final int MAX_PAIRS = (Integer.MAX_VALUE - 16) / 3;

    private int size;
    private int[] centers;
    private int[] neighbors;
    private int[] images;
    private double[] distances;

    PairCollector(double expectedPairs) {
        check(expectedPairs);
        int capacity = (int) Math.min(MAX_PAIRS, Math.max(16, expectedPairs * 1.05 + 16));
        centers = new int[capacity];
        neighbors = new int[capacity];
        images = new int[3 * capacity];
        distances = new double[capacity];
    }

    @Override
    public void accept(int center, int neighbor, int imageA, int imageB, int imageC, double distance) {
        if (size == centers.length) {
            grow();
        }
        centers[size] = center;
        neighbors[size] = neighbor;
        int k = 3 * size;
        images[k] = imageA;
        images[k + 1] = imageB;
        images[k + 2] = imageC;
        distances[size++] = distance;
    }

    private void grow() {
        if (size >= MAX_PAIRS) {
            throw new IllegalArgumentException("cutoff too long for this structure: more than " + MAX_PAIRS + " pairs");
        }
        int capacity = (int) Math.min(MAX_PAIRS, size + (size >> 1) + 16L);
        centers = Arrays.copyOf(centers, capacity);
        neighbors = Arrays.copyOf(neighbors, capacity);
        images = Arrays.copyOf(images, 3 * capacity);
        distances = Arrays.copyOf(distances, capacity);
    }

    /** @throws IllegalArgumentException if that many pairs could not be listed */
    static void check(double expectedPairs) {
        if (expectedPairs > MAX_PAIRS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "cutoff too long for this structure: about %.3g pairs expected, at most %d can be listed",
                    expectedPairs, MAX_PAIRS));
        }
    }

    /** @return the pairs of the parts, in order, as one list */
    static NeighborList join(PairCollector[] parts, int siteCount, double cutoff, boolean half) {
        long total = 0;
        for (PairCollector p : parts) {
            total += p.size;
        }
        if (total > MAX_PAIRS) {
            throw new IllegalArgumentException("cutoff too long for this structure: more than " + MAX_PAIRS + " pairs");
        }
        PairCollector all = new PairCollector(0);
        int size = (int) total;
        all.centers = new int[size];
        all.neighbors = new int[size];
        all.images = new int[3 * size];
        all.distances = new double[size];
        int at = 0;
        for (PairCollector p : parts) {
            System.arraycopy(p.centers, 0, all.centers, at, p.size);
            System.arraycopy(p.neighbors, 0, all.neighbors, at, p.size);
            System.arraycopy(p.images, 0, all.images, 3 * at, 3 * p.size);
            System.arraycopy(p.distances, 0, all.distances, at, p.size);
            at += p.size;
        }
        all.size = size;
        return all.toList(siteCount, cutoff, half);
    }

    NeighborList toList(int siteCount, double cutoff, boolean half) {
        return new NeighborList(siteCount, cutoff, half, size, centers, neighbors, images, distances);
    }
}
