package dev.orion.structure;

import java.util.Map;
import java.util.Objects;

/**
 * One atom of a {@link Molecule}: a species at Cartesian coordinates (Å), with properties
 * (JSON-friendly values, as for {@link Site}).
 *
 * @param species    what the atom is
 * @param x          Cartesian x, Å
 * @param y          Cartesian y, Å
 * @param z          Cartesian z, Å
 * @param properties per-atom properties; unmodifiable
 */
public record Atom(Species species, double x, double y, double z, Map<String, Object> properties) {

    /** Validates the components and copies the properties. */
    public Atom {
        Objects.requireNonNull(species, "species");
        Site.checkCoordinates(x, y, z);
        x += 0.0;
        y += 0.0;
        z += 0.0;
        properties = PropertyValues.copyOf(properties);
    }

    /** An atom without properties. */
    public static Atom of(Species species, double x, double y, double z) {
        return new Atom(species, x, y, z, Map.of());
    }

    /** An atom of {@code element} (no oxidation state) without properties. */
    public static Atom of(Element element, double x, double y, double z) {
        return of(Species.of(element), x, y, z);
    }

    /** Shorthand for {@code species().element()}. */
    public Element element() {
        return species.element();
    }

    /** A copy of the coordinates. */
    public double[] coords() {
        return new double[] {x, y, z};
    }
}
