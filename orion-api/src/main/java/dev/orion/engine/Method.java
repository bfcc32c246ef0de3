package dev.orion.engine;

/**
 * How energies are computed: an interatomic {@link Potential} (LAMMPS, the built-in EAM engine) or
 * density-functional {@link DftParameters} (Quantum ESPRESSO).
 */
public sealed interface Method permits Potential, DftParameters {
}
