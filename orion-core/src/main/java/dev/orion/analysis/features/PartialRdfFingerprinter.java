package dev.orion.analysis.features;

import dev.orion.analysis.neighbors.Neighbors;
import dev.orion.structure.Composition;
import dev.orion.structure.Element;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes {@link PartialRdfFingerprint}s: the partial radial distribution functions g_AB(r) of every
 * element pair, Gaussian-smeared and histogrammed up to a cutoff. Because each g_AB is normalised by
 * number density, a supercell has the same fingerprint as its cell. Immutable and thread-safe.
 *
 * <pre>{@code
 * PartialRdfFingerprinter fp = PartialRdfFingerprinter.builder().cutoff(8).build();
 * double d = fp.fingerprint(a).distance(fp.fingerprint(b), FingerprintMetric.COSINE);
 * }</pre>
 */
public final class PartialRdfFingerprinter {

    private static final PartialRdfFingerprinter STANDARD = builder().build();

    private final Settings settings;

    private PartialRdfFingerprinter(Settings settings) {
        this.settings = settings;
    }

    /** What a fingerprint was computed with; fingerprints are comparable only with equal settings. */
    record Settings(double cutoff, double binWidth, double smearing, int bins) {
    }

    /** Cutoff 6 Å, bins of 0.1 Å, Gaussian smearing 0.1 Å. */
    public static PartialRdfFingerprinter standard() {
        return STANDARD;
    }

    /** A builder with the {@link #standard()} settings. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The fingerprint of {@code structure}.
     *
     * @throws IllegalArgumentException if the structure has no sites
     */
    public PartialRdfFingerprint fingerprint(Structure structure) {
        Objects.requireNonNull(structure, "structure");
        int n = structure.size();
        Composition composition = structure.composition();
        if (n == 0 || composition.isEmpty()) {
            throw new IllegalArgumentException("structure has no sites (or only vacancies): nothing to fingerprint");
        }
        List<Element> elements = new ArrayList<>(composition.elements());
        elements.sort(Comparator.comparingInt(Element::z));
        int ne = elements.size();
        int[] index = new int[Element.values().length];
        for (int e = 0; e < ne; e++) {
            index[elements.get(e).ordinal()] = e;
        }
        // each site's elements and occupancies, flattened
        int[] start = new int[n + 1];
        int total = 0;
        for (int i = 0; i < n; i++) {
            total += structure.speciesAt(i).size();
            start[i + 1] = total;
        }
        int[] siteElement = new int[total];
        double[] siteOcc = new double[total];
        for (int i = 0, k = 0; i < n; i++) {
            for (Map.Entry<Species, Double> e : structure.speciesAt(i).entrySet()) {
                siteElement[k] = index[e.getKey().element().ordinal()];
                siteOcc[k++] = e.getValue();
            }
        }
        int bins = settings.bins();
        double bw = settings.binWidth();
        double sigma = settings.smearing();
        double[][] counts = new double[ne * ne][bins];
        double reach = sigma > 0 ? 4 * sigma : 0;
        Neighbors.forEachPair(structure, bins * bw + reach, (i, j, ia, ib, ic, d) -> {
            for (int p = start[i]; p < start[i + 1]; p++) {
                for (int q = start[j]; q < start[j + 1]; q++) {
                    double w = siteOcc[p] * siteOcc[q];
                    int a = siteElement[p];
                    int b = siteElement[q];
                    deposit(counts[a * ne + b], d, w, bw, sigma);
                    deposit(counts[b * ne + a], d, w, bw, sigma);
                }
            }
        });
        double[] amount = new double[ne];
        for (int e = 0; e < ne; e++) {
            amount[e] = composition.amount(elements.get(e));
        }
        double atoms = composition.numAtoms();
        double volume = structure.volume();
        int pairs = ne * (ne + 1) / 2;
        Element[] first = new Element[pairs];
        Element[] second = new Element[pairs];
        double[][] g = new double[pairs][bins];
        double[] weight = new double[pairs];
        int p = 0;
        for (int a = 0; a < ne; a++) {
            for (int b = a; b < ne; b++) {
                first[p] = elements.get(a);
                second[p] = elements.get(b);
                weight[p] = amount[a] * amount[b] / (atoms * atoms) * (a == b ? 1 : 2);
                for (int k = 0; k < bins; k++) {
                    double lo = k * bw;
                    double hi = lo + bw;
                    double shell = 4.0 / 3.0 * Math.PI * (hi * hi * hi - lo * lo * lo);
                    g[p][k] = counts[a * ne + b][k] * volume / (amount[a] * amount[b] * shell);
                }
                p++;
            }
        }
        return new PartialRdfFingerprint(settings, first, second, g, weight);
    }

