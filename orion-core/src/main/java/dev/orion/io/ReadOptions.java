package dev.orion.io;

import dev.orion.io.internal.CellLimits;

/**
 * The tolerances and limits that readers apply. {@link #defaults()} suits real files; a builder
 * changes one policy at a time:
 *
 * <pre>{@code
 * ReadOptions strict = ReadOptions.builder().occupancyTolerance(1.0).build();
 * Structure s = Structures.read(path, strict);
 * }</pre>
 *
 * @param mergeDistance      Å; when a CIF site is expanded by its symmetry operations, images of
 *                           the same site closer than this are one site (special positions).
 *                           Default {@value #DEFAULT_MERGE_DISTANCE} Å, which reproduces gemmi's
 *                           site counts on the shared CIF corpus (gemmi itself uses 0.4 Å, which
 *                           also merges split positions of disordered atoms near a symmetry element)
 * @param occupancyTolerance the largest total occupancy of one position that is accepted and
 *                           rescaled to 1 with a warning (rounded occupancies such as 0.34 + 0.67);
 *                           above it a file is rejected. Default {@value #DEFAULT_OCCUPANCY_TOLERANCE}
 * @param maxSites           the largest number of sites one structure may have after expansion;
 *                           protects services that read untrusted files from memory exhaustion.
 *                           Default {@value #DEFAULT_MAX_SITES}: reading costs about 320 bytes of
 *                           heap per site at its peak (measured on a 1,000,000-atom extended XYZ
 *                           file), so the default bounds one read near 32 MB, far above any crystal
 *                           and most MD cells. Raise it for large simulation snapshots:
 *                           {@code ReadOptions.builder().maxSites(5_000_000).build()}
 *
 * <p>Cell sizes have a fixed limit for every reader, {@link CellLimits#MAX_LENGTH} Å per lattice vector.
 */
public record ReadOptions(double mergeDistance, double occupancyTolerance, int maxSites) {

    /** Default {@link #mergeDistance()} in Å. */
    public static final double DEFAULT_MERGE_DISTANCE = 0.01;
    /** Default {@link #occupancyTolerance()}. */
    public static final double DEFAULT_OCCUPANCY_TOLERANCE = 1.05;
    /** Default {@link #maxSites()}. */
    public static final int DEFAULT_MAX_SITES = 100_000;

    private static final ReadOptions DEFAULTS =
            new ReadOptions(DEFAULT_MERGE_DISTANCE, DEFAULT_OCCUPANCY_TOLERANCE, DEFAULT_MAX_SITES);

    /** Validates the values. */
    public ReadOptions {
        if (!(mergeDistance >= 0) || Double.isInfinite(mergeDistance)) {
            throw new IllegalArgumentException("mergeDistance must be a finite number >= 0 Å, was " + mergeDistance);
        }
        if (!(occupancyTolerance >= 1.0) || Double.isInfinite(occupancyTolerance)) {
            throw new IllegalArgumentException("occupancyTolerance must be finite and >= 1, was " + occupancyTolerance);
        }
        if (maxSites < 1) {
            throw new IllegalArgumentException("maxSites must be >= 1, was " + maxSites);
        }
    }

    /** @return the defaults documented on each field */
    public static ReadOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder that starts from the defaults */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /** @return a builder that starts from these options */
    public Builder newBuilder() {
        return new Builder(this);
    }

    /** Builds {@link ReadOptions}; every setter names one policy. */
    public static final class Builder {
        private double mergeDistance;
        private double occupancyTolerance;
        private int maxSites;

        private Builder(ReadOptions from) {
            this.mergeDistance = from.mergeDistance;
            this.occupancyTolerance = from.occupancyTolerance;
            this.maxSites = from.maxSites;
        }

        /** @param angstrom see {@link ReadOptions#mergeDistance()} @return this builder */
        public Builder mergeDistance(double angstrom) {
            this.mergeDistance = angstrom;
            return this;
        }

        /** @param tolerance see {@link ReadOptions#occupancyTolerance()} @return this builder */
        public Builder occupancyTolerance(double tolerance) {
            this.occupancyTolerance = tolerance;
            return this;
        }

        /** @param max see {@link ReadOptions#maxSites()} @return this builder */
        public Builder maxSites(int max) {
            this.maxSites = max;
            return this;
        }

        /** @return the options */
        public ReadOptions build() {
            return new ReadOptions(mergeDistance, occupancyTolerance, maxSites);
        }
    }
}
