package dev.orion.io.lammps;

import dev.orion.structure.Element;
import java.util.Optional;

/**
 * Finds the element of a LAMMPS atom type from its mass, for data files whose {@code Masses}
 * section carries no {@code # Symbol} comments: the element whose standard atomic mass is within
 * {@link #TOLERANCE} of it, when exactly one is, or when exactly one is within {@link #EXACT}.
 * Masses within the tolerance of two elements (argon 39.948 and calcium 40.078 around 40.01) are
 * ambiguous.
 */
final class ElementByMass {

    /** The largest difference, in u, between a type's mass and the standard atomic mass of its element. */
    static final double TOLERANCE = 0.1;

    /**
     * A mass this close to one element's standard mass is that element even when another is within
     * {@link #TOLERANCE} (bismuth's 208.9804 against polonium's 209).
     */
    static final double EXACT = 1e-3;

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
        boolean nextFits = next != null && Math.abs(next.atomicMass() - mass) <= TOLERANCE
                && !(Math.abs(best.atomicMass() - mass) <= EXACT && Math.abs(next.atomicMass() - mass) > EXACT);
        if (bestFits && !nextFits) {
            return new Match(Optional.of(best), best, Optional.empty());
        }
        return new Match(Optional.empty(), best, nextFits ? Optional.of(next) : Optional.empty());
    }
}
