package dev.orion.campaign;

import dev.orion.structure.Element;
import java.util.HashSet;
import java.util.List;

/**
 * The atomic fractions of a few elements, non-negative and summing to one (an alloy or a solid solution),
 * each fraction at least {@code minFraction}.
 *
 * @param name        the name
 * @param elements    the distinct elements, at least two
 * @param minFraction the smallest fraction any element may have, in {@code [0, 1/elements.size())}
 */
public record CompositionParameter(String name, List<Element> elements, double minFraction) implements Parameter {

    /** Validates and copies. */
    public CompositionParameter {
        Checks.name("name", name);
        elements = Checks.nonEmpty("elements of " + name, elements);
        if (elements.size() < 2 || new HashSet<>(elements).size() != elements.size()) {
            throw new IllegalArgumentException("elements of " + name + " must be at least two distinct elements, got "
                    + elements);
        }
        if (!(minFraction >= 0 && minFraction < 1.0 / elements.size())) {
            throw new IllegalArgumentException("minFraction of " + name + " must be in [0, 1/" + elements.size()
                    + "), got " + minFraction);
        }
    }

    /** @param name name  @param elements the elements  @return a composition parameter with no minimum fraction */
    public static CompositionParameter of(String name, Element... elements) {
        return new CompositionParameter(name, List.of(elements), 0);
    }
}
