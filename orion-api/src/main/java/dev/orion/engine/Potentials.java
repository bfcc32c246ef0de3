package dev.orion.engine;

import dev.orion.structure.Element;
import java.util.HashSet;
import java.util.List;

/** Argument checks shared by the potential records. */
final class Potentials {

    private Potentials() {
    }

    static List<Element> nonEmpty(String name, List<Element> elements) {
        if (elements.isEmpty()) {
            throw new IllegalArgumentException(name + " must name at least one element");
        }
        if (new HashSet<>(elements).size() != elements.size()) {
            throw new IllegalArgumentException(name + " must not repeat an element, got " + elements);
        }
        return List.copyOf(elements);
    }
}
