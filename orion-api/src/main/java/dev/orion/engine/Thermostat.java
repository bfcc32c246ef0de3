package dev.orion.engine;

/**
 * How a constant-temperature molecular-dynamics run ({@link Ensemble#NVT} or {@link Ensemble#NPT})
 * holds its temperature.
 */
public enum Thermostat {
    /**
     * A Nosé-Hoover chain (deterministic; samples the canonical ensemble; LAMMPS's {@code fix nvt}
     * and {@code fix npt}). The default.
     */
    NOSE_HOOVER,
    /**
     * Langevin dynamics: friction plus random kicks drawn from the run's seed (stochastic; robust for
     * small or stiff systems; LAMMPS's {@code fix langevin} with {@code fix nve} or {@code fix nph}).
     */
    LANGEVIN
}
