package dev.orion.structure;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable periodic crystal: a {@link Lattice} and sites with fractional coordinates, plus
 * structure-level properties ({@code "title"}, {@code "source_file"}, ...).
 *
 * <p>Sites are stored column-wise, not as objects: one {@code double[]} of fractional coordinates,
 * one {@code int[]} pointing into a small table of the distinct species-occupancy maps, and label
 * and property columns only when some site has them. An ordered structure thus costs about
 * 28 bytes per site; {@link #site(int)} and {@link #sites()} build {@link Site} values on demand.
 * Hot loops should use {@link #fracX(int)}, {@link #speciesAt(int)} and friends instead.
 *
 * <pre>{@code
 * Structure cu = Structure.builder()
 *         .lattice(Lattice.cubic(3.61))
 *         .addSite(Element.Cu, 0, 0, 0).addSite(Element.Cu, 0.5, 0.5, 0)
 *         .addSite(Element.Cu, 0.5, 0, 0.5).addSite(Element.Cu, 0, 0.5, 0.5)
 *         .build();
 * cu.composition().reducedFormula();   // "Cu"
 * cu.density();                        // 8.97 g/cm3
 * cu.supercell(2, 2, 2).size();        // 32
 * }</pre>
 */
public final class Structure {

    /** Grams per unified atomic mass unit times 1e24 (Å³ to cm³). */
    private static final double AMU_PER_A3_TO_G_PER_CM3 = 1.66053906660;

    final Lattice lattice;
    final double[] frac;
    final int[] kinds;
    final List<Map<Species, Double>> kindTable;
    final String[] labels;
    final Map<String, Object[]> siteProperties;
    final Map<String, Object> properties;

    Structure(Lattice lattice, double[] frac, int[] kinds, List<Map<Species, Double>> kindTable, String[] labels,
            Map<String, Object[]> siteProperties, Map<String, Object> properties) {
        this.lattice = lattice;
        this.frac = frac;
        this.kinds = kinds;
        this.kindTable = kindTable;
        this.labels = labels;
        this.siteProperties = siteProperties;
        this.properties = properties;
    }

    /** A builder for a new structure. */
    public static StructureBuilder builder() {
        return new StructureBuilder();
    }

    /** A builder pre-filled with this structure's lattice, sites and properties. */
    public StructureBuilder newBuilder() {
        return new StructureBuilder(this);
    }

    /** The periodic cell. */
    public Lattice lattice() {
        return lattice;
    }

    /** Number of sites. */
    public int size() {
        return kinds.length;
    }

    /** Site {@code i}, built on demand. */
    public Site site(int i) {
        Objects.checkIndex(i, kinds.length);
        return new Site(kindTable.get(kinds[i]), frac[3 * i], frac[3 * i + 1], frac[3 * i + 2], label(i),
                siteProperties(i));
    }

    /** An unmodifiable view of the sites; each access builds a {@link Site}. */
    public List<Site> sites() {
        return new SiteList();
    }

    private final class SiteList extends AbstractList<Site> implements RandomAccess {
        @Override
        public Site get(int index) {
            return site(index);
        }

        @Override
        public int size() {
            return kinds.length;
        }
    }

    /** Species and occupancies of site {@code i} (shared, unmodifiable, no allocation). */
    public Map<Species, Double> speciesAt(int i) {
        return kindTable.get(kinds[i]);
    }

    /** Label of site {@code i}, "" if none. */
    public String label(int i) {
        Objects.checkIndex(i, kinds.length);
        return labels == null ? "" : labels[i];
    }

    /** Properties of site {@code i}; unmodifiable. */
    public Map<String, Object> siteProperties(int i) {
        if (siteProperties.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        siteProperties.forEach((k, column) -> {
            if (column[i] != null) {
                m.put(k, column[i]);
            }
        });
        return m.isEmpty() ? Map.of() : Collections.unmodifiableMap(m);
    }

    /** Fractional coordinates of site {@code i}, as a new array. */
    public double[] frac(int i) {
        Objects.checkIndex(i, kinds.length);
        return new double[] {frac[3 * i], frac[3 * i + 1], frac[3 * i + 2]};
    }

    /** Fractional x of site {@code i}. */
    public double fracX(int i) {
        return frac[3 * i];
    }

    /** Fractional y of site {@code i}. */
    public double fracY(int i) {
        return frac[3 * i + 1];
    }

    /** Fractional z of site {@code i}. */
    public double fracZ(int i) {
        return frac[3 * i + 2];
    }

    /** All fractional coordinates, flat {@code [x0, y0, z0, x1, ...]}, as a copy. */
    public double[] fracCoords() {
        return frac.clone();
    }

    /** Cartesian coordinates (Å) of site {@code i}. */
    public double[] cartesian(int i) {
        Objects.checkIndex(i, kinds.length);
        double[] out = new double[3];
        lattice.toCartesian(frac[3 * i], frac[3 * i + 1], frac[3 * i + 2], out);
        return out;
    }

    /** All Cartesian coordinates (Å), flat {@code [x0, y0, z0, x1, ...]}. */
    public double[] cartesianCoords() {
        double[] out = new double[frac.length];
        double[] p = new double[3];
        for (int i = 0; i < kinds.length; i++) {
            lattice.toCartesian(frac[3 * i], frac[3 * i + 1], frac[3 * i + 2], p);
            System.arraycopy(p, 0, out, 3 * i, 3);
        }
        return out;
    }

    /** The cell content: for each element, the sum of its occupancies over all sites. */
    public Composition composition() {
        int[] counts = new int[kindTable.size()];
        for (int k : kinds) {
            counts[k]++;
        }
        Map<Element, Double> amounts = new EnumMap<>(Element.class);
        for (int k = 0; k < counts.length; k++) {
            int n = counts[k];
            kindTable.get(k).forEach((sp, occ) -> amounts.merge(sp.element(), occ * n, Double::sum));
        }
        return Composition.of(amounts);
    }

    /** Shortcut for {@code composition().formula()}. */
    public String formula() {
        return composition().formula();
    }

    /** Cell volume in Å³. */
    public double volume() {
        return lattice.volume();
    }

    /** Mass density in g/cm³. */
    public double density() {
        return composition().weight() * AMU_PER_A3_TO_G_PER_CM3 / volume();
    }

    /** True if every site is fully occupied by one species. */
    public boolean isOrdered() {
        for (Map<Species, Double> kind : kindTable) {
            if (!Site.isOrdered(kind)) {
                return false;
            }
        }
        return true;
    }

    /** Structure-level properties; unmodifiable. */
    public Map<String, Object> properties() {
        return properties;
    }

    /** The supercell with {@code na x nb x nc} copies of this cell; sites are wrapped into [0, 1). */
    public Structure supercell(int na, int nb, int nc) {
        return supercell(new int[][] {{na, 0, 0}, {0, nb, 0}, {0, 0, nc}});
    }

    /**
     * The supercell whose lattice vectors are {@code scaling . (a, b, c)} (rows of the integer matrix
     * are the new vectors in units of the old ones). Holds {@code det(scaling)} copies of every site,
     * site by site, with coordinates wrapped into [0, 1).
     *
     * @throws IllegalArgumentException if the matrix is not 3x3 or its determinant is not positive
     */
    public Structure supercell(int[][] scaling) {
        return Supercells.make(this, scaling);
    }

    /**
     * The sites sorted (stably) by the electronegativity of each site's main species, then by symbol,
     * as pymatgen's {@code get_sorted_structure}.
     */
    public Structure sorted() {
        return permuted(SiteOrder.byElectronegativity(kinds, kindTable));
    }

    /** The sites sorted (stably) with {@code comparator}. */
    public Structure sorted(Comparator<? super Site> comparator) {
        List<Site> all = new ArrayList<>(sites());
        Integer[] idx = new Integer[all.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (p, q) -> comparator.compare(all.get(p), all.get(q)));
        return permuted(Arrays.stream(idx).mapToInt(Integer::intValue).toArray());
    }

    /** The structure whose site {@code k} is this structure's site {@code order[k]}. */
    Structure permuted(int[] order) {
        int n = order.length;
        double[] f = new double[3 * n];
        int[] k = new int[n];
        String[] l = labels == null ? null : new String[n];
        Map<String, Object[]> props = new LinkedHashMap<>();
        siteProperties.forEach((key, col) -> props.put(key, new Object[n]));
        for (int i = 0; i < n; i++) {
            int src = order[i];
            System.arraycopy(frac, 3 * src, f, 3 * i, 3);
            k[i] = kinds[src];
            if (l != null) {
                l[i] = labels[src];
            }
            for (Map.Entry<String, Object[]> e : siteProperties.entrySet()) {
                props.get(e.getKey())[i] = e.getValue()[src];
            }
        }
        return new Structure(lattice, f, k, kindTable, l, Collections.unmodifiableMap(props), properties);
    }

    /** Indices of the sites on which {@code element} occurs (with any occupancy). */
    public int[] indicesOf(Element element) {
        boolean[] hasIt = new boolean[kindTable.size()];
        for (int k = 0; k < hasIt.length; k++) {
            for (Species sp : kindTable.get(k).keySet()) {
                hasIt[k] |= sp.element() == element;
            }
        }
        int count = 0;
        for (int kind : kinds) {
            count += hasIt[kind] ? 1 : 0;
        }
        int[] out = new int[count];
        int j = 0;
        for (int i = 0; i < kinds.length; i++) {
            if (hasIt[kinds[i]]) {
                out[j++] = i;
            }
        }
        return out;
    }

    /** Minimum-image distance (Å) between sites {@code i} and {@code j}. */
    public double distance(int i, int j) {
        Objects.checkIndex(i, kinds.length);
        Objects.checkIndex(j, kinds.length);
        return lattice.minimumImageDistance(frac[3 * j] - frac[3 * i], frac[3 * j + 1] - frac[3 * i + 1],
                frac[3 * j + 2] - frac[3 * i + 2]);
    }

    /** The same sites (fractional coordinates) in another cell. */
    public Structure withLattice(Lattice newLattice) {
        Objects.requireNonNull(newLattice, "newLattice");
        return new Structure(newLattice, frac, kinds, kindTable, labels, siteProperties, properties);
    }

    /** Every site shifted by {@code fracShift}; coordinates are not wrapped (see {@link #wrapped()}). */
    public Structure translated(double[] fracShift) {
        if (fracShift == null || fracShift.length != 3) {
            throw new IllegalArgumentException("fracShift must have 3 components, got " + Arrays.toString(fracShift));
        }
        Site.checkCoordinates(fracShift[0], fracShift[1], fracShift[2]);
        double[] f = frac.clone();
        for (int i = 0; i < f.length; i++) {
            f[i] += fracShift[i % 3];
        }
        return new Structure(lattice, f, kinds, kindTable, labels, siteProperties, properties);
    }

    /** Every fractional coordinate mapped into [0, 1). */
    public Structure wrapped() {
        double[] f = frac.clone();
        for (int i = 0; i < f.length; i++) {
            f[i] = wrap(f[i]);
        }
        return new Structure(lattice, f, kinds, kindTable, labels, siteProperties, properties);
    }

    static double wrap(double x) {
        double w = x - Math.floor(x);
        return w >= 1.0 ? 0.0 : w + 0.0;
    }

    /**
     * True if the lattices agree within {@code fracTol} times the longest lattice vector (Å, per matrix
     * element) and, site by site, the species are the same with occupancies within {@code fracTol}
     * and the fractional coordinates agree within {@code fracTol} modulo 1. Labels and properties are
     * not compared.
     */
    public boolean almostEquals(Structure other, double fracTol) {
        if (other.size() != size()) {
            return false;
        }
        double scale = Math.max(lattice.a(), Math.max(lattice.b(), lattice.c()));
        if (!lattice.almostEquals(other.lattice, fracTol * scale)) {
            return false;
        }
        for (int i = 0; i < frac.length; i++) {
            double d = frac[i] - other.frac[i];
            if (!(Math.abs(d - Math.rint(d)) <= fracTol)) {
                return false;
            }
        }
        for (int i = 0; i < kinds.length; i++) {
            Map<Species, Double> a = speciesAt(i);
            Map<Species, Double> b = other.speciesAt(i);
            if (!a.keySet().equals(b.keySet())) {
                return false;
            }
            for (Map.Entry<Species, Double> e : a.entrySet()) {
                if (!(Math.abs(e.getValue() - b.get(e.getKey())) <= fracTol)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Structure s) || s.size() != size() || !lattice.equals(s.lattice)
                || !Arrays.equals(frac, s.frac) || !properties.equals(s.properties)) {
            return false;
        }
        for (int i = 0; i < kinds.length; i++) {
            if (!speciesAt(i).equals(s.speciesAt(i)) || !label(i).equals(s.label(i))) {
                return false;
            }
            if ((!siteProperties.isEmpty() || !s.siteProperties.isEmpty())
                    && !siteProperties(i).equals(s.siteProperties(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lattice, Arrays.hashCode(frac), properties);
    }

    /** A pymatgen-like summary: formula, lattice parameters, volume and the first sites. */
    @Override
    public String toString() {
        return StructureText.format(this);
    }
}
