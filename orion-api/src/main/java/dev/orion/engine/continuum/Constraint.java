package dev.orion.engine.continuum;

import java.util.Objects;

/** A prescribed value on every node of a node set: a displacement component or a temperature. */
public sealed interface Constraint {

    /** @return the node set it applies to */
    String nodeSet();

    /**
     * @param nodeSet   a node set of the mesh
     * @param direction 1 (x), 2 (y) or 3 (z)
     * @return that displacement component held at zero
     */
    static Displacement fixed(String nodeSet, int direction) {
        return new Displacement(nodeSet, direction, 0);
    }

    /**
     * @param nodeSet   a node set of the mesh
     * @param direction 1 (x), 2 (y) or 3 (z)
     * @param value     the displacement (length units)
     * @return that displacement component prescribed
     */
    static Displacement displacement(String nodeSet, int direction, double value) {
        return new Displacement(nodeSet, direction, value);
    }

    /** @param nodeSet a node set  @param kelvin the temperature  @return that temperature prescribed */
    static Temperature temperature(String nodeSet, double kelvin) {
        return new Temperature(nodeSet, kelvin);
    }

    /**
     * A displacement component prescribed on a node set.
     *
     * @param nodeSet   the node set
     * @param direction 1 (x), 2 (y) or 3 (z)
     * @param value     the displacement
     */
    record Displacement(String nodeSet, int direction, double value) implements Constraint {
        /** Validates. */
        public Displacement {
            Objects.requireNonNull(nodeSet, "nodeSet");
            if (direction < 1 || direction > 3) {
                throw new IllegalArgumentException("direction must be 1, 2 or 3, got " + direction);
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("displacement must be finite, got " + value);
            }
        }
    }

    /**
     * A temperature prescribed on a node set.
     *
     * @param nodeSet the node set
     * @param kelvin  the temperature
     */
    record Temperature(String nodeSet, double kelvin) implements Constraint {
        /** Validates. */
        public Temperature {
            Objects.requireNonNull(nodeSet, "nodeSet");
            if (!Double.isFinite(kelvin)) {
                throw new IllegalArgumentException("temperature must be finite, got " + kelvin);
            }
        }
    }
}
