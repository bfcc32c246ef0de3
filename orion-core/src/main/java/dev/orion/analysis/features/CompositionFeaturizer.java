package dev.orion.analysis.features;

import dev.orion.features.FeatureVector;

import dev.orion.structure.Composition;
import dev.orion.structure.Element;
import dev.orion.structure.Structure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Composition descriptors: for each chosen {@link ElementProperty}, each chosen {@link Statistic} of
 * that property over the elements, weighted by atomic fraction. Features are named
 * {@code property_statistic}, e.g. {@code electronegativity_mean}, {@code Z_std}. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * FeatureVector f = CompositionFeaturizer.standard().featurize(Composition.parse("NaCl"));
 * f.value("Z_mean");                  // 14.0
 * f.value("electronegativity_range"); // 2.23
 * }</pre>
 */
public final class CompositionFeaturizer {

    private static final CompositionFeaturizer STANDARD =
            new CompositionFeaturizer(List.of(ElementProperty.values()), List.of(Statistic.values()));

    private final List<ElementProperty> properties;
    private final List<Statistic> statistics;
    private final List<String> names;

    private CompositionFeaturizer(List<ElementProperty> properties, List<Statistic> statistics) {
        this.properties = properties;
        this.statistics = statistics;
        List<String> n = new ArrayList<>();
        for (ElementProperty p : properties) {
            for (Statistic s : statistics) {
                n.add(p.featureName() + "_" + s.featureName());
            }
        }
        this.names = Collections.unmodifiableList(n);
    }

    /** Every property with every statistic: 6 x 6 = 36 features. */
    public static CompositionFeaturizer standard() {
        return STANDARD;
    }

    /**
     * The chosen properties and statistics, in enum order.
     *
     * @throws IllegalArgumentException if either set is empty
     */
    public static CompositionFeaturizer of(Set<ElementProperty> properties, Set<Statistic> statistics) {
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(statistics, "statistics");
        if (properties.isEmpty() || statistics.isEmpty()) {
            throw new IllegalArgumentException("need at least one property and one statistic, got "
                    + properties + " and " + statistics);
        }
        return new CompositionFeaturizer(List.copyOf(EnumSet.copyOf(properties)), List.copyOf(EnumSet.copyOf(statistics)));
    }

    /** The feature names, in the order of {@link #featurize} values. */
    public List<String> featureNames() {
        return names;
    }

    /**
     * The features of {@code composition}.
     *
     * @throws IllegalArgumentException if the composition is empty
     */
    public FeatureVector featurize(Composition composition) {
        Objects.requireNonNull(composition, "composition");
        if (composition.isEmpty()) {
            throw new IllegalArgumentException("composition is empty: no elements to featurise");
        }
        List<Element> elements = composition.elements();
        double total = composition.numAtoms();
        double[] weights = new double[elements.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = composition.amount(elements.get(i)) / total;
        }
        double[] values = new double[names.size()];
        double[] p = new double[elements.size()];
        int k = 0;
        for (ElementProperty property : properties) {
            for (int i = 0; i < p.length; i++) {
                p[i] = property.of(elements.get(i));
            }
            for (Statistic s : statistics) {
                values[k++] = s.of(p, weights);
            }
        }
        return FeatureVector.of(names, values);
    }

    /** The features of the structure's composition (occupancies summed). */
    public FeatureVector featurize(Structure structure) {
        Objects.requireNonNull(structure, "structure");
        return featurize(structure.composition());
    }
}
