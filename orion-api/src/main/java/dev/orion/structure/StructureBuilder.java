package dev.orion.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects a lattice, sites and properties into a {@link Structure}. Obtain one from
 * {@link Structure#builder()} or {@link Structure#newBuilder()}.
 *
 * <p>Sites go straight into growable columns (coordinates, an index into the table of distinct
 * species-occupancy maps, labels and properties only once they appear), so readers can add
 * millions of sites without creating a {@link Site} per atom: use
 * {@link #addSite(Species, double, double, double)} in such loops.
 */
public final class StructureBuilder {

    /** Equal property values are shared up to this many distinct values (selective dynamics flags...). */
    private static final int VALUE_POOL_LIMIT = 4096;

    private Lattice lattice;
    private int size;
    private double[] frac = new double[48];
    private int[] kinds = new int[16];
    private final List<Map<Species, Double>> kindTable = new ArrayList<>();
    /** Keyed by the entries as a list, so the insertion order of a disordered site is kept. */
    private final Map<List<Object>, Integer> kindIndex = new HashMap<>();
    private final Map<Species, Integer> orderedKinds = new HashMap<>();
    private final Map<Element, Integer> plainKinds = new EnumMap<>(Element.class);
    private String[] labels;
    private final Map<String, Object[]> siteProperties = new LinkedHashMap<>();
    private final Map<Object, Object> valuePool = new HashMap<>();
    private final Map<String, Object> properties = new LinkedHashMap<>();

    StructureBuilder() {
    }

    /** A builder holding a copy of {@code s}'s columns (no {@link Site} is created per site). */
    StructureBuilder(Structure s) {
        lattice = s.lattice;
        size = s.size();
        int capacity = Math.max(16, size);
        frac = Arrays.copyOf(s.frac, 3 * capacity);
        kinds = Arrays.copyOf(s.kinds, capacity);
        for (Map<Species, Double> kind : s.kindTable) {
            register(kind, newKind(kind));
        }
        labels = s.labels == null ? null : Arrays.copyOf(s.labels, capacity);
        s.siteProperties.forEach((k, col) -> siteProperties.put(k, Arrays.copyOf(col, capacity)));
        properties.putAll(s.properties);
    }

    private void register(Map<Species, Double> kind, int index) {
        if (kind.size() == 1 && kind.values().iterator().next() == 1.0) {
            Species sp = kind.keySet().iterator().next();
            orderedKinds.put(sp, index);
            if (sp.oxidationState().isEmpty()) {
                plainKinds.put(sp.element(), index);
            }
        } else {
            kindIndex.put(key(kind), index);
        }
    }

    private static List<Object> key(Map<Species, Double> species) {
        List<Object> key = new ArrayList<>(2 * species.size());
        species.forEach((s, o) -> {
            key.add(s);
            key.add(o);
        });
        return key;
    }

    /** Sets the periodic cell (required). */
    public StructureBuilder lattice(Lattice lattice) {
        this.lattice = Objects.requireNonNull(lattice, "lattice");
        return this;
    }

    /** Number of sites added so far. */
    public int size() {
        return size;
    }

    /** Adds a site with its species, label and properties. */
    public StructureBuilder addSite(Site site) {
        Objects.requireNonNull(site, "site");
        Map<Species, Double> sp = site.species();
        int kind;
        if (Site.isOrdered(sp) && sp.values().iterator().next() == 1.0) {
            kind = orderedKind(sp.keySet().iterator().next());
        } else {
            kind = kindIndex.computeIfAbsent(key(sp), k -> newKind(sp));
        }
        append(kind, site.x(), site.y(), site.z());
        if (!site.label().isEmpty()) {
            setLabel(size - 1, site.label());
        }
        site.properties().forEach((k, v) -> setSiteProperty(size - 1, k, v));
        return this;
    }

    /** Adds a site fully occupied by {@code species} at fractional {@code (x, y, z)}. */
    public StructureBuilder addSite(Species species, double x, double y, double z) {
        Site.checkCoordinates(x, y, z);
        append(orderedKind(Objects.requireNonNull(species, "species")), x, y, z);
        return this;
    }

    /** Adds a site fully occupied by {@code element} (no oxidation state) at fractional {@code (x, y, z)}. */
    public StructureBuilder addSite(Element element, double x, double y, double z) {
        Objects.requireNonNull(element, "element");
        Site.checkCoordinates(x, y, z);
        Integer kind = plainKinds.get(element);
        if (kind == null) {
            kind = orderedKind(Species.of(element));
            plainKinds.put(element, kind);
        }
        append(kind, x, y, z);
        return this;
    }

    /**
     * Adds a site fully occupied by {@code species} at Cartesian {@code (x, y, z)} Å, converted with
     * the lattice set so far.
     *
     * @throws IllegalStateException if no lattice has been set yet
     */
    public StructureBuilder addSiteCartesian(Species species, double x, double y, double z) {
        if (lattice == null) {
            throw new IllegalStateException("set the lattice before adding sites in Cartesian coordinates");
        }
        Site.checkCoordinates(x, y, z);
        double[] f = new double[3];
        lattice.toFractional(x, y, z, f);
        return addSite(species, f[0], f[1], f[2]);
    }

    /** Adds every site, in order. */
    public StructureBuilder addSites(Iterable<? extends Site> sites) {
        for (Site s : sites) {
            addSite(s);
        }
        return this;
    }

    /** Adds every site, in order. */
    public StructureBuilder addSites(Site... sites) {
        return addSites(Arrays.asList(sites));
    }

    /** Sets the label of the site at {@code index} (already added); "" removes it. */
    public StructureBuilder label(int index, String label) {
        Objects.checkIndex(index, size);
        setLabel(index, label == null ? "" : label);
        return this;
    }

    /** Sets a property of the site at {@code index} (already added); see {@link Site} for values. */
    public StructureBuilder siteProperty(int index, String key, Object value) {
        Objects.checkIndex(index, size);
        setSiteProperty(index, PropertyValues.requireKey(key), PropertyValues.normalize(key, value));
        return this;
    }

    /** Sets a structure-level property ({@code "title"}, {@code "source_file"}, ...). */
    public StructureBuilder property(String key, Object value) {
        properties.put(PropertyValues.requireKey(key), PropertyValues.normalize(key, value));
        return this;
    }

    /**
     * Builds the structure.
     *
     * @throws IllegalStateException if no lattice was set
     */
    public Structure build() {
        if (lattice == null) {
            throw new IllegalStateException("a structure needs a lattice: call lattice(...) before build()");
        }
        Map<String, Object[]> props = new LinkedHashMap<>();
        siteProperties.forEach((k, col) -> props.put(k, Arrays.copyOf(col, size)));
        return new Structure(lattice, Arrays.copyOf(frac, 3 * size), Arrays.copyOf(kinds, size),
                List.copyOf(kindTable), labels == null ? null : Arrays.copyOf(labels, size),
                props.isEmpty() ? Map.of() : Collections.unmodifiableMap(props),
                PropertyValues.copyOf(properties));
    }

    private int orderedKind(Species species) {
        Integer kind = orderedKinds.get(species);
        if (kind == null) {
            kind = newKind(Map.of(species, 1.0));
            orderedKinds.put(species, kind);
        }
        return kind;
    }

    private int newKind(Map<Species, Double> species) {
        kindTable.add(species);
        return kindTable.size() - 1;
    }

    private void append(int kind, double x, double y, double z) {
        if (size == kinds.length) {
            int capacity = Math.max(16, kinds.length + (kinds.length >> 1));
            kinds = Arrays.copyOf(kinds, capacity);
            frac = Arrays.copyOf(frac, 3 * capacity);
            if (labels != null) {
                labels = Arrays.copyOf(labels, capacity);
            }
            siteProperties.replaceAll((k, col) -> Arrays.copyOf(col, capacity));
        }
        kinds[size] = kind;
        // adding +0.0 turns -0.0 into 0.0, so equal positions compare equal
        frac[3 * size] = x + 0.0;
        frac[3 * size + 1] = y + 0.0;
        frac[3 * size + 2] = z + 0.0;
        if (labels != null) {
            labels[size] = "";
        }
        size++;
    }

    private void setLabel(int index, String label) {
        if (labels == null) {
            if (label.isEmpty()) {
                return;
            }
            labels = new String[kinds.length];
            Arrays.fill(labels, 0, size, "");
        }
        labels[index] = label;
    }

    private void setSiteProperty(int index, String key, Object value) {
        Object[] column = siteProperties.computeIfAbsent(key, k -> new Object[kinds.length]);
        Object shared = valuePool.get(value);
        if (shared == null && valuePool.size() < VALUE_POOL_LIMIT) {
            valuePool.put(value, value);
            shared = value;
        }
        column[index] = shared == null ? value : shared;
    }
}
