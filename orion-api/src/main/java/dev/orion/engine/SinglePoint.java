package dev.orion.engine;

import dev.orion.structure.Structure;
import java.util.Objects;
import java.util.Optional;

/**
 * Energy, forces and stress of one structure, nothing moved.
 *
 * @param structure the structure
 * @param method    the method, if chosen
 */
public record SinglePoint(Structure structure, Optional<Method> method) implements AtomisticCalculation {

    /** Validates. */
    public SinglePoint {
        Objects.requireNonNull(structure, "structure");
        Objects.requireNonNull(method, "method");
    }

    @Override
    public SinglePoint with(Method m) {
        return new SinglePoint(structure, Optional.of(Objects.requireNonNull(m, "method")));
    }

    @Override
    public String kind() {
        return "single-point";
    }
}
