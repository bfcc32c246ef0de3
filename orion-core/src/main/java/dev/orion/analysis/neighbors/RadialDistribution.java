package dev.orion.analysis.neighbors;

import dev.orion.structure.Element;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A radial distribution function g(r) as a histogram: {@link #binCount()} bins of equal width from
 * 0 to {@link #rMax()}, each with its g value. Obtain one from {@link Neighbors#rdf} or
 * {@link Neighbors#partialRdf}. Normalised by number density and shell volume, so g tends to 1 for an
 * uncorrelated arrangement and is the same for a structure and any of its supercells. Immutable.
 */
public final class RadialDistribution {

    private final double binWidth;
    private final double[] g;
    private final Element first;
    private final Element second;

    private RadialDistribution(double binWidth, double[] g, Element first, Element second) {
        this.binWidth = binWidth;
        this.g = g;
        this.first = first;
        this.second = second;
    }

    static RadialDistribution compute(Structure structure, double rMax, double binWidth, Element a, Element b) {
        Objects.requireNonNull(structure, "structure");
        Neighbors.requireCutoff(rMax);
        if (!(binWidth > 0) || !(binWidth <= rMax)) {
            throw new IllegalArgumentException("binWidth must be in (0, rMax = " + rMax + "] Å, got " + binWidth);
        }
        int n = structure.size();
        if (n == 0) {
            throw new IllegalArgumentException("structure has no sites, so it has no radial distribution");
        }
        int bins = (int) Math.ceil(rMax / binWidth - 1e-9);
        double[] wa = a == null ? null : weights(structure, a);
        double[] wb = b == null ? null : weights(structure, b);
        double na = wa == null ? n : sum(wa);
        double nb = wb == null ? n : sum(wb);
        if (na <= 0 || nb <= 0) {
            throw new IllegalArgumentException("structure " + structure.formula() + " holds no "
                    + (na <= 0 ? a : b) + ", so g_" + a + b + " is undefined");
        }
        double[] counts = new double[bins];
        double top = bins * binWidth;
        Neighbors.forEachPair(structure, top, (i, j, ia, ib, ic, d) -> {
            int bin = (int) (d / binWidth);
            if (bin >= bins) {
                return;
            }
            // each half-list pair stands for both ordered pairs i->j and j->i
            counts[bin] += wa == null ? 2 : wa[i] * wb[j] + wa[j] * wb[i];
        });
        double volume = structure.volume();
        double[] g = new double[bins];
        for (int k = 0; k < bins; k++) {
            double lo = k * binWidth;
            double hi = lo + binWidth;
            double shell = 4.0 / 3.0 * Math.PI * (hi * hi * hi - lo * lo * lo);
            g[k] = counts[k] * volume / (na * nb * shell);
        }
        return new RadialDistribution(binWidth, g, a, b);
    }

    private static double[] weights(Structure s, Element element) {
        double[] w = new double[s.size()];
        for (int i = 0; i < w.length; i++) {
            for (Map.Entry<Species, Double> e : s.speciesAt(i).entrySet()) {
                if (e.getKey().element() == element) {
                    w[i] += e.getValue();
                }
            }
        }
        return w;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    /** Number of bins. */
    public int binCount() {
        return g.length;
    }

    /** Width of each bin, Å. */
    public double binWidth() {
        return binWidth;
    }

    /** Upper edge of the last bin, Å. */
    public double rMax() {
        return g.length * binWidth;
    }

    /** Centre (Å) of bin {@code k}. */
    public double r(int k) {
        Objects.checkIndex(k, g.length);
        return (k + 0.5) * binWidth;
    }

    /** g of bin {@code k}. */
    public double g(int k) {
        Objects.checkIndex(k, g.length);
        return g[k];
    }

    /** Bin centres (Å), as a new array. */
    public double[] radii() {
        double[] r = new double[g.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = (k + 0.5) * binWidth;
        }
        return r;
    }

    /** g of every bin, as a new array. */
    public double[] values() {
        return g.clone();
    }

    /** The element pair of a partial g_AB(r), or empty for the g(r) of all sites. */
    public Optional<Map.Entry<Element, Element>> elements() {
        return first == null ? Optional.empty() : Optional.of(Map.entry(first, second));
    }

    @Override
    public String toString() {
        return "RadialDistribution(" + (first == null ? "all sites" : first + "-" + second) + ", bins="
                + g.length + ", binWidth=" + binWidth + ")";
    }
}
