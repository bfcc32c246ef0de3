package dev.orion.engine.continuum;

/**
 * What a {@link dev.orion.engine.FiniteElement} calculation solves for: static linear-elastic
 * equilibrium, steady-state or transient heat conduction, or the lowest natural frequencies.
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

    /**
     * @param timeStep           the fixed time increment (> 0)
     * @param duration           the time simulated (>= timeStep)
     * @param initialTemperature the uniform temperature at time 0
     * @return transient heat conduction (backward Euler in time), temperatures at the end
     */
    static Analysis transientHeat(double timeStep, double duration, double initialTemperature) {
        return new TransientHeat(timeStep, duration, initialTemperature);
    }

    /** @param modes how many of the lowest modes  @return a natural-frequency analysis */
    static Analysis frequencies(int modes) {
        return new Frequency(modes);
    }

    /** @return a short name: {@code "static"}, {@code "steady-heat"}, {@code "transient-heat"} or {@code "frequency"} */
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
     * Transient heat conduction from a uniform temperature, in fixed increments.
     *
     * @param timeStep           the increment (> 0)
     * @param duration           the time simulated (>= timeStep, at most a million increments)
     * @param initialTemperature the uniform temperature at time 0
     */
    record TransientHeat(double timeStep, double duration, double initialTemperature) implements Analysis {
        /** Validates. */
        public TransientHeat {
            if (!(timeStep > 0) || !Double.isFinite(duration) || !(duration >= timeStep) || duration / timeStep > 1e6) {
                throw new IllegalArgumentException("need 0 < timeStep <= duration <= 1e6 timeStep, got timeStep "
                        + timeStep + ", duration " + duration);
            }
            if (!Double.isFinite(initialTemperature)) {
                throw new IllegalArgumentException("initialTemperature must be finite, got " + initialTemperature);
            }
        }

        /** @return the number of increments, duration / timeStep rounded up */
        public int increments() {
            return (int) Math.ceil(duration / timeStep - 1e-9);
        }

        @Override
        public String kind() {
            return "transient-heat";
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
