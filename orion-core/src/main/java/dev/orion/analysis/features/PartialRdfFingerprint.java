package dev.orion.analysis.features;

import dev.orion.structure.Element;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A structure fingerprint: the partial radial distribution functions g_AB(r) of every element pair
 * present, from a {@link PartialRdfFingerprinter}. Compared through the vectors
 * {@code sqrt(w_AB) (g_AB(r) - 1)}, where {@code w_AB} is the fraction of atom pairs that are A-B
 * pairs, so abundant pairs count more and pairs that one structure lacks count as zero. Immutable.
 */
public final class PartialRdfFingerprint {

    private final PartialRdfFingerprinter.Settings settings;
    private final Element[] first;
    private final Element[] second;
    private final double[][] g;
    /** Keys {@code z(A) * 256 + z(B)}, increasing, for merging two fingerprints' pairs. */
    private final int[] keys;
    private final double[][] weighted;
    private final double norm2;

    PartialRdfFingerprint(PartialRdfFingerprinter.Settings settings, Element[] first, Element[] second, double[][] g,
            double[] weight) {
        this.settings = settings;
        this.first = first;
        this.second = second;
        this.g = g;
        this.keys = new int[first.length];
        this.weighted = new double[first.length][];
        double n2 = 0;
        for (int p = 0; p < first.length; p++) {
            keys[p] = first[p].z() * 256 + second[p].z();
            double s = Math.sqrt(weight[p]);
            weighted[p] = new double[g[p].length];
            for (int k = 0; k < g[p].length; k++) {
                double v = s * (g[p][k] - 1);
                weighted[p][k] = v;
                n2 += v * v;
            }
        }
        this.norm2 = n2;
    }

    /** The element pairs described, as {@code "Na-Cl"} (lighter element first). */
    public List<String> elementPairs() {
        List<String> out = new ArrayList<>(first.length);
        for (int p = 0; p < first.length; p++) {
            out.add(first[p] + "-" + second[p]);
        }
        return Collections.unmodifiableList(out);
    }

    /** The histogram of g_AB(r) (bins of {@link #binWidth()} from 0), or empty if the pair is absent. */
    public Optional<double[]> partialRdf(Element a, Element b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        int key = Math.min(a.z(), b.z()) * 256 + Math.max(a.z(), b.z());
        for (int p = 0; p < keys.length; p++) {
            if (keys[p] == key) {
                return Optional.of(g[p].clone());
            }
        }
        return Optional.empty();
    }

    /** Cutoff (Å) of the histograms. */
    public double cutoff() {
        return settings.cutoff();
    }

    /** Bin width (Å) of the histograms. */
    public double binWidth() {
        return settings.binWidth();
    }

    /** Gaussian smearing (Å) of the distances. */
    public double smearing() {
        return settings.smearing();
    }

    /**
     * The distance between two fingerprints under {@code metric}.
     *
     * @throws IllegalArgumentException if the fingerprints were computed with different settings
     */
    public double distance(PartialRdfFingerprint other, FingerprintMetric metric) {
        Objects.requireNonNull(metric, "metric");
        return metric == FingerprintMetric.COSINE ? cosineDistance(other) : euclideanDistance(other);
    }

    /** {@code (1 - cos) / 2} of the weighted vectors: 0 for equal fingerprints, at most 1. */
    public double cosineDistance(PartialRdfFingerprint other) {
        requireComparable(other);
        if (norm2 == 0 || other.norm2 == 0) {
            return norm2 == other.norm2 ? 0 : 0.5;
        }
        double dot = 0;
        int p = 0;
        int q = 0;
        while (p < keys.length && q < other.keys.length) {
            if (keys[p] < other.keys[q]) {
                p++;
            } else if (keys[p] > other.keys[q]) {
                q++;
            } else {
                double[] u = weighted[p++];
                double[] v = other.weighted[q++];
                for (int k = 0; k < u.length; k++) {
                    dot += u[k] * v[k];
                }
            }
        }
        double cos = dot / Math.sqrt(norm2 * other.norm2);
        return Math.max(0, Math.min(1, 0.5 * (1 - cos)));
    }

    /** Root-mean-square difference per bin of the weighted vectors (pairs one side lacks count as zero). */
    public double euclideanDistance(PartialRdfFingerprint other) {
        requireComparable(other);
        double sum = 0;
        int p = 0;
        int q = 0;
        while (p < keys.length || q < other.keys.length) {
            if (q == other.keys.length || (p < keys.length && keys[p] < other.keys[q])) {
                sum += squares(weighted[p++]);
            } else if (p == keys.length || keys[p] > other.keys[q]) {
                sum += squares(other.weighted[q++]);
            } else {
                double[] u = weighted[p++];
                double[] v = other.weighted[q++];
                for (int k = 0; k < u.length; k++) {
                    double d = u[k] - v[k];
                    sum += d * d;
                }
            }
        }
        return Math.sqrt(sum / settings.bins());
    }

    private static double squares(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return s;
    }

    private void requireComparable(PartialRdfFingerprint other) {
        Objects.requireNonNull(other, "other");
        if (!settings.equals(other.settings)) {
            throw new IllegalArgumentException("fingerprints were computed with different settings: " + settings
                    + " and " + other.settings);
        }
    }

    @Override
    public String toString() {
        return "PartialRdfFingerprint(" + String.join(", ", elementPairs()) + "; cutoff=" + settings.cutoff()
                + ", binWidth=" + settings.binWidth() + ", smearing=" + settings.smearing() + ")";
    }
}
