package dev.orion.structure;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One site of a periodic {@link Structure}: what occupies it (species with occupancies), where
 * it is (fractional coordinates), an optional label ({@code "Fe1"}, never null, possibly empty) and
 * per-site properties.
 *
 * <p>Properties hold JSON-friendly values only: numbers (stored as {@link Long} when integral types
 * are given, else {@link Double}), strings, booleans, and lists or maps of those. Conventional keys:
 * {@code "selective_dynamics"} ({@code List<Boolean>}), {@code "charge"} (Double),
 * {@code "velocity"} ({@code List<Double>}), {@code "magmom"}.
 *
 * <pre>{@code
 * Site fe = Site.of(Element.Fe, 0, 0, 0);
 * Site mixed = Site.builder().species(Species.parse("Fe2+"), 0.5).species(Species.parse("Ni2+"), 0.5)
 *         .frac(0.5, 0.5, 0.5).label("M1").build();
 * }</pre>
 */
public final class Site {

    /** Occupancies may exceed 1 by this much (rounding in CIF files). */
    static final double OCCUPANCY_EPS = 1e-6;

    private final Map<Species, Double> species;
    private final double x;
    private final double y;
    private final double z;
    private final String label;
    private final Map<String, Object> properties;

    Site(Map<Species, Double> species, double x, double y, double z, String label, Map<String, Object> properties) {
        this.species = species;
        this.x = x;
        this.y = y;
        this.z = z;
        this.label = label;
        this.properties = properties;
    }

    /** A fully occupied site without label or properties. */
    public static Site of(Species species, double x, double y, double z) {
        return builder().species(species, 1.0).frac(x, y, z).build();
    }

    /** A fully occupied site of {@code element} (no oxidation state). */
    public static Site of(Element element, double x, double y, double z) {
        return of(Species.of(element), x, y, z);
    }

    /** A builder for the general case: several species, label, properties. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this site's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.species.putAll(species);
        b.x = x;
        b.y = y;
        b.z = z;
        b.label = label;
        b.properties.putAll(properties);
        return b;
    }

    /** Species and their occupancies, in insertion order; unmodifiable. */
    public Map<Species, Double> species() {
        return species;
    }

    /** Fractional coordinate along a. */
    public double x() {
        return x;
    }

    /** Fractional coordinate along b. */
    public double y() {
        return y;
    }

    /** Fractional coordinate along c. */
    public double z() {
        return z;
    }

    /** A copy of the fractional coordinates. */
    public double[] frac() {
        return new double[] {x, y, z};
    }

    /** The site label, or "" when none was given. */
    public String label() {
        return label;
    }

    /** Per-site properties; unmodifiable. */
    public Map<String, Object> properties() {
        return properties;
    }

    /** True if one species fully occupies the site (occupancy 1 within 1e-8). */
    public boolean isOrdered() {
        return isOrdered(species);
    }

    static boolean isOrdered(Map<Species, Double> species) {
        return species.size() == 1 && Math.abs(species.values().iterator().next() - 1) < 1e-8;
    }

    /**
     * The single species of an ordered site.
     *
     * @throws IllegalStateException if the site is disordered
     */
    public Species specie() {
        if (!isOrdered()) {
            throw new IllegalStateException("site is disordered: " + species);
        }
        return species.keySet().iterator().next();
    }

    /** Sum of the occupancies. */
    public double totalOccupancy() {
        double t = 0;
        for (double o : species.values()) {
            t += o;
        }
        return t;
    }

    /** The species with the largest occupancy (the first of equals). */
    public Species mainSpecies() {
        return mainSpecies(species);
    }