    /** Adds weight {@code w} of a pair at distance {@code d} to the bins, spread as a Gaussian. */
    private static void deposit(double[] hist, double d, double w, double bw, double sigma) {
        int bins = hist.length;
        if (sigma == 0) {
            int k = (int) (d / bw);
            if (k < bins) {
                hist[k] += w;
            }
            return;
        }
        int lo = Math.max(0, (int) Math.floor((d - 4 * sigma) / bw));
        int hi = Math.min(bins - 1, (int) Math.floor((d + 4 * sigma) / bw));
        double below = normalCdf((lo * bw - d) / sigma);
        for (int k = lo; k <= hi; k++) {
            double upTo = normalCdf(((k + 1) * bw - d) / sigma);
            hist[k] += w * (upTo - below);
            below = upTo;
        }
    }

    /** The standard normal CDF via the error function (Abramowitz and Stegun 7.1.26, |error| below 1.5e-7). */
    static double normalCdf(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * z);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double erf = 1 - poly * Math.exp(-z * z);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    /** Settings of a {@link PartialRdfFingerprinter}. */
    public static final class Builder {
        private double cutoff = 6.0;
        private double binWidth = 0.1;
        private double smearing = 0.1;

        private Builder() {
        }

        /** Largest distance (Å) the fingerprint describes; default 6. */
        public Builder cutoff(double angstrom) {
            if (!(angstrom > 0) || !Double.isFinite(angstrom)) {
                throw new IllegalArgumentException("cutoff must be a positive length in Å, got " + angstrom);
            }
            this.cutoff = angstrom;
            return this;
        }

        /** Histogram bin width (Å); default 0.1. */
        public Builder binWidth(double angstrom) {
            if (!(angstrom > 0) || !Double.isFinite(angstrom)) {
                throw new IllegalArgumentException("binWidth must be a positive length in Å, got " + angstrom);
            }
            this.binWidth = angstrom;
            return this;
        }

        /**
         * Standard deviation (Å) of the Gaussian each distance is spread into, so that slightly
         * distorted structures stay close; 0 for a plain histogram. Default 0.1.
         */
        public Builder smearing(double angstrom) {
            if (!(angstrom >= 0) || !Double.isFinite(angstrom)) {
                throw new IllegalArgumentException("smearing must be a non-negative length in Å, got " + angstrom);
            }
            this.smearing = angstrom;
            return this;
        }

        /**
         * The fingerprinter.
         *
         * @throws IllegalArgumentException if the bin is wider than the cutoff or there would be more
         *                                  than 10,000 bins
         */
        public PartialRdfFingerprinter build() {
            if (binWidth > cutoff || cutoff / binWidth > 10_000) {
                throw new IllegalArgumentException("binWidth " + binWidth + " Å does not fit cutoff " + cutoff
                        + " Å (between 1 and 10,000 bins)");
            }
            int bins = (int) Math.ceil(cutoff / binWidth - 1e-9);
            return new PartialRdfFingerprinter(new Settings(cutoff, binWidth, smearing, bins));
        }
    }
}
