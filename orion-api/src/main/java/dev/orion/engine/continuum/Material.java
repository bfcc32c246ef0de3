package dev.orion.engine.continuum;

import java.util.Objects;
import java.util.Optional;

/**
 * A material as typed values: what each analysis needs is checked by the engine (a static analysis
 * needs elasticity, a steady heat analysis a conductivity, a transient one also density and specific
 * heat, a frequency analysis elasticity and density).
 *
 * <pre>{@code
 * Material steel = Material.builder("steel").elasticity(Elasticity.isotropic(210e9, 0.3))
 *         .density(7850).conductivity(50).build();
 * }</pre>
 *
 * @param name         a name (letters, digits, underscores), written into the input deck
 * @param elasticity   linear elasticity, if given
 * @param conductivity isotropic thermal conductivity (W/(m K)), if given
 * @param density      mass density (kg/m³), if given
 * @param specificHeat specific heat capacity (J/(kg K)), if given
 */
public record Material(String name, Optional<Elasticity> elasticity, Optional<Double> conductivity,
                       Optional<Double> density, Optional<Double> specificHeat) {

    /** Validates. */
    public Material {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,79}")) {
            throw new IllegalArgumentException("material name must be a letter then letters, digits or _, got '" + name + "'");
        }
        Objects.requireNonNull(elasticity, "elasticity");
        positive("conductivity", conductivity);
        positive("density", density);
        positive("specificHeat", specificHeat);
    }

    private static void positive(String what, Optional<Double> value) {
        Objects.requireNonNull(value, what);
        value.ifPresent(v -> {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException(what + " must be finite and > 0, got " + v);
            }
        });
    }

    /** @param name the material's name  @return a builder with nothing set */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a {@link Material}. */
    public static final class Builder {
        private final String name;
        private Optional<Elasticity> elasticity = Optional.empty();
        private Optional<Double> conductivity = Optional.empty();
        private Optional<Double> density = Optional.empty();
        private Optional<Double> specificHeat = Optional.empty();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** @param e linear elasticity  @return this */
        public Builder elasticity(Elasticity e) {
            this.elasticity = Optional.of(Objects.requireNonNull(e, "elasticity"));
            return this;
        }

        /** @param k thermal conductivity (W/(m K))  @return this */
        public Builder conductivity(double k) {
            this.conductivity = Optional.of(k);
            return this;
        }

        /** @param rho mass density (kg/m³)  @return this */
        public Builder density(double rho) {
            this.density = Optional.of(rho);
            return this;
        }

        /** @param c specific heat capacity (J/(kg K))  @return this */
        public Builder specificHeat(double c) {
            this.specificHeat = Optional.of(c);
            return this;
        }

        /** @return the material */
        public Material build() {
            return new Material(name, elasticity, conductivity, density, specificHeat);
        }
    }
}
