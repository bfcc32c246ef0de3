package dev.orion.analysis.features;

/** How two {@link PartialRdfFingerprint}s are compared. */
public enum FingerprintMetric {
    /**
     * Cosine distance {@code (1 - cos) / 2} of the weighted {@code g_AB(r) - 1} vectors (Oganov and
     * Valle, J. Chem. Phys. 130, 104504 (2009)): 0 for the same structure, at most 1.
     */
    COSINE,
    /** Root-mean-square difference per bin of the weighted {@code g_AB(r) - 1} vectors. */
    EUCLIDEAN
}
