package dev.orion.engine;

/** The thermodynamic ensemble of a molecular-dynamics run. */
public enum Ensemble {
    /** Constant energy (velocity Verlet). */
    NVE,
    /** Constant temperature (Nosé-Hoover thermostat). */
    NVT,
    /** Constant temperature and pressure (Nosé-Hoover thermostat and barostat). */
    NPT
}