    static Species mainSpecies(Map<Species, Double> species) {
        Species best = null;
        double occ = -1;
        for (Map.Entry<Species, Double> e : species.entrySet()) {
            if (e.getValue() > occ) {
                best = e.getKey();
                occ = e.getValue();
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Site s
                && Double.compare(x, s.x) == 0 && Double.compare(y, s.y) == 0 && Double.compare(z, s.z) == 0
                && species.equals(s.species) && label.equals(s.label) && properties.equals(s.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(species, x, y, z, label, properties);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (isOrdered()) {
            sb.append(specie());
        } else {
            species.forEach((sp, occ) -> sb.append(sb.length() == 0 ? "" : ", ").append(sp).append(':')
                    .append(Numbers.format(occ)));
        }
        sb.append(" ").append(Arrays.toString(frac()));
        if (!label.isEmpty()) {
            sb.append(" '").append(label).append('\'');
        }
        if (!properties.isEmpty()) {
            sb.append(' ').append(properties);
        }
        return sb.toString();
    }

    /** Validates a species-occupancy map and returns an unmodifiable insertion-ordered copy. */
    static Map<Species, Double> checkedSpecies(Map<Species, Double> species) {
        if (species.isEmpty()) {
            throw new IllegalArgumentException("a site needs at least one species");
        }
        double total = 0;
        for (Map.Entry<Species, Double> e : species.entrySet()) {
            Objects.requireNonNull(e.getKey(), "species");
            Double occ = e.getValue();
            if (occ == null || !(occ > 0 && occ <= 1 + OCCUPANCY_EPS)) {
                throw new IllegalArgumentException("occupancy of " + e.getKey() + " must be in (0, 1], got " + occ);
            }
            total += occ;
        }
        if (total > 1 + OCCUPANCY_EPS) {
            throw new IllegalArgumentException("total occupancy must not exceed 1, got " + total + " for " + species);
        }
        if (species.size() == 1) {
            Map.Entry<Species, Double> e = species.entrySet().iterator().next();
            return Map.of(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(species));
    }

    static void checkCoordinates(double x, double y, double z) {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("coordinates must be finite, got [" + x + ", " + y + ", " + z + "]");
        }
    }

    /** Builds a {@link Site}; species are kept in the order they are added. */
    public static final class Builder {
        private final Map<Species, Double> species = new LinkedHashMap<>();
        private double x;
        private double y;
        private double z;
        private String label = "";
        private final Map<String, Object> properties = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds (or replaces) a species with its occupancy in (0, 1]. */
        public Builder species(Species sp, double occupancy) {
            species.put(Objects.requireNonNull(sp, "species"), occupancy);
            return this;
        }

        /** Adds (or replaces) an element without oxidation state. */
        public Builder species(Element element, double occupancy) {
            return species(Species.of(element), occupancy);
        }

        /** Replaces all species with the given map (insertion order kept). */
        public Builder species(Map<Species, Double> speciesOccupancies) {
            species.clear();
            species.putAll(speciesOccupancies);
            return this;
        }

        /** Fractional coordinates. */
        public Builder frac(double x, double y, double z) {
            this.x = x;
            this.y = y;
            this.z = z;
            return this;
        }

        /** Fractional coordinates from a 3-element array. */
        public Builder frac(double[] xyz) {
            if (xyz == null || xyz.length != 3) {
                throw new IllegalArgumentException("frac must have 3 components, got " + Arrays.toString(xyz));
            }
            return frac(xyz[0], xyz[1], xyz[2]);
        }

        /** The label; null is treated as "". */
        public Builder label(String label) {
            this.label = label == null ? "" : label;
            return this;
        }

        /** Sets one property; see {@link Site} for the allowed values. */
        public Builder property(String key, Object value) {
            properties.put(PropertyValues.requireKey(key), PropertyValues.normalize(key, value));
            return this;
        }

        /** Replaces all properties. */
        public Builder properties(Map<String, ?> props) {
            properties.clear();
            props.forEach(this::property);
            return this;
        }

        /**
         * Builds the site.
         *
         * @throws IllegalArgumentException if there is no species, an occupancy is out of range, or a
         *                                  coordinate is not finite
         */
        public Site build() {
            checkCoordinates(x, y, z);
            // + 0.0 turns -0.0 into 0.0, as Structure stores it
            return new Site(checkedSpecies(species), x + 0.0, y + 0.0, z + 0.0, label,
                    PropertyValues.copyOf(properties));
        }
    }
}
