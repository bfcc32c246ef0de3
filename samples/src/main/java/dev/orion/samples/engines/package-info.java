/**
 * Engine samples: a LAMMPS relaxation, a Quantum ESPRESSO SCF and the same relaxation as a SLURM job,
 * each run through the persisted job service.
 */
package dev.orion.samples.engines;
