package dev.orion.io.lammps;

import dev.orion.structure.Element;
import java.util.Optional;

/**
 * Finds the element of a LAMMPS atom type from its mass, for data files whose {@code Masses}
 * section carries no {@code # Symbol} comments.
 */
final class ElementByMass {

    /** The largest difference, in u, between a type's mass and the standard atomic mass of its element. */
    static final double TOLERANCE = 0.1;

    private ElementByMass() {
    }

    /**
     * The outcome of a lookup.
     *
     * @param element the unique element within {@link #TOLERANCE}, if there is one
     * @param nearest the nearest element (for messages)
     * @param second  the second nearest element within the tolerance, if any (the mass is then ambiguous)
     */
    record Match(Optional<Element> element, Element nearest, Optional<Element> second) {
    }

    static Match of(double mass) {
        Element best = Element.H;
        Element next = null;
        for (Element e : Element.values()) {
            double d = Math.abs(e.atomicMass() - mass);
            if (d < Math.abs(best.atomicMass() - mass)) {
                next = best;
                best = e;
            } else if (e != best && (next == null || d < Math.abs(next.atomicMass() - mass))) {
                next = e;
            }
        }
        boolean bestFits = Math.abs(best.atomicMass() - mass) <= TOLERANCE;
        boolean nextFits = next != null && Math.abs(next.atomicMass() - mass) <= TOLERANCE;
        if (bestFits && !nextFits) {
            return new Match(Optional.of(best), best, Optional.empty());
        }
        return new Match(Optional.empty(), best, nextFits ? Optional.of(next) : Optional.empty());
    }
}
