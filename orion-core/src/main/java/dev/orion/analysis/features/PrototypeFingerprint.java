package dev.orion.analysis.features;

import dev.orion.analysis.neighbors.Neighbors;
import dev.orion.analysis.symmetry.Symmetry;
import dev.orion.structure.Element;
import dev.orion.structure.Structure;
import dev.orion.symmetry.CrystalSystem;
import java.util.Arrays;
import java.util.Objects;

/**
 * The species-agnostic fingerprint of {@link StructureFingerprint#prototype()}. Four blocks, each
 * scaled to unit length and weighted, so that no block drowns the others under the cosine:
 * <ol>
 *   <li>the radial distribution of all pairs against {@code x = r / d1} ({@code d1} the shortest
 *       interatomic distance), {@value #BINS} bins from {@value #X_MIN} to {@value #X_MAX}, each distance
 *       spread as a Gaussian of width {@value #SIGMA} and divided by {@code x^2} (shell area);</li>
 *   <li>the same for pairs of atoms of different elements only (zero for an element);</li>
 *   <li>the site fractions of the elements, largest first, padded to four (1:1, 1:2, ...);</li>
 *   <li>the crystal system, one-hot (weight {@value #SYMMETRY_WEIGHT}; symmetry found with tolerance 0.1 A).</li>
 * </ol>
 * Scaling by {@code d1} makes the vector independent of the lattice constant, so it compares
 * prototypes, not materials. Disordered sites count as their main species.
 */
final class PrototypeFingerprint implements StructureFingerprint {

    static final PrototypeFingerprint INSTANCE = new PrototypeFingerprint();
    static final double X_MIN = 0.75;
    static final double X_MAX = 2.5;
    static final int BINS = 35;
    static final double SIGMA = 0.04;
    static final double SYMMETRY_WEIGHT = 0.3;
    private static final int STOICHIOMETRY = 4;
    private static final CrystalSystem[] SYSTEMS = CrystalSystem.values();
    static final int DIMENSION = 2 * BINS + STOICHIOMETRY + SYSTEMS.length;

    private PrototypeFingerprint() {
    }

    @Override
    public String name() {
        return "structure-prototype";
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] vector(Structure structure) {
        Objects.requireNonNull(structure, "structure");
        if (structure.size() == 0) {
            throw new IllegalArgumentException("structure has no sites");
        }
        int n = structure.size();
        Element[] species = new Element[n];
        for (int i = 0; i < n; i++) {
            species[i] = structure.site(i).mainSpecies().element();
        }
        double d1 = Neighbors.shortestDistance(structure);
        if (!(d1 > 1e-3)) {
            throw new IllegalArgumentException("structure has two sites " + d1 + " A apart: no bond length to scale by");
        }
        double width = (X_MAX - X_MIN) / BINS;
        double[] all = new double[BINS];
        double[] unlike = new double[BINS];
        Neighbors.forEachPair(structure, (X_MAX + 3 * SIGMA) * d1, (i, j, a, b, c, d) -> {
            double x = d / d1;
            boolean hetero = species[i] != species[j];
            for (int k = 0; k < BINS; k++) {
                double centre = X_MIN + (k + 0.5) * width;
                double g = Math.exp(-0.5 * Math.pow((x - centre) / SIGMA, 2)) / (centre * centre);
                all[k] += g;
                if (hetero) {
                    unlike[k] += g;
                }
            }
        });
        double[] out = new double[DIMENSION];
        put(out, 0, all, 1);
        put(out, BINS, unlike, 1);
        double[] fractions = structure.composition().asMap().values().stream().mapToDouble(Double::doubleValue)
                .map(v -> v / structure.composition().numAtoms()).sorted().toArray();
        double[] stoichiometry = new double[STOICHIOMETRY];
        for (int k = 0; k < Math.min(STOICHIOMETRY, fractions.length); k++) {
            stoichiometry[k] = fractions[fractions.length - 1 - k];
        }
        put(out, 2 * BINS, stoichiometry, 1);
        double[] system = new double[SYSTEMS.length];
        system[Symmetry.of(structure, 0.1).crystalSystem().ordinal()] = 1;
        put(out, 2 * BINS + STOICHIOMETRY, system, SYMMETRY_WEIGHT);
        float[] v = new float[DIMENSION];
        for (int k = 0; k < DIMENSION; k++) {
            v[k] = (float) out[k];
        }
        return v;
    }

    /** Copies {@code block} into {@code out} at {@code offset}, scaled to length {@code weight} (a zero block stays zero). */
    static void put(double[] out, int offset, double[] block, double weight) {
        double norm = Math.sqrt(Arrays.stream(block).map(v -> v * v).sum());
        for (int k = 0; k < block.length; k++) {
            out[offset + k] = norm == 0 ? 0 : weight * block[k] / norm;
        }
    }

    @Override
    public String toString() {
        return "StructureFingerprint[" + name() + ", dimension " + DIMENSION + "]";
    }
}
