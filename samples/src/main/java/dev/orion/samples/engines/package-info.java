/**
 * Engine samples: a LAMMPS relaxation, a Quantum ESPRESSO SCF, the same relaxation as a SLURM job and
 * a CalculiX plate with a hole read at its nodes, each run through the persisted job service.
 */
package dev.orion.samples.engines;
