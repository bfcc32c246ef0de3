package dev.orion.engine.continuum;

import java.util.Objects;

/**
 * A load: a force spread over the nodes of a node set, a pressure on the element faces of a node
 * set, or a heat source in every element.
 */
public sealed interface Load {

    /**
     * @param nodeSet   a node set of the mesh
     * @param direction 1 (x), 2 (y) or 3 (z)
     * @param total     the total force (N), split equally over the set's nodes
     * @return the load
     */
    static NodalForce force(String nodeSet, int direction, double total) {
        return new NodalForce(nodeSet, direction, total);
    }

    /**
     * A uniform pressure on the surface a node set covers: every element face whose four nodes are
     * all in the set. Positive pushes into the part (compression), negative pulls (tension), so
     * {@code Load.pressure("XMAX", -100e6)} stretches a part by 100 MPa along x: unlike
     * {@link #force}, the traction is uniform whatever the spacing of the nodes.
     *
     * @param nodeSet a node set of the mesh that covers at least one element face
     * @param pascals the pressure (Pa in SI)
     * @return the load
     */
    static Pressure pressure(String nodeSet, double pascals) {
        return new Pressure(nodeSet, pascals);
    }

    /** @param wattsPerCubicMetre heat generated per volume in every element  @return the load */
    static BodyHeat bodyHeat(double wattsPerCubicMetre) {
        return new BodyHeat(wattsPerCubicMetre);
    }

    /**
     * A total force split equally over the nodes of a set (so a uniform face load is only
     * approximated near edges; far from the loaded face the difference vanishes, by Saint-Venant).
     *
     * @param nodeSet   the node set
     * @param direction 1 (x), 2 (y) or 3 (z)
     * @param total     the total force
     */
    record NodalForce(String nodeSet, int direction, double total) implements Load {
        /** Validates. */
        public NodalForce {
            Objects.requireNonNull(nodeSet, "nodeSet");
            if (direction < 1 || direction > 3) {
                throw new IllegalArgumentException("direction must be 1, 2 or 3, got " + direction);
            }
            if (!Double.isFinite(total)) {
                throw new IllegalArgumentException("force must be finite, got " + total);
            }
        }
    }

    /**
     * A uniform pressure on the element faces a node set covers (positive into the part).
     *
     * @param nodeSet the node set
     * @param pascals the pressure
     */
    record Pressure(String nodeSet, double pascals) implements Load {
        /** Validates. */
        public Pressure {
            Objects.requireNonNull(nodeSet, "nodeSet");
            if (!Double.isFinite(pascals)) {
                throw new IllegalArgumentException("pressure must be finite, got " + pascals);
            }
        }
    }

    /**
     * Uniform volumetric heat generation in every element.
     *
     * @param wattsPerCubicMetre the source density
     */
    record BodyHeat(double wattsPerCubicMetre) implements Load {
        /** Validates. */
        public BodyHeat {
            if (!Double.isFinite(wattsPerCubicMetre)) {
                throw new IllegalArgumentException("heat source must be finite, got " + wattsPerCubicMetre);
            }
        }
    }
}
