package dev.orion.neighbors;

/**
 * One neighbour of a centre site in a periodic structure: site {@code index} shifted by the lattice
 * translation {@code (imageA, imageB, imageC)} (in units of the lattice vectors a, b, c), at
 * {@code distance} Å from the centre.
 *
 * <p>The image is relative to the sites' fractional coordinates wrapped into [0, 1): the neighbour
 * sits at {@code wrap(frac[index]) + image} while the centre sits at {@code wrap(frac[centre])}.
 *
 * @param index    index of the neighbouring site in the structure
 * @param imageA   lattice translation along a
 * @param imageB   lattice translation along b
 * @param imageC   lattice translation along c
 * @param distance distance from the centre, Å
 */
public record Neighbor(int index, int imageA, int imageB, int imageC, double distance) {

    /** Validates the components. */
    public Neighbor {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative, got " + index);
        }
        if (!(distance >= 0) || !Double.isFinite(distance)) {
            throw new IllegalArgumentException("distance must be a finite non-negative number, got " + distance);
        }
    }

    /** The lattice translation as a new array {@code {imageA, imageB, imageC}}. */
    public int[] image() {
        return new int[] {imageA, imageB, imageC};
    }
}
