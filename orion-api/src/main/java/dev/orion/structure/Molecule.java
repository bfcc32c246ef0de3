package dev.orion.structure;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable non-periodic set of atoms with Cartesian coordinates in Å (a molecule or cluster),
 * plus molecule-level properties ({@code "title"}, {@code "charge"}, {@code "spin_multiplicity"}).
 *
 * <pre>{@code
 * Molecule water = Molecule.builder()
 *         .add(Element.O, 0, 0, 0).add(Element.H, 0.757, 0.586, 0).add(Element.H, -0.757, 0.586, 0)
 *         .build();
 * water.composition().reducedFormula();   // "H2O"
 * }</pre>
 */
public final class Molecule {

    private final Species[] species;
    private final double[] coords;
    private final List<Map<String, Object>> atomProperties;
    private final Map<String, Object> properties;

    private Molecule(Species[] species, double[] coords, List<Map<String, Object>> atomProperties,
            Map<String, Object> properties) {
        this.species = species;
        this.coords = coords;
        this.atomProperties = atomProperties;
        this.properties = properties;
    }

    /** A builder for a new molecule. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this molecule's atoms and properties. */
    public Builder newBuilder() {
        Builder b = new Builder();
        sites().forEach(b::add);
        properties.forEach(b::property);
        return b;
    }

    /** Number of atoms. */
    public int size() {
        return species.length;
    }

    /** Atom {@code i}. */
    public Atom site(int i) {
        Objects.checkIndex(i, species.length);
        return new Atom(species[i], coords[3 * i], coords[3 * i + 1], coords[3 * i + 2],
                atomProperties == null ? Map.of() : atomProperties.get(i));
    }

    /** An unmodifiable view of the atoms. */
    public List<Atom> sites() {
        class Atoms extends AbstractList<Atom> implements RandomAccess {
            @Override
            public Atom get(int index) {
                return site(index);
            }

            @Override
            public int size() {
                return species.length;
            }
        }
        return new Atoms();
    }

    /** Species of atom {@code i}. */
    public Species speciesAt(int i) {
        return species[i];
    }

    /** Cartesian coordinates (Å) of atom {@code i}, as a copy. */
    public double[] cartesian(int i) {
        Objects.checkIndex(i, species.length);
        return Arrays.copyOfRange(coords, 3 * i, 3 * i + 3);
    }

    /** All Cartesian coordinates, flat {@code [x0, y0, z0, x1, ...]}, as a copy. */
    public double[] cartesianCoords() {
        return coords.clone();
    }

    /** Number of atoms of each element. */
    public Composition composition() {
        Map<Element, Double> m = new EnumMap<>(Element.class);
        for (Species s : species) {
            m.merge(s.element(), 1.0, Double::sum);
        }
        return Composition.of(m);
    }

    /**
     * Mass-weighted centre (Å).
     *
     * @throws IllegalStateException for an empty molecule
     */
    public double[] centerOfMass() {
        if (species.length == 0) {
            throw new IllegalStateException("an empty molecule has no centre of mass");
        }
        double[] c = new double[3];
        double total = 0;
        for (int i = 0; i < species.length; i++) {
            double w = species[i].element().atomicMass();
            total += w;
            for (int k = 0; k < 3; k++) {
                c[k] += w * coords[3 * i + k];
            }
        }
        for (int k = 0; k < 3; k++) {
            c[k] /= total;
        }
        return c;
    }

    /** Molecule-level properties; unmodifiable. */
    public Map<String, Object> properties() {
        return properties;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Molecule m && Arrays.equals(species, m.species) && Arrays.equals(coords, m.coords)
                && sites().equals(m.sites()) && properties.equals(m.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(species), Arrays.hashCode(coords), properties);
    }

    /** Formula and the first atoms, one per line. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Molecule (").append(composition().formula()).append(")\n");
        sb.append("Sites (").append(size()).append(")\n");
        int shown = Math.min(StructureText.MAX_SITES, size());
        for (int i = 0; i < shown; i++) {
            sb.append(String.format(Locale.ROOT, "%4d  %-6s %12.6f %12.6f %12.6f%n", i, species[i],
                    coords[3 * i], coords[3 * i + 1], coords[3 * i + 2]));
        }
        if (size() > shown) {
            sb.append("... (").append(size() - shown).append(" more)\n");
        }
        return sb.toString();
    }

    /** Collects atoms and properties into a {@link Molecule}. */
    public static final class Builder {
        private final List<Species> species = new ArrayList<>();
        private double[] coords = new double[48];
        private final List<Map<String, Object>> atomProperties = new ArrayList<>();
        private boolean anyAtomProperties;
        private final Map<String, Object> properties = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds an atom of {@code species} at Cartesian {@code (x, y, z)} Å. */
        public Builder add(Species sp, double x, double y, double z) {
            return add(Atom.of(sp, x, y, z));
        }

        /** Adds an atom of {@code element} at Cartesian {@code (x, y, z)} Å. */
        public Builder add(Element element, double x, double y, double z) {
            return add(Atom.of(element, x, y, z));
        }

        /** Adds an atom with its properties. */
        public Builder add(Atom atom) {
            Objects.requireNonNull(atom, "atom");
            int n = species.size();
            if (3 * n + 3 > coords.length) {
                coords = Arrays.copyOf(coords, Math.max(48, coords.length * 3 / 2 + 3));
            }
            coords[3 * n] = atom.x();
            coords[3 * n + 1] = atom.y();
            coords[3 * n + 2] = atom.z();
            species.add(atom.species());
            atomProperties.add(atom.properties());
            anyAtomProperties |= !atom.properties().isEmpty();
            return this;
        }

        /** Sets a molecule-level property. */
        public Builder property(String key, Object value) {
            properties.put(PropertyValues.requireKey(key), PropertyValues.normalize(key, value));
            return this;
        }

        /** Builds the molecule. */
        public Molecule build() {
            return new Molecule(species.toArray(new Species[0]), Arrays.copyOf(coords, 3 * species.size()),
                    anyAtomProperties ? List.copyOf(atomProperties) : null, PropertyValues.copyOf(properties));
        }
    }
}
