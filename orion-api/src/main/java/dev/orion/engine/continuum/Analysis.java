package dev.orion.engine.continuum;

/**
 * What a {@link dev.orion.engine.FiniteElement} calculation solves for: static linear-elastic
 * equilibrium, steady-state heat conduction, or the lowest natural frequencies.
 */
public sealed interface Analysis {

    /** @return linear-elastic static equilibrium (displacements and stresses) */
    static Analysis staticElastic() {
        return new Static();
    }

    /** @return steady-state heat conduction (temperatures) */
    static Analysis steadyHeat() {
        return new SteadyHeat();
    }

    /** @param modes how many of the lowest modes  @return a natural-frequency analysis */
    static Analysis frequencies(int modes) {
        return new Frequency(modes);
    }

    /** @return a short name: {@code "static"}, {@code "steady-heat"} or {@code "frequency"} */
    String kind();

    /** Linear-elastic static equilibrium. */
    record Static() implements Analysis {
        @Override
        public String kind() {
            return "static";
        }
    }

    /** Steady-state heat conduction. */
    record SteadyHeat() implements Analysis {
        @Override
        public String kind() {
            return "steady-heat";
        }
    }

    /**
     * The lowest natural frequencies of the constrained part.
     *
     * @param modes how many (1 to 1000)
     */
    record Frequency(int modes) implements Analysis {
        /** Validates. */
        public Frequency {
            if (modes < 1 || modes > 1000) {
                throw new IllegalArgumentException("modes must be in 1..1000, got " + modes);
            }
        }

        @Override
        public String kind() {
            return "frequency";
        }
    }
}
