package dev.orion.analysis.neighbors;

import dev.orion.structure.Element;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.OptionalDouble;

/**
 * Neighbour searches on periodic structures: neighbour lists, coordination numbers, radial
 * distribution functions and the shortest interatomic distance. All use an O(N) cell-list search
 * that is exact for any cell shape (skewed triclinic cells, cutoffs longer than the cell: every
 * periodic image within the cutoff is found).
 *
 * <pre>{@code
 * NeighborList nl = Neighbors.full(structure, 3.0);        // or Neighbors.half(...)
 * int[] cn = Neighbors.covalentCoordinationNumbers(structure, 0.3);
 * RadialDistribution g = Neighbors.rdf(structure, 8.0, 0.05);
 * double dmin = Neighbors.shortestDistance(structure);     // sanity check before a calculation
 * }</pre>
 *
 * <p>Lists of structures with 4,096 sites or more are searched on all cores
 * (the common fork-join pool) in ranges of centres joined in order, so the list is the same, pair
 * for pair, as a search on one core.
 */
public final class Neighbors {

    /** From this many sites on, {@link #full} and {@link #half} search on all cores. */
    private static final int PARALLEL_SITES = 4096;

    private Neighbors() {
    }

    /**
     * Every (centre, neighbour, image) triple within {@code cutoff} Å: each bond from both ends.
     *
     * @throws IllegalArgumentException if the cutoff is not a positive finite length, or so long that
     *                                  the list could not be held
     */
    public static NeighborList full(Structure structure, double cutoff) {
        return list(structure, cutoff, false);
    }

    /**
     * Each bond within {@code cutoff} Å once: centre &lt; neighbour, and for a site's own images only the
     * positive half of the translations.
     *
     * @throws IllegalArgumentException as {@link #full}
     */
    public static NeighborList half(Structure structure, double cutoff) {
        return list(structure, cutoff, true);
    }

    private static NeighborList list(Structure structure, double cutoff, boolean half) {
        Objects.requireNonNull(structure, "structure");
        CellListSearch search = new CellListSearch(structure, cutoff);
        double expected = search.expectedPairs(structure.volume()) * (half ? 0.5 : 1.0);
        int n = search.size();
        int chunks = n < PARALLEL_SITES ? 1 : Runtime.getRuntime().availableProcessors();
        if (chunks == 1) {
            PairCollector collector = new PairCollector(expected);
            search.search(half, collector);
            return collector.toList(n, cutoff, half);
        }
        // consecutive ranges of centres searched in parallel and joined in order: the same list as one search
        PairCollector.check(expected);
        PairCollector[] parts = new PairCollector[chunks];
        IntStream.range(0, chunks).parallel().forEach(k -> {
            int from = (int) ((long) n * k / chunks);
            int to = (int) ((long) n * (k + 1) / chunks);
            parts[k] = new PairCollector(expected * (to - from) / n);
            search.search(half, from, to, parts[k]);
        });
        return PairCollector.join(parts, n, cutoff, half);
    }

    /**
     * Streams each bond within {@code cutoff} Å once (half-list order) to {@code consumer} without
     * storing any: for histograms and sums over structures too large to list.
     */
    public static void forEachPair(Structure structure, double cutoff, PairConsumer consumer) {
        Objects.requireNonNull(structure, "structure");
        Objects.requireNonNull(consumer, "consumer");
        new CellListSearch(structure, cutoff).search(true, consumer);
    }

    /**
     * The shortest distance (Å) between two sites, or between a site and its own periodic image,
     * in the structure; 0 when two sites coincide. A cheap sanity check before a calculation:
     * distances far below a bond length mean overlapping atoms.
     *
     * @throws IllegalArgumentException if the structure has no sites
     */
    public static double shortestDistance(Structure structure) {
        Objects.requireNonNull(structure, "structure");
        int n = structure.size();
        if (n == 0) {
            throw new IllegalArgumentException("structure has no sites, so it has no shortest distance");
        }
        // spheres of radius d/2 around the sites cannot overlap, and no packing beats 0.7405, so
        // d <= 1.1225 (V/N)^(1/3); the same bound holds for the shortest lattice vector (Hermite)
        double cutoff = 1.15 * Math.cbrt(structure.volume() / n);
        while (true) {
            double[] min = {Double.POSITIVE_INFINITY};
            forEachPair(structure, cutoff, (i, j, a, b, c, d) -> {
                if (d < min[0]) {
                    min[0] = d;
                }
            });
            if (min[0] <= cutoff) {
                return min[0];
            }
            cutoff *= 2;
        }
    }

