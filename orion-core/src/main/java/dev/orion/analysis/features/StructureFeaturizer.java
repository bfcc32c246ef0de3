package dev.orion.analysis.features;

import dev.orion.features.FeatureVector;

import dev.orion.analysis.neighbors.Neighbors;
import dev.orion.analysis.neighbors.RadialDistribution;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Structure descriptors: {@code density} (g/cm³), {@code volume_per_atom} (Å³), {@code packing_fraction}
 * (volume of covalent-radius spheres over cell volume), coordination statistics
 * ({@code cn_mean}, {@code cn_min}, {@code cn_max}, {@code cn_std}; neighbours bonded when
 * {@code d <= r_i + r_j + bondTolerance} with covalent radii) and the g(r) histogram
 * ({@code rdf_0.00_0.25}, ... up to the RDF cutoff). Packing and coordination are NaN when a species
 * has no tabulated covalent radius. Immutable and thread-safe.
 *
 * <pre>{@code
 * StructureFeaturizer f = StructureFeaturizer.builder().rdfCutoff(8).rdfBinWidth(0.2).build();
 * FeatureVector v = f.featurize(structure);
 * FeatureVector all = CompositionFeaturizer.standard().featurize(structure).concat(v);
 * }</pre>
 */
public final class StructureFeaturizer {

    private final double bondTolerance;
    private final double rdfCutoff;
    private final double rdfBinWidth;
    private final List<String> names;

    private StructureFeaturizer(Builder b) {
        this.bondTolerance = b.bondTolerance;
        this.rdfCutoff = b.rdfCutoff;
        this.rdfBinWidth = b.rdfBinWidth;
        List<String> n = new ArrayList<>(List.of("density", "volume_per_atom", "packing_fraction",
                "cn_mean", "cn_min", "cn_max", "cn_std"));
        int bins = (int) Math.ceil(rdfCutoff / rdfBinWidth - 1e-9);
        for (int k = 0; k < bins; k++) {
            n.add(String.format(Locale.ROOT, "rdf_%.2f_%.2f", k * rdfBinWidth, (k + 1) * rdfBinWidth));
        }
        this.names = Collections.unmodifiableList(n);
    }

    /** Bond tolerance 0.3 Å, g(r) up to 6 Å in bins of 0.25 Å (31 features). */
    public static StructureFeaturizer standard() {
        return builder().build();
    }

    /** A builder with the {@link #standard()} settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** The feature names, in the order of {@link #featurize} values. */
    public List<String> featureNames() {
        return names;
    }

    /**
     * The features of {@code structure}.
     *
     * @throws IllegalArgumentException if the structure has no sites
     */
    public FeatureVector featurize(Structure structure) {
        Objects.requireNonNull(structure, "structure");
        if (structure.size() == 0) {
            throw new IllegalArgumentException("structure has no sites: nothing to featurise");
        }
        double[] v = new double[names.size()];
        v[0] = structure.density();
        v[1] = structure.volume() / structure.composition().numAtoms();
        if (hasAllRadii(structure)) {
            v[2] = packingFraction(structure);
            int[] cn = Neighbors.covalentCoordinationNumbers(structure, bondTolerance);
            double mean = 0;
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int c : cn) {
                mean += c;
                min = Math.min(min, c);
                max = Math.max(max, c);
            }
            mean /= cn.length;
            double var = 0;
            for (int c : cn) {
                var += (c - mean) * (c - mean);
            }
            v[3] = mean;
            v[4] = min;
            v[5] = max;
            v[6] = Math.sqrt(var / cn.length);
        } else {
            for (int k = 2; k <= 6; k++) {
                v[k] = Double.NaN;
            }
        }
        RadialDistribution g = Neighbors.rdf(structure, rdfCutoff, rdfBinWidth);
        for (int k = 0; k < g.binCount(); k++) {
            v[7 + k] = g.g(k);
        }
        return FeatureVector.of(names, v);
    }

    private static boolean hasAllRadii(Structure s) {
        for (var e : s.composition().elements()) {
            if (e.covalentRadius().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Occupancy-weighted volume of covalent spheres over the cell volume (overlaps not subtracted). */
    static double packingFraction(Structure s) {
        double volume = 0;
        for (int i = 0; i < s.size(); i++) {
            for (Map.Entry<Species, Double> e : s.speciesAt(i).entrySet()) {
                double r = e.getKey().element().covalentRadius().orElse(Double.NaN);
                volume += e.getValue() * 4.0 / 3.0 * Math.PI * r * r * r;
            }
        }
        return volume / s.volume();
    }

    /** Settings of a {@link StructureFeaturizer}. */
    public static final class Builder {
        private double bondTolerance = 0.3;
        private double rdfCutoff = 6.0;
        private double rdfBinWidth = 0.25;

        private Builder() {
        }

        /** Slack (Å) added to the sum of covalent radii when counting bonds; default 0.3. */
        public Builder bondTolerance(double angstrom) {
            if (!Double.isFinite(angstrom)) {
                throw new IllegalArgumentException("bondTolerance must be finite, got " + angstrom);
            }
            this.bondTolerance = angstrom;
            return this;
        }

        /** Upper edge (Å) of the g(r) histogram; default 6. */
        public Builder rdfCutoff(double angstrom) {
            if (!(angstrom > 0) || !Double.isFinite(angstrom)) {
                throw new IllegalArgumentException("rdfCutoff must be a positive length in Å, got " + angstrom);
            }
            this.rdfCutoff = angstrom;
            return this;
        }

        /** Bin width (Å) of the g(r) histogram; default 0.25. */
        public Builder rdfBinWidth(double angstrom) {
            if (!(angstrom > 0) || !Double.isFinite(angstrom)) {
                throw new IllegalArgumentException("rdfBinWidth must be a positive length in Å, got " + angstrom);
            }
            this.rdfBinWidth = angstrom;
            return this;
        }

        /**
         * The featuriser.
         *
         * @throws IllegalArgumentException if the bin is wider than the cutoff or there would be more
         *                                  than 10,000 bins
         */
        public StructureFeaturizer build() {
            if (rdfBinWidth > rdfCutoff || rdfCutoff / rdfBinWidth > 10_000) {
                throw new IllegalArgumentException("rdfBinWidth " + rdfBinWidth + " Å does not fit rdfCutoff "
                        + rdfCutoff + " Å (between 1 and 10,000 bins)");
            }
            return new StructureFeaturizer(this);
        }
    }
}
