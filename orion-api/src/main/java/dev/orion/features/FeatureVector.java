package dev.orion.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An immutable, ordered vector of named features, the input row of a machine-learning model.
 * Names are unique; values may be {@code NaN} where an elemental property is not tabulated (for
 * example the electronegativity of He), so that a model pipeline can decide how to impute it.
 *
 * <pre>{@code
 * FeatureVector f = FeatureVector.of(List.of("density", "volume_per_atom"), new double[] {2.16, 22.4});
 * FeatureVector all = compositionFeatures.concat(f);
 * all.value("density");       // 2.16
 * all.toArray();              // the row for the model
 * }</pre>
 */
public final class FeatureVector {

    private static final FeatureVector EMPTY = new FeatureVector(List.of(), new double[0], Map.of());

    private final List<String> names;
    private final double[] values;
    private final Map<String, Integer> positions;

    private FeatureVector(List<String> names, double[] values, Map<String, Integer> positions) {
        this.names = names;
        this.values = values;
        this.positions = positions;
    }

    /** The vector with no features. */
    public static FeatureVector empty() {
        return EMPTY;
    }

    /**
     * A vector of {@code names[i] = values[i]}; both are copied.
     *
     * @throws IllegalArgumentException if the lengths differ, a name is blank or repeated, or a value
     *                                  is infinite
     */
    public static FeatureVector of(List<String> names, double[] values) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(values, "values");
        if (names.size() != values.length) {
            throw new IllegalArgumentException("names and values must have the same length, got "
                    + names.size() + " names and " + values.length + " values");
        }
        Map<String, Integer> positions = new HashMap<>(names.size() * 2);
        List<String> copy = new ArrayList<>(names.size());
        for (int i = 0; i < values.length; i++) {
            String name = names.get(i);
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("feature name " + i + " is blank: '" + name + "'");
            }
            if (Double.isInfinite(values[i])) {
                throw new IllegalArgumentException("feature '" + name + "' must not be infinite, got " + values[i]);
            }
            if (positions.put(name, i) != null) {
                throw new IllegalArgumentException("feature name '" + name + "' occurs more than once");
            }
            copy.add(name);
        }
        return new FeatureVector(Collections.unmodifiableList(copy), values.clone(), Collections.unmodifiableMap(positions));
    }

    /** A vector from an ordered map of names to values (iteration order is kept). */
    public static FeatureVector of(Map<String, Double> features) {
        Objects.requireNonNull(features, "features");
        double[] v = new double[features.size()];
        int i = 0;
        for (Double d : features.values()) {
            v[i++] = Objects.requireNonNull(d, "feature value");
        }
        return of(new ArrayList<>(features.keySet()), v);
    }

    /** The vectors one after the other. */
    public static FeatureVector concat(FeatureVector... parts) {
        FeatureVector out = EMPTY;
        for (FeatureVector p : parts) {
            out = out.concat(p);
        }
        return out;
    }

    /** Number of features. */
    public int size() {
        return values.length;
    }

    /** The feature names in order; unmodifiable. */
    public List<String> names() {
        return names;
    }

    /** Name of feature {@code i}. */
    public String name(int i) {
        return names.get(i);
    }

    /** Value of feature {@code i}. */
    public double value(int i) {
        Objects.checkIndex(i, values.length);
        return values[i];
    }

    /**
     * Value of the feature called {@code name}.
     *
     * @throws IllegalArgumentException if there is no such feature
     */
    public double value(String name) {
        Integer i = positions.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no feature named '" + name + "' among " + names.size() + " features");
        }
        return values[i];
    }

    /** Value of the feature called {@code name}, or empty if there is none. */
    public OptionalDouble find(String name) {
        Integer i = positions.get(name);
        return i == null ? OptionalDouble.empty() : OptionalDouble.of(values[i]);
    }

    /** True if a feature of that name exists. */
    public boolean contains(String name) {
        return positions.containsKey(name);
    }

    /** The values as a new array, in the order of {@link #names()}. */
    public double[] toArray() {
        return values.clone();
    }

    /** Names to values, in order; unmodifiable. */
    public Map<String, Double> toMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(names.get(i), values[i]);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * This vector followed by {@code other}.
     *
     * @throws IllegalArgumentException if a name occurs in both
     */
    public FeatureVector concat(FeatureVector other) {
        Objects.requireNonNull(other, "other");
        if (other.size() == 0) {
            return this;
        }
        if (size() == 0) {
            return other;
        }
        List<String> n = new ArrayList<>(names);
        n.addAll(other.names);
        double[] v = Arrays.copyOf(values, values.length + other.values.length);
        System.arraycopy(other.values, 0, v, values.length, other.values.length);
        return of(n, v);
    }

    /** The same values with every name prefixed ({@code "A_"} + name), to tell sources apart. */
    public FeatureVector withPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        List<String> n = new ArrayList<>(names.size());
        for (String name : names) {
            n.add(prefix + name);
        }
        return of(n, values);
    }

    /** Equal if the names and values are equal in order ({@code NaN} equals {@code NaN}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureVector f && names.equals(f.names) && Arrays.equals(values, f.values);
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + Arrays.hashCode(values);
    }

    /** {@code FeatureVector[density=2.16, volume_per_atom=22.4]}, at most 20 features. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("FeatureVector[");
        int shown = Math.min(20, values.length);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(names.get(i)).append('=').append(String.format(Locale.ROOT, "%.6g", values[i]));
        }
        if (shown < values.length) {
            sb.append(", ... (").append(values.length).append(" features)");
        }
        return sb.append(']').toString();
    }
}