    /**
     * For every site, the number of neighbours within {@code cutoff} Å (its own periodic images
     * included).
     */
    public static int[] coordinationNumbers(Structure structure, double cutoff) {
        Objects.requireNonNull(structure, "structure");
        int[] cn = new int[structure.size()];
        forEachPair(structure, cutoff, (i, j, a, b, c, d) -> {
            cn[i]++;
            cn[j]++;
        });
        return cn;
    }

    /**
     * For every site, the number of neighbours bonded by covalent radii: sites i and j are bonded
     * when {@code d <= r_i + r_j + tolerance}. A disordered site has the occupancy-weighted mean
     * radius of its species.
     *
     * @param tolerance slack in Å added to the sum of radii, e.g. 0.3; may be negative but the sum
     *                  must stay positive
     * @throws IllegalArgumentException if a species has no tabulated covalent radius (Bk and heavier)
     */
    public static int[] covalentCoordinationNumbers(Structure structure, double tolerance) {
        Objects.requireNonNull(structure, "structure");
        if (!Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite, got " + tolerance);
        }
        int n = structure.size();
        double[] radius = covalentRadii(structure);
        double maxRadius = 0;
        for (double r : radius) {
            maxRadius = Math.max(maxRadius, r);
        }
        int[] cn = new int[n];
        double cutoff = 2 * maxRadius + tolerance;
        if (n == 0 || !(cutoff > 0)) {
            return cn;
        }
        forEachPair(structure, cutoff, (i, j, a, b, c, d) -> {
            if (d <= radius[i] + radius[j] + tolerance) {
                cn[i]++;
                cn[j]++;
            }
        });
        return cn;
    }

    /**
     * Occupancy-weighted covalent radius (Å) of each site.
     *
     * @throws IllegalArgumentException if a species has no tabulated radius
     */
    public static double[] covalentRadii(Structure structure) {
        double[] radius = new double[structure.size()];
        for (int i = 0; i < radius.length; i++) {
            double sum = 0;
            double weight = 0;
            for (Map.Entry<Species, Double> e : structure.speciesAt(i).entrySet()) {
                Element el = e.getKey().element();
                OptionalDouble r = el.covalentRadius();
                if (r.isEmpty()) {
                    throw new IllegalArgumentException("site " + i + ": element " + el
                            + " has no tabulated covalent radius");
                }
                sum += r.getAsDouble() * e.getValue();
                weight += e.getValue();
            }
            radius[i] = weight > 0 ? sum / weight : 0;
        }
        return radius;
    }

    /**
     * The radial distribution function g(r) of all sites, from 0 to {@code rMax} Å in bins of
     * {@code binWidth} Å, normalised so that it tends to 1 for an uncorrelated arrangement:
     * {@code g = V / N^2 * pairs(bin) / shellVolume(bin)}, counting each pair from both ends.
     *
     * @throws IllegalArgumentException if the structure is empty or the bins are not positive
     */
    public static RadialDistribution rdf(Structure structure, double rMax, double binWidth) {
        return RadialDistribution.compute(structure, rMax, binWidth, null, null);
    }

    /**
     * The partial radial distribution function g_AB(r): how the {@code b} atoms are distributed around
     * the {@code a} atoms, normalised by the numbers (occupancies summed) of both, so it tends to 1
     * for an uncorrelated arrangement. Symmetric in {@code a} and {@code b}.
     *
     * @throws IllegalArgumentException if the structure holds no {@code a} or no {@code b}
     */
    public static RadialDistribution partialRdf(Structure structure, Element a, Element b, double rMax,
            double binWidth) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return RadialDistribution.compute(structure, rMax, binWidth, a, b);
    }

    static void requireCutoff(double cutoff) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("cutoff must be a positive finite length in Å, got " + cutoff);
        }
    }
}
