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
        if (expectedPairs > MAX_PAIRS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "cutoff too long for this structure: about %.3g pairs expected, at most %d can be listed",
                    expectedPairs, MAX_PAIRS));
        }
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

    NeighborList toList(int siteCount, double cutoff, boolean half) {
        return new NeighborList(siteCount, cutoff, half, size, centers, neighbors, images, distances);
    }
}
