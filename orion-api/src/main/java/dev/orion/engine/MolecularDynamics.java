package dev.orion.engine;

import dev.orion.structure.Structure;
import java.util.Objects;
import java.util.Optional;

/**
 * A molecular-dynamics run. Velocities start from a Maxwell-Boltzmann distribution at
 * {@code temperatureK} drawn with {@code seed}.
 *
 * @param structure    the starting structure
 * @param method       the method, if chosen
 * @param ensemble     NVE, NVT or NPT
 * @param temperatureK initial (and, for NVT/NPT, target) temperature in K
 * @param timeStepFs   time step in fs
 * @param steps        number of steps
 * @param pressureGPa  target pressure for NPT, GPa
 * @param sampleEvery  a trajectory frame every this many steps
 * @param seed         velocity seed (positive); also seeds a Langevin thermostat's kicks
 * @param thermostat   how NVT and NPT hold the temperature (ignored for NVE)
 * @param temperatureDampingFs the thermostat's relaxation time in fs (Nosé-Hoover {@code Tdamp},
 *                     Langevin {@code damp}); 100 time steps unless set
 * @param pressureDampingFs    the barostat's relaxation time in fs ({@code Pdamp}, NPT only); 1,000
 *                     time steps unless set
 */
public record MolecularDynamics(Structure structure, Optional<Method> method, Ensemble ensemble, double temperatureK,
                                double timeStepFs, int steps, double pressureGPa, int sampleEvery, long seed,
                                Thermostat thermostat, double temperatureDampingFs, double pressureDampingFs)
        implements AtomisticCalculation {

    /** Validates. */
    public MolecularDynamics {
        Objects.requireNonNull(structure, "structure");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(ensemble, "ensemble");
        if (!(temperatureK >= 0) || !Double.isFinite(temperatureK)) {
            throw new IllegalArgumentException("temperatureK must be >= 0, got " + temperatureK);
        }
        if (!(timeStepFs > 0) || !Double.isFinite(timeStepFs)) {
            throw new IllegalArgumentException("timeStepFs must be positive, got " + timeStepFs);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (sampleEvery < 1) {
            throw new IllegalArgumentException("sampleEvery must be >= 1, got " + sampleEvery);
        }
        if (seed < 1 || seed > 900_000_000) {
            throw new IllegalArgumentException("seed must be 1..900000000 (LAMMPS's range), got " + seed);
        }
        if (ensemble != Ensemble.NVE && temperatureK == 0) {
            throw new IllegalArgumentException(ensemble + " needs a positive temperatureK");
        }
        Objects.requireNonNull(thermostat, "thermostat");
        if (!(temperatureDampingFs > 0) || !Double.isFinite(temperatureDampingFs)) {
            throw new IllegalArgumentException("temperatureDampingFs must be positive, got " + temperatureDampingFs);
        }
        if (!(pressureDampingFs > 0) || !Double.isFinite(pressureDampingFs)) {
            throw new IllegalArgumentException("pressureDampingFs must be positive, got " + pressureDampingFs);
        }
        if (!Double.isFinite(pressureGPa)) {
            throw new IllegalArgumentException("pressureGPa must be finite, got " + pressureGPa);
        }
    }

    /** @param structure the starting structure  @return a builder (NVE, 300 K, 1 fs, 1000 steps) */
    public static Builder builder(Structure structure) {
        return new Builder(structure);
    }

    @Override
    public MolecularDynamics with(Method m) {
        return new MolecularDynamics(structure, Optional.of(Objects.requireNonNull(m, "method")), ensemble,
                temperatureK, timeStepFs, steps, pressureGPa, sampleEvery, seed, thermostat, temperatureDampingFs,
                pressureDampingFs);
    }

    @Override
    public String kind() {
        return "md";
    }

    /** Builds a {@link MolecularDynamics} run. */
    public static final class Builder {
        private final Structure structure;
        private Optional<Method> method = Optional.empty();
        private Ensemble ensemble = Ensemble.NVE;
        private double temperature = 300;
        private double timeStep = 1;
        private int steps = 1000;
        private double pressure;
        private int sampleEvery = 100;
        private long seed = 12345;
        private Thermostat thermostat = Thermostat.NOSE_HOOVER;
        private double temperatureDamping = Double.NaN;
        private double pressureDamping = Double.NaN;

        private Builder(Structure structure) {
            this.structure = Objects.requireNonNull(structure, "structure");
        }

        /** @param m the method  @return this */
        public Builder method(Method m) {
            this.method = Optional.of(Objects.requireNonNull(m, "method"));
            return this;
        }

        /** @param e the ensemble  @return this */
        public Builder ensemble(Ensemble e) {
            this.ensemble = Objects.requireNonNull(e, "ensemble");
            return this;
        }

        /** @param kelvin temperature  @return this */
        public Builder temperature(double kelvin) {
            this.temperature = kelvin;
            return this;
        }

        /** @param fs time step  @return this */
        public Builder timeStep(double fs) {
            this.timeStep = fs;
            return this;
        }

        /** @param n number of steps  @return this */
        public Builder steps(int n) {
            this.steps = n;
            return this;
        }

        /** @param gpa NPT target pressure  @return this */
        public Builder pressure(double gpa) {
            this.pressure = gpa;
            return this;
        }

        /** @param n a frame every n steps  @return this */
        public Builder sampleEvery(int n) {
            this.sampleEvery = n;
            return this;
        }

        /** @param s velocity seed  @return this */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** @param t how NVT and NPT hold the temperature (default Nosé-Hoover)  @return this */
        public Builder thermostat(Thermostat t) {
            this.thermostat = Objects.requireNonNull(t, "thermostat");
            return this;
        }

        /** @param fs the thermostat's relaxation time (default 100 time steps)  @return this */
        public Builder temperatureDamping(double fs) {
            this.temperatureDamping = fs;
            return this;
        }

        /** @param fs the barostat's relaxation time (default 1,000 time steps)  @return this */
        public Builder pressureDamping(double fs) {
            this.pressureDamping = fs;
            return this;
        }

        /** @return the run */
        public MolecularDynamics build() {
            return new MolecularDynamics(structure, method, ensemble, temperature, timeStep, steps, pressure,
                    sampleEvery, seed, thermostat, Double.isNaN(temperatureDamping) ? 100 * timeStep : temperatureDamping,
                    Double.isNaN(pressureDamping) ? 1000 * timeStep : pressureDamping);
        }
    }
}
